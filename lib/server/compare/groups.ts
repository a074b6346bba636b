// Claim groups as the layer shown sees them. A group holds the linked spans that are shown
// (live, in the layer chosen for their document, visible to the viewer). On a document shown in
// its gold layer, a gold span also joins the group of any reviewer span its adjudication came
// from, so a settled document keeps the links its reviewers made.
import type { ClaimGroup, CompareSpan } from "@/lib/compare/types";
import type { CompareQueries } from "./queries";

const LABEL_MAX = 80;

/** A link without a label is named after the words of its first span in publication order. */
function fallbackLabel(spans: CompareSpan[], documentOrder: ReadonlyMap<number, number>): string {
  const rank = (s: CompareSpan): number => documentOrder.get(s.documentId) ?? Number.MAX_SAFE_INTEGER;
  const span = spans.reduce((a, b) => (rank(b) < rank(a) || (rank(b) === rank(a) && b.start < a.start) ? b : a));
  const points = [...span.exact.replace(/\s+/g, " ").trim()];
  return points.length <= LABEL_MAX ? points.join("") : `${points.slice(0, LABEL_MAX - 1).join("")}…`;
}

/** `documentIds`: the documents shown, in publication order (it names unlabelled links). */
export async function claimGroups(
  queries: CompareQueries,
  projectId: number,
  storyId: number | null,
  spans: readonly CompareSpan[],
  documentIds: readonly number[],
  goldDocumentIds: readonly number[],
): Promise<ClaimGroup[]> {
  const links = await queries.links(projectId, storyId);
  if (links.length === 0) return [];
  const linkOf = new Map<number, number>(links.map(([linkId, , annotationId]) => [annotationId, linkId]));
  // Gold span → the links of the reviewer spans it was adjudicated from.
  const goldLinks = new Map<number, number[]>();
  if (goldDocumentIds.length > 0) {
    for (const [goldId, fromId] of await queries.goldFromLinked(goldDocumentIds, projectId, storyId)) {
      goldLinks.set(goldId, [...(goldLinks.get(goldId) ?? []), linkOf.get(fromId)!]);
    }
  }
  const members = new Map<number, CompareSpan[]>();
  const join = (linkId: number, span: CompareSpan): void => {
    const list = members.get(linkId);
    if (list === undefined) members.set(linkId, [span]);
    else if (!list.includes(span)) list.push(span);
  };
  for (const span of spans) {
    const linkId = linkOf.get(span.id);
    if (linkId !== undefined) join(linkId, span);
    const viaGold = span.annotatorId === null ? goldLinks.get(span.id) : undefined;
    if (viaGold !== undefined) for (const id of viaGold) join(id, span);
  }
  const documentOrder = new Map(documentIds.map((id, i) => [id, i]));
  const out: ClaimGroup[] = [];
  for (const [linkId, label] of links) {
    const shown = members.get(linkId);
    if (shown === undefined || out.at(-1)?.id === linkId) continue;
    const spanIds = shown.map((s) => s.id).sort((a, b) => a - b);
    out.push({ id: linkId, label: label.trim() || fallbackLabel(shown, documentOrder), spanIds });
  }
  return out;
}
