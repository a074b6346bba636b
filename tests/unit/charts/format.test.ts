// How the tables under the charts read and sort.
import { describe, expect, it } from "vitest";
import { formatCell, sortedRowIndexes } from "@/lib/charts/format";

const num = { key: "n", label: "N", numeric: true };
const share = { key: "s", label: "S", numeric: true, share: true };
const text = { key: "t", label: "T", numeric: false };

describe("table cells", () => {
  it("rounds a pooled mean to two decimals, shows a share as a percentage and an empty cell as a dash", () => {
    expect(formatCell(1 / 3, num)).toBe("0.33");
    expect(formatCell(1250, num)).toBe("1,250");
    expect(formatCell(0.155, share)).toBe("15.5 %");
    expect(formatCell(null, num)).toBe("—");
    expect(formatCell("", text)).toBe("—");
    expect(formatCell("<b>x</b>", text)).toBe("<b>x</b>"); // text, rendered by React as text
  });
});

describe("sorting a table", () => {
  const rows = [
    ["Beta", 10, null],
    ["alpha", 2, 0.5],
    ["Gamma", null, 0.1],
    ["Delta", 2, 0.9],
  ];
  it("sorts numbers as numbers, keeps ties in their order, and puts empty cells last both ways", () => {
    expect(sortedRowIndexes(rows, 1, "ascending")).toEqual([1, 3, 0, 2]);
    expect(sortedRowIndexes(rows, 1, "descending")).toEqual([0, 1, 3, 2]);
    expect(sortedRowIndexes(rows, 2, "descending")).toEqual([3, 1, 2, 0]);
  });
  it("sorts text as people read it, whatever the case", () => {
    expect(sortedRowIndexes(rows, 0, "ascending")).toEqual([1, 0, 3, 2]);
  });
});
