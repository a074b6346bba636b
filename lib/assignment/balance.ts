// Balanced automatic assignment: give each document to N reviewers from a chosen pool, so
// that the pool's workloads differ by at most one whenever the existing assignments allow it.
// Pure and deterministic (same input, same plan), so the plan can be tested without a
// database and a manager who runs it twice gets nothing new the second time.

export interface AssignmentPair {
  documentId: number;
  userId: number;
}

export interface PlanInput {
  /** The project's documents; planned in ascending id order. */
  documentIds: readonly number[];
  /** The reviewers to share the work between. */
  reviewerIds: readonly number[];
  /** How many reviewers each document should have in the end. */
  perDocument: number;
  /** Assignments that already exist; they count toward N and toward each reviewer's load. */
  existing: readonly AssignmentPair[];
}

export type PlanResult =
  | { ok: true; assignments: AssignmentPair[]; loads: Map<number, number> }
  | { ok: false; reason: "no_reviewers" | "too_few_reviewers" | "bad_count"; message: string };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function refuse(input: PlanInput, reviewers: number[]): PlanResult | null {
  if (!Number.isInteger(input.perDocument) || input.perDocument < 1) {
    return { ok: false, reason: "bad_count", message: "Give each document to at least one reviewer." };
  }
  if (reviewers.length === 0) return { ok: false, reason: "no_reviewers", message: "Choose at least one reviewer." };
  if (reviewers.length < input.perDocument) {
    return {
      ok: false,
      reason: "too_few_reviewers",
      message: `You chose ${plural(reviewers.length, "reviewer")}; choose at least ${input.perDocument} to give each document to ${plural(input.perDocument, "reviewer")}.`,
    };
  }
  return null;
}

/**
 * Greedy least-loaded-first: for each document (ascending id), the reviewers who lack it are
 * ranked by current load, then by id, and the first (N − already assigned) get it. When every
 * load is m or m+1, taking the k least loaded keeps them within one of each other, so from a
 * fresh start the spread never exceeds one.
 */
export function planBalancedAssignments(input: PlanInput): PlanResult {
  const reviewers = [...new Set(input.reviewerIds)].sort((a, b) => a - b);
  const refusal = refuse(input, reviewers);
  if (refusal !== null) return refusal;

  const holders = new Map<number, Set<number>>();
  const loads = new Map<number, number>(reviewers.map((id) => [id, 0]));
  for (const { documentId, userId } of input.existing) {
    const set = holders.get(documentId) ?? new Set<number>();
    if (set.has(userId)) continue;
    set.add(userId);
    holders.set(documentId, set);
    if (loads.has(userId)) loads.set(userId, loads.get(userId)! + 1);
  }

  const planned: AssignmentPair[] = [];
  for (const documentId of [...new Set(input.documentIds)].sort((a, b) => a - b)) {
    const have = holders.get(documentId) ?? new Set<number>();
    const missing = input.perDocument - have.size;
    if (missing <= 0) continue;
    const chosen = reviewers
      .filter((id) => !have.has(id))
      .sort((a, b) => loads.get(a)! - loads.get(b)! || a - b)
      .slice(0, missing);
    for (const userId of chosen) {
      planned.push({ documentId, userId });
      loads.set(userId, loads.get(userId)! + 1);
    }
  }
  return { ok: true, assignments: planned, loads };
}
