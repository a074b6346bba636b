import { describe, expect, it } from "vitest";
import { approx, compared, outletNamed } from "./helpers";
import { BETA, D1, D5, GAMMA, TOTAL } from "./expected";

describe("outlets of the fixture", () => {
  const c = compared();

  it("lists outlets by name with the documents without an outlet last", () => {
    expect(c.outlets.map((o) => [o.outletId, o.outletName])).toEqual([
      [10, "Alpha Times"],
      [20, "Beta News"],
      [30, "Gamma Post"],
      [null, null],
    ]);
  });

  it("orders an outlet's documents by date with undated ones last", () => {
    expect(c.outlets.map((o) => o.documents.map((d) => d.document.id))).toEqual([[1], [2, 3], [4, 6], [5]]);
  });

  it("sums an outlet's documents and recomputes its shares and densities from the sums", () => {
    expect(outletNamed(c, "Alpha Times").figures).toEqual(approx(D1));
    expect(outletNamed(c, "Beta News").figures).toEqual(approx(BETA));
    expect(outletNamed(c, "Gamma Post").figures).toEqual(approx(GAMMA));
    expect(outletNamed(c, null).figures).toEqual(approx(D5));
  });

  it("does not average the documents' shares (Beta: 185/900, not the mean of 0.2 and 0.2167)", () => {
    const share = outletNamed(c, "Beta News").figures.voice.quotedShare!;
    expect(share).toBeCloseTo(0.205556, 6);
    expect(share).not.toBeCloseTo((0.2 + 65 / 300) / 2, 4);
  });

  it("totals every document of the story, the one without outlet included", () => {
    expect(c.total).toEqual(approx(TOTAL));
  });
});
