// The brat vocabulary shared by the writer (brat.ts) and the reader (brat-read.ts): labels,
// attributes, the annotation.conf and visual.conf that declare them, and the AnnotatorNotes
// convention that carries what brat has no field for.
import { BIAS_TYPES, CERTAINTY, CONFIDENCE, CONTENT_TYPES, OPINION_HOLDERS, QUOTE_MODES, SPEAKER_TYPES } from "@/lib/validation/annotations";
import type { AnnotationKind } from "@/lib/validation/annotations";

/** Quotes are PolNeAR's "Content"; its Source span and Attribution cue are extra annotations. */
export const KIND_LABEL: Record<AnnotationKind, string> = { claim: "Claim", opinion: "Opinion", quote: "Content" };
export const SOURCE_LABEL = "Source";
export const CUE_LABEL = "Attribution";
export const PARENT_RELATION = "Within";

export interface BratAttribute {
  key: string;
  name: string;
  values: readonly string[];
  on: readonly string[];
  numeric?: boolean;
}

const ALL = ["Claim", "Opinion", "Content"] as const;

/** Every enumerated attribute, as a multi-valued brat attribute (values without spaces). */
export const BRAT_ATTRIBUTES: readonly BratAttribute[] = [
  { key: "confidence", name: "Confidence", values: CONFIDENCE, on: ALL },
  { key: "checkworthy", name: "Checkworthy", values: ["yes", "no"], on: ["Claim"] },
  { key: "certainty", name: "Certainty", values: CERTAINTY, on: ["Claim"] },
  { key: "holder", name: "Holder", values: OPINION_HOLDERS, on: ["Opinion"] },
  { key: "sentiment", name: "Sentiment", values: ["-2", "-1", "0", "1", "2"], on: ["Opinion"], numeric: true },
  { key: "bias", name: "Bias", values: BIAS_TYPES, on: ["Opinion"] },
  { key: "speaker_type", name: "SpeakerType", values: SPEAKER_TYPES, on: ["Content"] },
  { key: "mode", name: "Mode", values: QUOTE_MODES, on: ["Content"] },
  { key: "content_type", name: "ContentType", values: CONTENT_TYPES, on: ["Content"] },
];

export function annotationConf(): string {
  const spans = ALL.join("|");
  return [
    "# Provenance Desk: claims, opinions and attributed quotes (PolNeAR-style Source / Attribution / Content).",
    "# Offsets are Unicode code points, as brat (Python) reads the .txt files.",
    "[entities]",
    ...ALL,
    SOURCE_LABEL,
    "",
    "[relations]",
    `${PARENT_RELATION}\tArg1:${spans}, Arg2:${spans}`,
    "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
    "",
    "[events]",
    `${CUE_LABEL}\tContent:Content, Source?:${SOURCE_LABEL}`,
    "",
    "[attributes]",
    ...BRAT_ATTRIBUTES.map((a) => `${a.name}\tArg:${a.on.join("|")}, Value:${a.values.join("|")}`),
    "",
  ].join("\n");
}

export function visualConf(): string {
  return [
    "[labels]",
    "Claim | Claim | Cl",
    "Opinion | Opinion | Op",
    "Content | Quoted content | Quote | Q",
    "Source | Source | Src",
    "Attribution | Attribution cue | Cue",
    "Within | Within",
    "",
    "[drawing]",
    "SPAN_DEFAULT\tfgColor:black, bgColor:lightgreen, borderColor:darken",
    "ARC_DEFAULT\tcolor:black, arrowHead:triangle-5",
    "ATTRIBUTE_DEFAULT\tglyph:*",
    "Claim\tbgColor:#8fb8ff",
    "Opinion\tbgColor:#ffc46b",
    "Content\tbgColor:#9fe0a4",
    "Source\tbgColor:#e3b3ff",
    "Attribution\tbgColor:#ff9f9f",
    "Within\tcolor:#555555, dashArray:3-3",
    "",
  ].join("\n");
}

// AnnotatorNotes ("#" lines) hold, on one line per span, "key: value" parts joined by " | ":
// the note goes last. Backslash, "|", tab, CR and newline are escaped so any note survives.
export const NOTE_KEYS = {
  speaker: "speaker",
  speakerText: "speaker_text",
  addressee: "addressee",
  cueNotInText: "cue (not in the text, so no Attribution event)",
  target: "target",
  note: "note",
} as const;

const escape = (s: string): string => s.replace(/[\\|\n\t\r]/g, (c) => ({ "\n": "\\n", "\t": "\\t", "\r": "\\r" })[c] ?? `\\${c}`);
const unescape = (s: string): string => s.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" })[c] ?? c);

export function encodeNote(parts: [string, string][]): string {
  return parts.map(([key, value]) => `${key}: ${escape(value)}`).join(" | ");
}

/** The parts of a note written by encodeNote (a key may repeat), or null for someone else's free text. */
export function decodeNote(line: string): [string, string][] | null {
  const known = new Set<string>(Object.values(NOTE_KEYS));
  const parts: [string, string][] = [];
  for (const part of line.split(" | ")) {
    const colon = part.indexOf(": ");
    const key = colon > 0 ? part.slice(0, colon) : "";
    if (!known.has(key)) return null;
    parts.push([key, unescape(part.slice(colon + 2))]);
  }
  return parts;
}

export { unescape as unescapeNote };

/** "Rana Haddad [person]"; the reader splits the kind back off. */
export const speakerLabel = (name: string, kind: string): string => `${name} [${kind}]`;

export function parseSpeakerLabel(label: string): { name: string; kind?: string } {
  const m = /^(.*) \[([a-z_]+)\]$/.exec(label);
  return m ? { name: m[1]!, kind: m[2]! } : { name: label };
}
