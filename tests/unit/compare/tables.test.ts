import { describe, expect, it } from "vitest";
import { comparisonTables, tableToCsv, type Table } from "@/lib/compare";
import { compared } from "./helpers";
import { fixture } from "./fixture";

const tables = comparisonTables(compared(), fixture());

function column(t: Table, key: string): number {
  const i = t.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}
const values = (t: Table, key: string): (string | number | null)[] => t.rows.map((r) => r[column(t, key)]!);

describe("the tables under the charts", () => {
  it("labels columns for people, flags shares, and keeps every row as long as the header", () => {
    for (const t of Object.values(tables)) {
      expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
      for (const row of t.rows) expect(row).toHaveLength(t.columns.length);
    }
    const o = tables.outlets;
    expect(o.columns[column(o, "claims_per_1000")]).toEqual({ key: "claims_per_1000", label: "Claims per 1,000 words", numeric: true });
    expect(o.columns[column(o, "quoted_share")]).toEqual({ key: "quoted_share", label: "Share in quotes", numeric: true, share: true });
    expect(o.columns.filter((c) => c.share).map((c) => c.key)).toEqual(["quoted_share", "named_share", "republished_share"]);
    expect(o.columns[column(o, "outlet")]!.numeric).toBe(false);
  });

  it("has one outlet row per outlet, in order, with its figures (shares as 0..1)", () => {
    const o = tables.outlets;
    expect(values(o, "outlet")).toEqual(["Alpha Times", "Beta News", "Gamma Post", "No outlet"]);
    expect(values(o, "documents")).toEqual([1, 2, 2, 1]);
    expect(values(o, "claims")).toEqual([2, 2.5, 1, 1]);
    expect(values(o, "claims_per_1000")).toEqual([10, expect.closeTo(16.6666667, 6), 12.5, 25]);
    expect(values(o, "quoted_share")).toEqual([0.17, expect.closeTo(0.2055556, 6), 0.075, 0.2]);
    expect(values(o, "named_share")).toEqual([0.5, expect.closeTo(0.5714286, 6), 1, 1]);
    expect(values(o, "top_speakers")[1]).toBe("former diplomat (1); Jane Doe (1); Ministry of Health (1); Spokesperson (0.5)");
    expect(values(o, "republished_from")[2]).toBe("Alpha Times (100 characters); Delta Wire (60 characters)");
    expect(values(o, "republished_share")).toEqual([0, 0, 0.4, 0]);
    expect(values(o, "speaker_named_person")).toEqual([2, 1, 0, 1]);
    expect(values(o, "sentiment_-1")).toEqual([1, 0, 0, 0]);
    expect(values(o, "certainty_unset")).toEqual([0, 1, 0, 0]);
  });

  it("lists every document, the one without outlet or date shown as such, with the layer it shows", () => {
    const d = tables.documents;
    expect(values(d, "document")).toEqual(["Alpha report", "Beta story", "Beta follow-up", "Gamma repost", "Empty page", "Leaflet"]);
    expect(values(d, "outlet")).toEqual(["Alpha Times", "Beta News", "Beta News", "Gamma Post", "Gamma Post", "No outlet"]);
    expect(values(d, "published")).toEqual(["2024-03-01", "2024-03-01", "2024-03-03", "2024-02-28", "Undated", "Undated"]);
    expect(values(d, "layer")).toEqual([
      "Gold (adjudicated)",
      "Reviewer: Rita",
      "Mean of 2 reviewers",
      "Gold (adjudicated)",
      "No annotations",
      "Reviewer: Sam",
    ]);
    expect(values(d, "words")).toEqual([200, 100, 50, 80, 0, 40]);
    expect(values(d, "quotes_per_1000")).toEqual([20, 30, 30, 12.5, null, 25]);
  });

  it("has a speakers row per speaker with a count per outlet and per mode", () => {
    const s = tables.speakers;
    expect(s.columns.slice(3, 7).map((c) => c.label)).toEqual(["Quotes in Alpha Times", "Quotes in Beta News", "Quotes in Gamma Post", "Quotes in No outlet"]);
    expect(s.rows).toEqual([
      ["Jane Doe", "person", 5, 2, 2, 0, 1, 3, 2, 0, 0],
      ["Former Diplomat", null, 2, 1, 1, 0, 0, 2, 0, 0, 0],
      ["Ministry of Health", "government", 2, 0, 1, 1, 0, 1, 1, 0, 0],
      ["Anonymous official", "anonymous", 1, 1, 0, 0, 0, 0, 0, 0, 1],
      ["Spokesperson", null, 1, 0, 1, 0, 0, 1, 0, 0, 0],
      ["Unattributed", null, 1, 0, 1, 0, 0, 0, 0, 1, 0],
    ]);
  });

  it("has a claims row per timeline entry, in timeline order, marking the first appearance", () => {
    const t = tables.claims;
    expect(t.rows).toHaveLength(9);
    expect(t.rows[0]).toEqual(["Stock ran out", 1, "2024-02-28", "Gamma Post", "Gamma repost", "Claim", null, "certain", "Alpha Times", "span 401", "Yes", 1]);
    expect(t.rows[3]).toEqual(["Stock ran out", 4, "Undated", "No outlet", "Leaflet", "Claim", null, "underspecified", null, "span 501", "No", 1]);
    expect(t.rows[4]).toEqual([
      "Minister's warning",
      1,
      "2024-02-28",
      "Gamma Post",
      "Gamma repost",
      "Attributed quote",
      "Ministry of Health",
      null,
      "Delta Wire",
      "span 402",
      "Yes",
      1,
    ]);
    expect(t.rows[8]).toEqual(["Leaflet only", 1, "Undated", "No outlet", "Leaflet", "Attributed quote", "Jane Doe", null, null, "span 502", "No", 1]);
  });

  it("keeps team summaries and published ratings on separate rows", () => {
    expect(tables.perspective.rows).toEqual([
      ["Alpha Times", "Team", "Left–right", 3, 3, 1, 2, 4, null, null, null, null],
      ["Alpha Times", "Team", "Reliability", 1, 40, null, 40, 40, null, null, null, null],
      ["Alpha Times", "AllSides", "Left–right", null, null, null, null, null, 1.5, "Lean Right", "2024-01-05", "https://example.org/a"],
      ["Beta News", "Team", "Left–right", 2, -1.5, expect.closeTo(Math.SQRT1_2, 10), -2, -1, null, null, null, null],
      ["Beta News", "Team", "Reliability", 0, null, null, null, null, null, null, null, null],
      ["Gamma Post", "Team", "Left–right", 0, null, null, null, null, null, null, null, null],
      ["Gamma Post", "Team", "Reliability", 0, null, null, null, null, null, null, null, null],
      ["Gamma Post", "Ad Fontes", "Reliability", null, null, null, null, null, 30, null, "2024-01-06", "https://example.org/g"],
    ]);
  });
});

