// The balanced auto-assignment plan: every document reaches N reviewers, nobody gets a
// document twice, loads stay within one of each other, and the same input gives the same plan.
import { describe, expect, it } from "vitest";
import { planBalancedAssignments, type AssignmentPair, type PlanInput } from "@/lib/assignment/balance";

const range = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);

function plan(input: PlanInput): { assignments: AssignmentPair[]; loads: Map<number, number> } {
  const result = planBalancedAssignments(input);
  if (!result.ok) throw new Error(result.message);
  return result;
}

function perDocument(pairs: readonly AssignmentPair[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const { documentId, userId } of pairs) out.set(documentId, [...(out.get(documentId) ?? []), userId]);
  return out;
}

const spread = (loads: Map<number, number>): number => Math.max(...loads.values()) - Math.min(...loads.values());
const key = (p: AssignmentPair): string => `${p.documentId}:${p.userId}`;

describe("planning from scratch", () => {
  const cases = range(4, 1).flatMap((reviewers) => range(reviewers).flatMap((n) => [0, 1, 2, 5, 7, 13, 40].map((docs) => ({ reviewers, n, docs }))));

  it.each(cases)("gives each of $docs documents to $n of $reviewers reviewers, loads within one, no duplicates", ({ reviewers, n, docs }) => {
    const { assignments, loads } = plan({ documentIds: range(docs, 100), reviewerIds: range(reviewers, 10), perDocument: n, existing: [] });
    expect(assignments).toHaveLength(docs * n);
    expect(new Set(assignments.map(key)).size).toBe(assignments.length);
    for (const users of perDocument(assignments).values()) expect(new Set(users).size).toBe(n);
    expect(spread(loads)).toBeLessThanOrEqual(1);
    expect([...loads.values()].reduce((a, b) => a + b, 0)).toBe(docs * n);
  });

  it("is deterministic and ignores the order (and repeats) of its inputs", () => {
    const a = plan({ documentIds: [5, 3, 9, 1, 7], reviewerIds: [30, 10, 20], perDocument: 2, existing: [] });
    const b = plan({ documentIds: [1, 3, 5, 7, 9, 9], reviewerIds: [10, 20, 30, 10], perDocument: 2, existing: [] });
    expect(a.assignments).toEqual(b.assignments);
    expect(a.assignments.slice(0, 4)).toEqual([
      { documentId: 1, userId: 10 },
      { documentId: 1, userId: 20 },
      { documentId: 3, userId: 30 },
      { documentId: 3, userId: 10 },
    ]);
  });
});

describe("planning on top of existing assignments", () => {
  it("skips documents a reviewer already has and counts them toward N", () => {
    const existing = [
      { documentId: 1, userId: 10 },
      { documentId: 2, userId: 10 },
      { documentId: 2, userId: 20 },
    ];
    const { assignments } = plan({ documentIds: [1, 2, 3], reviewerIds: [10, 20, 30], perDocument: 2, existing });
    const all = [...existing, ...assignments];
    expect(new Set(all.map(key)).size).toBe(all.length);
    expect(assignments.filter((p) => p.documentId === 2)).toEqual([]);
    expect(assignments.filter((p) => p.documentId === 1).map((p) => p.userId)).not.toContain(10);
    for (const users of perDocument(all).values()) expect(users).toHaveLength(2);
  });

  it("gives nothing new when run a second time", () => {
    const input = { documentIds: range(9), reviewerIds: [1, 2, 3, 4], perDocument: 2, existing: [] };
    const first = plan(input);
    expect(plan({ ...input, existing: first.assignments }).assignments).toEqual([]);
  });

  it("evens out loads that start uneven when there is room to", () => {
    // Reviewer 10 already has documents 1–4 (N = 1): the new documents go to the others first.
    const existing = range(4).map((documentId) => ({ documentId, userId: 10 }));
    const { assignments, loads } = plan({ documentIds: range(10), reviewerIds: [10, 20, 30], perDocument: 1, existing });
    expect(assignments.every((p) => p.documentId > 4)).toBe(true);
    expect(Object.fromEntries(loads)).toEqual({ 10: 4, 20: 3, 30: 3 });
  });

  it("lets assignments to people outside the pool count toward N without loading the pool", () => {
    const existing = [{ documentId: 1, userId: 99 }];
    const { assignments, loads } = plan({ documentIds: [1, 2], reviewerIds: [10, 20], perDocument: 1, existing });
    expect(assignments).toEqual([{ documentId: 2, userId: 10 }]);
    expect(Object.fromEntries(loads)).toEqual({ 10: 1, 20: 0 });
  });
});

describe("refusals", () => {
  it("refuses fewer reviewers than N, with a message saying how many to choose", () => {
    const result = planBalancedAssignments({ documentIds: [1], reviewerIds: [10], perDocument: 2, existing: [] });
    expect(result).toEqual({
      ok: false,
      reason: "too_few_reviewers",
      message: "You chose 1 reviewer; choose at least 2 to give each document to 2 reviewers.",
    });
  });

  it("refuses an empty pool and a count below one", () => {
    expect(planBalancedAssignments({ documentIds: [1], reviewerIds: [], perDocument: 1, existing: [] })).toMatchObject({ ok: false, reason: "no_reviewers" });
    expect(planBalancedAssignments({ documentIds: [1], reviewerIds: [1], perDocument: 0, existing: [] })).toMatchObject({ ok: false, reason: "bad_count" });
    expect(planBalancedAssignments({ documentIds: [1], reviewerIds: [1], perDocument: 1.5, existing: [] })).toMatchObject({ ok: false, reason: "bad_count" });
  });
});
