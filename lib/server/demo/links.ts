// The demo's linked claims and outlet ratings.
import { eq } from "drizzle-orm";
import { claimLinks } from "@/db/tables";
import type { DemoRating } from "@/db/seed/demo-people";
import type { Conn } from "../annotations/scope";
import { recordAudit } from "../audit";
import { linkSpans } from "../claim-links";
import { rateOutlet } from "../ratings";
import type { SessionUser } from "../session";
import type { DemoTeam } from "./people";
import type { DemoSpanIds } from "./spans";

export interface DemoLink {
  label: string;
  /** Keys of spans in different articles; each reviewer's span of each key joins the link. */
  spans: string[];
}

async function linkPair(editor: SessionUser, projectId: number, a: number, b: number): Promise<number> {
  const result = await linkSpans(editor, projectId, a, b);
  if (!result.ok) throw new Error(`demo link refused: ${result.error}`);
  return result.linkId;
}

/**
 * One link per claim holding both reviewers' spans of it, made through linkSpans by the editor
 * (who sees every layer). Spans of one document are never linked to each other, so each joins
 * through a span in another article. The gold spans join through their adjudications, as on
 * any settled document. The label is the claim in a few words, for the timeline.
 */
export async function writeDemoLinks(conn: Conn, editor: SessionUser, projectId: number, links: readonly DemoLink[], ids: DemoSpanIds): Promise<number[]> {
  const linkIds: number[] = [];
  for (const link of links) {
    const perArticle = link.spans.map((key) => {
      const written = ids.get(key);
      if (written === undefined) throw new Error(`demo link names an unknown span: ${key}`);
      return Object.values(written);
    });
    const [first, second] = [perArticle[0]!, perArticle[1]!];
    let linkId = 0;
    for (const other of perArticle.slice(1).flat()) linkId = await linkPair(editor, projectId, first[0]!, other);
    for (const sameArticle of first.slice(1)) linkId = await linkPair(editor, projectId, sameArticle, second[0]!);
    await conn.update(claimLinks).set({ label: link.label }).where(eq(claimLinks.id, linkId));
    await recordAudit(conn, {
      actorId: editor.id,
      action: "label",
      entity: "claim_link",
      entityId: linkId,
      before: { label: "" },
      after: { label: link.label },
    });
    linkIds.push(linkId);
  }
  return linkIds;
}

/** Both reviewers rate each outlet on the project's axes, through the ratings module. */
export async function writeDemoRatings(team: DemoTeam, projectId: number, outletIds: Map<string, number>, ratings: readonly DemoRating[]): Promise<void> {
  for (const rating of ratings) {
    const outletId = outletIds.get(rating.outlet);
    if (outletId === undefined) throw new Error(`demo rating of an unknown outlet: ${rating.outlet}`);
    for (const key of ["amara", "jonas"] as const) {
      const result = await rateOutlet(team.reviewers[key], projectId, outletId, { axis: rating.axis, value: rating.values[key], rationale: rating.rationale });
      if (!result.ok) throw new Error(`demo rating refused: ${result.error}`);
    }
  }
}
