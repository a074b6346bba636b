import { describe, expect, it } from "vitest";
import { compared } from "./helpers";

type Cell = [count: number, direct: number, indirect: number, mixed: number, unset: number, spanIds: number[]];

const empty: Cell = [0, 0, 0, 0, 0, []];

describe("who speaks where (speakers × outlets)", () => {
  const c = compared();
  const rows = c.speakers.map((r) => ({
    key: r.key,
    name: r.name,
    kind: r.kind,
    total: r.total,
    cells: r.cells.map((cell): Cell => [cell.count, cell.byMode.direct, cell.byMode.indirect, cell.byMode.mixed, cell.byMode.unset, [...cell.spanIds].sort()]),
  }));

  it("has one cell per outlet, in the outlets' order, the no-outlet group included", () => {
    for (const row of c.speakers) expect(row.cells.map((cell) => cell.outletId)).toEqual([10, 20, 30, null]);
  });

  it("counts each speaker's quotes per outlet by mode; pooled documents count every reviewer's quote", () => {
    expect(rows).toEqual([
      {
        key: "source:1",
        name: "Jane Doe",
        kind: "person",
        total: 5,
        cells: [[2, 1, 1, 0, 0, [104, 105]], [2, 1, 1, 0, 0, [302, 313]], empty, [1, 1, 0, 0, 0, [502]]],
      },
      { key: "text:former diplomat", name: "Former Diplomat", kind: null, total: 2, cells: [[1, 1, 0, 0, 0, [106]], [1, 1, 0, 0, 0, [204]], empty, empty] },
      { key: "source:2", name: "Ministry of Health", kind: "government", total: 2, cells: [empty, [1, 0, 1, 0, 0, [203]], [1, 1, 0, 0, 0, [402]], empty] },
      { key: "source:3", name: "Anonymous official", kind: "anonymous", total: 1, cells: [[1, 0, 0, 0, 1, [107]], empty, empty, empty] },
      { key: "text:spokesperson", name: "Spokesperson", kind: null, total: 1, cells: [empty, [1, 1, 0, 0, 0, [314]], empty, empty] },
      { key: "unattributed", name: "Unattributed", kind: null, total: 1, cells: [empty, [1, 0, 0, 1, 0, [205]], empty, empty] },
    ]);
  });

  it("has a cell count equal to the quotes it opens, and the matrix holds every quote once", () => {
    let sum = 0;
    for (const row of c.speakers)
      for (const cell of row.cells) {
        expect(cell.spanIds).toHaveLength(cell.count);
        sum += cell.count;
      }
    expect(sum).toBe(12);
  });
});