describe("a table as CSV", () => {
  const t: Table = {
    title: "T",
    columns: [
      { key: "a", label: "Outlet, name", numeric: false },
      { key: "b", label: "Share in quotes", numeric: true, share: true },
      { key: "c", label: "Note", numeric: false },
    ],
    rows: [
      ['He said "no"', 0.1 + 0.2, "line one\nline two"],
      ["=1+1", -1.5, null],
      ["+cmd", 0, "@SUM(A1)"],
      ["-2", 1e21, "\tx"],
      ["Plain", 3, ""],
    ],
  };

  it("writes RFC 4180: header of labels, quoted fields with doubled quotes, CRLF after every record", () => {
    const lines = tableToCsv(t).split("\r\n");
    expect(lines[0]).toBe('"Outlet, name",Share in quotes,Note');
    expect(tableToCsv(t).startsWith('"Outlet, name"')).toBe(true);
    expect(tableToCsv(t).endsWith("\r\n")).toBe(true);
    expect(tableToCsv(t)).toContain('"He said ""no""",0.30000000000000004,"line one\nline two"\r\n');
  });

  it("writes numbers unformatted and null as an empty field", () => {
    expect(tableToCsv(t)).toContain("\r\n'=1+1,-1.5,\r\n");
    expect(tableToCsv(t)).toContain("\r\nPlain,3,\r\n");
  });

  it("defuses text a spreadsheet would run as a formula with a leading apostrophe, never a number", () => {
    const csv = tableToCsv(t);
    expect(csv).toContain("\r\n'+cmd,0,'@SUM(A1)\r\n");
    expect(csv).toContain("\r\n'-2,1e+21,'\tx\r\n");
    expect(csv).not.toContain("\r\n=1+1");
  });

  it("writes a table without rows as its header only", () => {
    expect(tableToCsv({ title: "Empty", columns: [{ key: "x", label: "X", numeric: false }], rows: [] })).toBe("X\r\n");
  });
});
