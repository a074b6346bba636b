// Reads brat standoff back into ImportedSpans: .ann files paired with their .txt by path. Claim,
// Opinion and Content (or Quote) spans become spans; Attribution events give a quote its cue
// (the trigger's text) and its Source span; A lines give attributes; the AnnotatorNotes convention
// of brat-conf.ts gives speakers, targets, free-text attributes and the note; Within relations
// give parents. A folder names the layer ("gold", else a reviewer's username). Pure: the server
// resolves documents and anchors.
import { buildOffsetIndex, textQuoteSelector, type OffsetIndex } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { BRAT_ATTRIBUTES, CUE_LABEL, decodeNote, NOTE_KEYS, PARENT_RELATION, parseSpeakerLabel, SOURCE_LABEL, unescapeNote } from "./brat-conf";
import type { ImportedSpan, ParsedAnnotations, ParseProblem, SpeakerRef } from "./import-types";
import type { LayerName } from "./types";

const KINDS: Record<string, AnnotationKind> = { claim: "claim", opinion: "opinion", content: "quote", quote: "quote" };
const AUXILIARY = new Set([SOURCE_LABEL.toLowerCase(), CUE_LABEL.toLowerCase(), "cue"]);

interface TextBound {
  label: string;
  start: number;
  end: number;
  line: number;
}

interface AnnFile {
  textBound: Map<string, TextBound>;
  attributes: Map<string, Record<string, unknown>>;
  events: { trigger: string; content: string; source: string | null }[];
  notes: Map<string, string>;
  parents: Map<string, string>;
}

const stemOf = (name: string): string => name.replace(/\.[^./]+$/, "");
const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

function layerOf(path: string): LayerName | null {
  const parts = path.split("/");
  if (parts.length < 2) return null;
  const folder = parts[parts.length - 2]!;
  return folder === "gold" ? "gold" : `reviewer:${folder}`;
}

/** Reads one line into `file`; returns a problem message or null. */
function readLine(line: string, file: AnnFile, index: OffsetIndex, lineNo: number): string | null {
  const [id = "", head = "", ...rest] = line.split("\t");
  const words = head.split(" ");
  if (id.startsWith("T")) {
    const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(head);
    if (!m || rest.length === 0) return `malformed text-bound line "${line}"`;
    const ranges = m[2]!.split(";").map((r) => r.split(" ").map(Number) as [number, number]);
    for (const [s, e] of ranges)
      if (s >= e || e > index.codePointLength) return `offsets ${s} ${e} are outside the .txt (${index.codePointLength} code points) or empty`;
    const shown = ranges.map(([s, e]) => index.slice(s, e)).join(" ");
    if (shown !== rest.join("\t")) return `${id}: text "${rest.join("\t")}" differs from the .txt at its offsets ("${shown}")`;
    file.textBound.set(id, { label: m[1]!, start: ranges[0]![0], end: ranges[ranges.length - 1]![1], line: lineNo });
  } else if (id.startsWith("A") || id.startsWith("M")) {
    const attribute = BRAT_ATTRIBUTES.find((a) => a.name === words[0]);
    if (attribute === undefined || words.length !== 3) return `unknown or malformed attribute "${head}"`;
    const value = attribute.numeric ? Number(words[2]) : words[2]!;
    if (!attribute.values.includes(words[2]!)) return `${attribute.name} cannot be "${words[2]}" (one of ${attribute.values.join(", ")})`;
    file.attributes.set(words[1]!, { ...file.attributes.get(words[1]!), [attribute.key]: value });
  } else if (id.startsWith("E")) {
    const args = new Map(words.map((w) => w.split(":") as [string, string]));
    const [trigger] = words[0]!.split(":").slice(1);
    if (trigger === undefined || !args.has("Content")) return `event without a trigger or a Content argument: "${head}"`;
    file.events.push({ trigger, content: args.get("Content")!, source: args.get("Source") ?? null });
  } else if (id.startsWith("R")) {
    const arg = (n: string): string | undefined => words.find((w) => w.startsWith(`${n}:`))?.slice(n.length + 1);
    const [child, parent] = [arg("Arg1"), arg("Arg2")];
    if (child === undefined || parent === undefined) return `malformed relation "${head}"`;
    if (words[0] === PARENT_RELATION) file.parents.set(child, parent);
  } else if (id.startsWith("#")) {
    if (words[0] === "AnnotatorNotes" && words[1] !== undefined) file.notes.set(words[1], rest.join("\t"));
  } else if (!id.startsWith("*") && !id.startsWith("N")) {
    return `unknown annotation "${id}"`;
  }
  return null;
}

