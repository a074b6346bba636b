// brat standoff export: a zip with annotation.conf and visual.conf at the root (brat looks for
// them up the folder tree, so they apply to every layer folder), then per document
// `<stem>.txt` (the exact frozen text) and `<stem>.ann`. Offsets are code points: brat reads the
// .txt as a Python unicode string. The vocabulary and the note convention are in brat-conf.ts.
//
// Claims and opinions are text-bound Claim / Opinion spans. A quote follows PolNeAR: the quoted
// text is a Content span; when its cue ("said") occurs near it, that occurrence is an Attribution
// trigger and an event links it to the Content and, when the speaker is named near the quote, to
// a Source span. Without a cue in the text there is no event, and the note says so.
import { buildOffsetIndex, codePointLength, type OffsetIndex } from "@/lib/text";
import {
  annotationConf,
  BRAT_ATTRIBUTES,
  CUE_LABEL,
  encodeNote,
  KIND_LABEL,
  NOTE_KEYS,
  PARENT_RELATION,
  SOURCE_LABEL,
  speakerLabel,
  visualConf,
} from "./brat-conf";
import type { Chunk, ExportDocument, ExportMeta, ExportSource, ExportSpan, ExportWriter, LayerName } from "./types";
import { documentFileStem, layerFolder, multiLayer, zipStream, type ZipEntry } from "./zip";

/** How far (code points, each side of the quote) to look for its cue and its speaker's name. */
export const SEARCH_WINDOW = 200;

interface Range {
  start: number;
  end: number;
}

/** The span cut at line breaks: brat's text field cannot hold one, so each line is a fragment. */
export function fragments(index: OffsetIndex, start: number, end: number): (Range & { text: string })[] {
  const text = index.slice(start, end);
  // Most spans hold no line break: one fragment, with no split and no counting.
  if (text.indexOf("\n") < 0 && text.indexOf("\r") < 0) return text === "" ? [] : [{ start, end, text }];
  const out: (Range & { text: string })[] = [];
  let at = start;
  for (const piece of text.split(/[\r\n]/)) {
    const length = codePointLength(piece);
    if (length > 0) out.push({ start: at, end: at + length, text: piece });
    at += length + 1;
  }
  return out;
}

/** The occurrence of `needle` nearest to `span` within the window, not overlapping it. */
export function findNear(index: OffsetIndex, needle: string, span: Range, window = SEARCH_WINDOW): Range | null {
  if (needle === "") return null;
  const from = index.toUtf16(Math.max(0, span.start - window));
  const to = index.toUtf16(Math.min(index.codePointLength, span.end + window));
  // Search the window only: indexOf on the whole text would scan to its end for a cue that is
  // not near, once per quote. (A slice of a long string shares its characters, it is not a copy.)
  const area = index.text.slice(from, to);
  const length = codePointLength(needle);
  let best: Range | null = null;
  let bestDistance = Infinity;
  for (let hit = area.indexOf(needle); hit >= 0; hit = area.indexOf(needle, hit + 1)) {
    const start = index.toCodePoint(from + hit);
    const end = start + length;
    if (start < span.end && end > span.start) continue;
    const distance = end <= span.start ? span.start - end : start - span.end;
    if (distance < bestDistance) [best, bestDistance] = [{ start, end }, distance];
  }
  return best;
}

/** Writes one .ann: numbering is per file, as brat expects. */
class AnnBuilder {
  private lines: string[] = [];
  private counts = { T: 0, E: 0, A: 0, R: 0, N: 0 };
  private spanIds = new Map<number, string>();
  private shared = new Map<string, string>();

  constructor(
    private index: OffsetIndex,
    private registry: Map<number, ExportSource>,
  ) {}

  private textBound(label: string, range: Range): string | null {
    const parts = fragments(this.index, range.start, range.end);
    if (parts.length === 0) return null;
    const id = `T${++this.counts.T}`;
    const offsets = parts.map((p) => `${p.start} ${p.end}`).join(";");
    this.lines.push(`${id}\t${label} ${offsets}\t${parts.map((p) => p.text).join(" ")}`);
    return id;
  }

  /** Cue and Source spans are shared by the quotes that point at the same words. */
  private sharedTextBound(label: string, range: Range): string | null {
    const key = `${label} ${range.start} ${range.end}`;
    const known = this.shared.get(key);
    if (known !== undefined) return known;
    const id = this.textBound(label, range);
    if (id !== null) this.shared.set(key, id);
    return id;
  }

