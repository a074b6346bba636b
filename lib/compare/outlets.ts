// Documents grouped by outlet. An outlet's figures are the sums of its documents' tallies; the
// documents without an outlet form one "No outlet" group, listed after every named outlet,
// so nothing read is dropped from the comparison.
import { toFigures } from "./figures";
import { byDate, byName, byNullableName } from "./order";
import { publishedFor, teamSummaries } from "./perspective";
import { addTally, emptyTally, type Tally } from "./tally";
import type { CompareDocument, CompareInput, OutletComparison } from "./types";

interface Group {
  outletId: number | null;
  outletName: string | null;
  documents: CompareDocument[];
}

/** Groups in display order: by outlet name, "No outlet" last. */
export function groupByOutlet(documents: readonly CompareDocument[]): Group[] {
  const groups = new Map<number | null, Group>();
  for (const doc of documents) {
    const group = groups.get(doc.outletId);
    if (group) group.documents.push(doc);
    else groups.set(doc.outletId, { outletId: doc.outletId, outletName: doc.outletId === null ? null : doc.outletName, documents: [doc] });
  }
  const ordered = [...groups.values()];
  ordered.sort((a, b) => {
    if (a.outletId === null || b.outletId === null) return a.outletId === null ? 1 : -1;
    return byNullableName(a.outletName, b.outletName) || a.outletId - b.outletId;
  });
  for (const g of ordered) g.documents.sort(byDocumentOrder);
  return ordered;
}

/** Within an outlet: by date (undated last), then title, then id. */
export function byDocumentOrder(a: CompareDocument, b: CompareDocument): number {
  return byDate(a.publishedAt, b.publishedAt) || byName(a.title, b.title) || a.id - b.id;
}

export function compareOutlets(input: CompareInput, tallies: ReadonlyMap<number, Tally>): { outlets: OutletComparison[]; total: Tally } {
  const total = emptyTally();
  const outlets = groupByOutlet(input.documents).map((group): OutletComparison => {
    const sum = emptyTally();
    const documents = group.documents.map((document) => {
      const tally = tallies.get(document.id)!;
      addTally(sum, tally);
      return { document, figures: toFigures(tally) };
    });
    addTally(total, sum);
    return {
      outletId: group.outletId,
      outletName: group.outletName,
      figures: toFigures(sum),
      documents,
      // Ratings are of outlets; a document without one has none to show.
      team: group.outletId === null ? [] : teamSummaries(group.outletId, input.axes, input.ratings),
      published: group.outletId === null ? [] : publishedFor(group.outletId, input.published),
    };
  });
  return { outlets, total };
}