/** What the AnnotatorNotes line of a span says, in our convention or as free text. */
function noteOf(raw: string | undefined): { parts: [string, string][]; free: string } {
  if (raw === undefined) return { parts: [], free: "" };
  const parts = decodeNote(raw);
  return parts === null ? { parts: [], free: unescapeNote(raw) } : { parts, free: "" };
}

function spanOf(path: string, id: string, t: TextBound, kind: AnnotationKind, file: AnnFile, index: OffsetIndex): ImportedSpan {
  const { exact, prefix, suffix } = textQuoteSelector(index, t.start, t.end);
  const attributes: Record<string, unknown> = { ...file.attributes.get(id) };
  const { parts, free } = noteOf(file.notes.get(id));
  const get = (key: string): string | undefined => parts.find(([k]) => k === key)?.[1];
  let speaker: SpeakerRef | null = null;
  const speakerLabel = get(NOTE_KEYS.speaker);
  if (speakerLabel !== undefined) speaker = parseSpeakerLabel(speakerLabel);
  const speakerText = get(NOTE_KEYS.speakerText);
  if (speakerText !== undefined) attributes.speaker_text = speakerText;
  const addressee = get(NOTE_KEYS.addressee);
  if (addressee !== undefined) attributes.addressee = addressee;
  const cue = get(NOTE_KEYS.cueNotInText);
  if (cue !== undefined) attributes.cue = cue;
  const event = file.events.find((e) => e.content === id);
  const trigger = event === undefined ? undefined : file.textBound.get(event.trigger);
  if (trigger !== undefined) attributes.cue = index.slice(trigger.start, trigger.end);
  const source = event?.source == null ? undefined : file.textBound.get(event.source);
  // A Source span names the speaker only in files of other brat projects: ours say in the note
  // whether the quote has a registry speaker and what its speaker_text is.
  if (source !== undefined && parts.length === 0) {
    speaker = { name: index.slice(source.start, source.end) };
    if (speakerText === undefined) attributes.speaker_text = speaker.name;
  }
  const parent = file.parents.get(id);
  return {
    ref: `${path} ${id}`,
    document: { fileStem: stemOf(baseName(path)) },
    layer: layerOf(path),
    kind,
    start: t.start,
    end: t.end,
    exact,
    prefix,
    suffix,
    attributes,
    speaker,
    targets: parts.filter(([k]) => k === NOTE_KEYS.target).map(([, v]) => parseSpeakerLabel(v)),
    note: get(NOTE_KEYS.note) ?? free,
    parentRef: parent === undefined ? null : `${path} ${parent}`,
  };
}

function readAnn(path: string, ann: string, text: string, problems: ParseProblem[]): ImportedSpan[] {
  const index = buildOffsetIndex(text);
  const file: AnnFile = { textBound: new Map(), attributes: new Map(), events: [], notes: new Map(), parents: new Map() };
  ann.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    const problem = readLine(line.replace(/\r$/, ""), file, index, i + 1);
    if (problem !== null) problems.push({ where: `${path} line ${i + 1}`, message: problem });
  });
  const spans: ImportedSpan[] = [];
  for (const [id, t] of file.textBound) {
    const label = t.label.toLowerCase();
    const kind = KINDS[label];
    if (kind !== undefined) spans.push(spanOf(path, id, t, kind, file, index));
    else if (!AUXILIARY.has(label))
      problems.push({ where: `${path} line ${t.line}`, message: `unknown label "${t.label}" (expected Claim, Opinion or Content)` });
  }
  return spans;
}

/** Parses the .ann and .txt files of a brat export (paths inside the zip, "/"-separated). */
export function parseBrat(files: { name: string; text: string }[]): ParsedAnnotations {
  const texts = new Map(files.filter((f) => f.name.endsWith(".txt")).map((f) => [stemOf(f.name), f.text]));
  const spans: ImportedSpan[] = [];
  const problems: ParseProblem[] = [];
  for (const file of files.filter((f) => f.name.endsWith(".ann"))) {
    const text = texts.get(stemOf(file.name));
    if (text === undefined) problems.push({ where: file.name, message: `no ${stemOf(file.name)}.txt beside it: brat offsets need the text` });
    else spans.push(...readAnn(file.name, file.text, text, problems));
  }
  return { spans, problems };
}
