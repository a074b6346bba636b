import { describe, expect, it } from "vitest";
import { matchOutlet, resolveMetadata, type FoundMetadata } from "../../../lib/import";

const FOUND: FoundMetadata = {
  title: "From the file",
  outlet: "File Outlet",
  author: "File Author",
  publishedAt: "2024-01-02",
  url: "https://file.test/a",
};

describe("resolveMetadata", () => {
  it("without a row, takes what the batch gives and falls back to the file field by field", () => {
    expect(resolveMetadata(FOUND, { outlet: "Given Outlet", story: "S" }, undefined)).toEqual({
      outlet: "Given Outlet",
      story: "S",
      author: "File Author",
      publishedAt: "2024-01-02",
      url: "https://file.test/a",
    });
  });

  it("with a row, takes the row whole: a field emptied in the row stays empty even when the file has one", () => {
    expect(resolveMetadata(FOUND, { outlet: "Batch" }, { outlet: "Row Outlet", publishedAt: "2020-05-06" })).toEqual({
      outlet: "Row Outlet",
      story: undefined,
      author: undefined,
      publishedAt: "2020-05-06",
      url: undefined,
    });
  });
});

describe("matchOutlet", () => {
  const known = [
    { name: "The Example Ledger", domain: "ledger.example" },
    { name: "Wire Service", domain: null },
  ];

  it("spells a page's outlet name as the existing outlet when they match in any letter case", () => {
    expect(matchOutlet({ outlet: "THE EXAMPLE LEDGER", url: null }, known)).toBe("The Example Ledger");
  });

  it("keeps a new outlet name as the page gives it", () => {
    expect(matchOutlet({ outlet: "Brand New Daily", url: "https://ledger.example/x" }, known)).toBe("Brand New Daily");
  });

  it("finds the outlet by the page's host (or a subdomain of it) when the page names none", () => {
    expect(matchOutlet({ outlet: null, url: "https://www.ledger.example/world/1" }, known)).toBe("The Example Ledger");
    expect(matchOutlet({ outlet: null, url: "https://news.ledger.example/1" }, known)).toBe("The Example Ledger");
    expect(matchOutlet({ outlet: null, url: "https://notledger.example/1" }, known)).toBeNull();
    expect(matchOutlet({ outlet: null, url: null }, known)).toBeNull();
  });
});
