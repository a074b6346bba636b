// Who speaks where: one row per speaker, one cell per outlet (in the outlets' order), counting
// the quotes that outlet's documents attribute to the speaker, by mode, with the span ids a
// cell opens. Quotes with no speaker recorded share the "Unattributed" row.
//
// A pooled document counts every reviewer's quote here (not the mean): a cell lists real spans,
// and its count must equal the quotes it opens. The per-outlet figures average instead.
import { emptyMix, countIn, MIX_KEYS } from "./mix";
import { byName } from "./order";
import { speakerOf, UNATTRIBUTED, type SourceIndex, type Speaker } from "./speaker-key";
import type { CompareDocument, CompareSpan, SpeakerOutletCell, SpeakerRow } from "./types";

interface RowBuilder {
  speaker: Speaker;
  total: number;
  cells: Map<number | null, SpeakerOutletCell>;
}

function cellOf(row: RowBuilder, outletId: number | null): SpeakerOutletCell {
  let cell = row.cells.get(outletId);
  if (cell === undefined) {
    cell = { outletId, count: 0, byMode: emptyMix(MIX_KEYS.mode), spanIds: [] };
    row.cells.set(outletId, cell);
  }
  return cell;
}

export function speakerMatrix(
  spans: readonly CompareSpan[],
  documents: ReadonlyMap<number, CompareDocument>,
  outletOrder: readonly (number | null)[],
  sources: SourceIndex,
): SpeakerRow[] {
  const rows = new Map<string, RowBuilder>();
  for (const span of spans) {
    if (span.kind !== "quote") continue;
    const doc = documents.get(span.documentId);
    if (doc === undefined) continue;
    const speaker = speakerOf(span, sources) ?? UNATTRIBUTED;
    let row = rows.get(speaker.key);
    if (row === undefined) {
      row = { speaker, total: 0, cells: new Map() };
      rows.set(speaker.key, row);
    }
    const cell = cellOf(row, doc.outletId);
    cell.count += 1;
    countIn(cell.byMode, span.mode);
    cell.spanIds.push(span.id);
    row.total += 1;
  }
  return [...rows.values()]
    .sort((a, b) => b.total - a.total || byName(a.speaker.name, b.speaker.name) || (a.speaker.key < b.speaker.key ? -1 : 1))
    .map((row) => ({
      key: row.speaker.key,
      name: row.speaker.name,
      kind: row.speaker.kind,
      total: row.total,
      cells: outletOrder.map((outletId) => row.cells.get(outletId) ?? { outletId, count: 0, byMode: emptyMix(MIX_KEYS.mode), spanIds: [] }),
    }));
}