  add(span: ExportSpan): void {
    const id = this.textBound(KIND_LABEL[span.kind], span);
    if (id === null) return;
    this.spanIds.set(span.id, id);
    for (const attribute of BRAT_ATTRIBUTES) {
      const value = span.attributes[attribute.key];
      if (value !== undefined && value !== null) this.lines.push(`A${++this.counts.A}\t${attribute.name} ${id} ${String(value)}`);
    }
    const notes: [string, string][] = span.kind === "quote" ? this.attribution(span, id) : [];
    const targets = Array.isArray(span.attributes.targets) ? span.attributes.targets : [];
    for (const target of targets) {
      const entry = typeof target === "number" ? this.registry.get(target) : undefined;
      if (entry !== undefined) notes.push([NOTE_KEYS.target, speakerLabel(entry.name, entry.kind)]);
    }
    if (span.note !== "") notes.push([NOTE_KEYS.note, span.note]);
    if (notes.length > 0) this.lines.push(`#${++this.counts.N}\tAnnotatorNotes ${id}\t${encodeNote(notes)}`);
  }

  /** The Attribution event of a quote; returns the note parts for what the event cannot hold. */
  private attribution(span: ExportSpan, contentId: string): [string, string][] {
    const notes: [string, string][] = [];
    const attrs = span.attributes;
    const speaker = typeof attrs.source_id === "number" ? this.registry.get(attrs.source_id) : undefined;
    const speakerText = typeof attrs.speaker_text === "string" ? attrs.speaker_text : undefined;
    const cue = typeof attrs.cue === "string" && attrs.cue !== "" ? attrs.cue : undefined;
    if (speaker !== undefined) notes.push([NOTE_KEYS.speaker, speakerLabel(speaker.name, speaker.kind)]);
    if (speakerText !== undefined) notes.push([NOTE_KEYS.speakerText, speakerText]);
    if (typeof attrs.addressee === "string") notes.push([NOTE_KEYS.addressee, attrs.addressee]);
    const cueAt = cue === undefined ? null : findNear(this.index, cue, span);
    if (cue !== undefined && cueAt === null) notes.push([NOTE_KEYS.cueNotInText, cue]);
    if (cueAt === null) return notes;
    const names = [speakerText, speaker?.name, ...(speaker?.aliases ?? [])].filter((n): n is string => n !== undefined && n !== "");
    let sourceAt: Range | null = null;
    for (const name of names) if (sourceAt === null) sourceAt = findNear(this.index, name, span);
    const trigger = this.sharedTextBound(CUE_LABEL, cueAt);
    const source = sourceAt === null ? null : this.sharedTextBound(SOURCE_LABEL, sourceAt);
    if (trigger !== null) this.lines.push(`E${++this.counts.E}\t${CUE_LABEL}:${trigger} Content:${contentId}${source === null ? "" : ` Source:${source}`}`);
    return notes;
  }

  /** Parent links, once every span has its id. */
  finish(spans: ExportSpan[]): string {
    for (const span of spans) {
      const child = this.spanIds.get(span.id);
      const parent = span.parentId === null ? undefined : this.spanIds.get(span.parentId);
      if (child !== undefined && parent !== undefined) this.lines.push(`R${++this.counts.R}\t${PARENT_RELATION} Arg1:${child} Arg2:${parent}`);
    }
    return this.lines.length === 0 ? "" : `${this.lines.join("\n")}\n`;
  }
}

export function annFile(doc: ExportDocument, spans: ExportSpan[], index: OffsetIndex = buildOffsetIndex(doc.text)): string {
  const builder = new AnnBuilder(index, new Map(doc.sources.map((s) => [s.id, s])));
  for (const span of spans) builder.add(span);
  return builder.finish(spans);
}

/** The layers a document is written for in a several-layer export (none: it has no spans). */
function layersOf(doc: ExportDocument): LayerName[] {
  return [...new Set<LayerName>([...doc.layers.map((l) => l.name), ...doc.spans.map((s) => s.layer)])];
}

async function* entries(open: Parameters<ExportWriter>[0], meta: ExportMeta): AsyncGenerator<ZipEntry> {
  yield { name: "annotation.conf", data: annotationConf() };
  yield { name: "visual.conf", data: visualConf() };
  const several = multiLayer(meta.layer);
  for await (const doc of open()) {
    const stem = documentFileStem(doc.id, doc.title);
    const index = buildOffsetIndex(doc.text);
    const layers = several ? layersOf(doc) : [];
    // A single-layer export, or a document no layer annotated: its files sit at the top, so an
    // unannotated document is still there to be annotated in brat (as the XMI export does too).
    if (layers.length === 0) {
      yield { name: `${stem}.txt`, data: doc.text };
      yield { name: `${stem}.ann`, data: annFile(doc, doc.spans, index) };
      continue;
    }
    for (const layer of layers) {
      const folder = layerFolder(layer);
      yield { name: `${folder}/${stem}.txt`, data: doc.text };
      yield {
        name: `${folder}/${stem}.ann`,
        data: annFile(
          doc,
          doc.spans.filter((s) => s.layer === layer),
          index,
        ),
      };
    }
  }
}

/** brat always gets the text: it cannot open a .ann without its .txt, so includeText does not apply. */
export const writeBrat: ExportWriter = async function* (open, meta): AsyncGenerator<Chunk, void, undefined> {
  yield* zipStream(entries(open, meta));
};
