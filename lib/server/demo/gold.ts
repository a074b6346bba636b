// How far the demo's review got: the reviewers mark documents done, and on the settled ones
// the editor decides every difference through the real adjudication functions, so the gold
// state is derived the normal way (lib/review isGold) rather than declared.
import { getDb } from "@/db";
import type { DemoReviewerKey } from "@/db/seed/demo-people";
import { markDocumentDone } from "../assignments";
import { acceptAllUnanimous, decide } from "../adjudication";
import { loadReviewState } from "../adjudication/state";
import type { SessionUser } from "../session";
import type { DemoTeam } from "./people";

function check(result: { ok: true } | { ok: false; error: string }, what: string): void {
  if (!result.ok) throw new Error(`demo ${what} refused: ${result.error}`);
}

export async function markDemoDone(projectId: number, team: DemoTeam, documentIds: readonly number[], done: Record<DemoReviewerKey, number[]>): Promise<void> {
  for (const key of ["amara", "jonas"] as const) {
    for (const index of done[key]) check(await markDocumentDone(team.reviewers[key], projectId, documentIds[index]!), "mark done");
  }
}

const ACCEPT_REASON = "Closest to the guidelines: Amara's reading kept.";
const REJECT_REASON = "Not a separate span under the guidelines.";

/**
 * Settles one document: the unanimous spans go to gold in one step, then each remaining
 * difference is accepted with Amara's span where she marked one, and rejected otherwise.
 */
export async function settleDemoDocument(editor: SessionUser, projectId: number, documentId: number, amara: SessionUser): Promise<void> {
  check(await acceptAllUnanimous(editor, projectId, documentId, { reason: "Both reviewers agree." }), "accept unanimous");
  const state = await loadReviewState(getDb(), documentId);
  for (const difference of state.review.differences) {
    const open = difference.spans.filter((s) => !state.coveredBy.has(s.id));
    if (open.length === 0) continue;
    const memberIds = difference.spans.map((s) => s.id);
    const hers = difference.spans.find((s) => s.reviewerId === amara.id);
    const input =
      hers === undefined ? { action: "reject", memberIds, reason: REJECT_REASON } : { action: "accept", sourceId: hers.id, memberIds, reason: ACCEPT_REASON };
    check(await decide(editor, projectId, documentId, input), "decision");
  }
}
