// The columns every per-outlet and per-document table shares, labelled for people. Counts of a
// pooled layer are means and may be fractional; shares are 0..1 and flagged `share` so the page
// shows them as percentages while the CSV keeps the number.
import type { AnnotationKind } from "@/lib/validation/annotations";
import { MIX_KEYS, SENTIMENTS } from "./mix";
import type { Figures, Mix } from "./types";

export interface FigureColumn {
  key: string;
  label: string;
  share?: boolean;
  text?: boolean;
  cell: (f: Figures) => string | number | null;
}

const KIND_PLURAL: Record<AnnotationKind, string> = { claim: "Claims", opinion: "Opinions", quote: "Attributed quotes" };

const SPEAKER_TYPE_LABELS: Record<(typeof MIX_KEYS.speakerType)[number], string> = {
  named_person: "named person",
  unnamed_person: "unnamed person",
  named_org: "named organisation",
  unnamed_group: "unnamed group",
  document: "document",
  media_outlet: "media outlet",
  outlet_self: "the outlet itself",
  unknown: "unknown speaker",
};

function mixColumns<K extends string>(prefix: string, keys: readonly K[], label: (key: K | "unset") => string, pick: (f: Figures) => Mix<K>): FigureColumn[] {
  return [...keys, "unset" as const].map((key) => ({ key: `${prefix}_${key}`, label: label(key), cell: (f: Figures) => pick(f)[key] }));
}

function kindColumns(): FigureColumn[] {
  const kinds = Object.keys(KIND_PLURAL) as AnnotationKind[];
  return [
    ...kinds.map((k) => ({ key: `${k}s`, label: KIND_PLURAL[k], cell: (f: Figures) => f.counts[k] })),
    ...kinds.map((k) => ({ key: `${k}s_per_1000`, label: `${KIND_PLURAL[k]} per 1,000 words`, cell: (f: Figures) => f.per1000[k] })),
  ];
}

function sourcingColumns(): FigureColumn[] {
  return [
    { key: "named", label: "Quotes from named sources", cell: (f) => f.sourcing.named },
    { key: "unnamed", label: "Quotes from unnamed sources", cell: (f) => f.sourcing.unnamed },
    { key: "named_share", label: "Named-source share", share: true, cell: (f) => f.sourcing.namedShare },
    ...mixColumns(
      "speaker",
      MIX_KEYS.speakerType,
      (k) => (k === "unset" ? "Quotes, speaker type not recorded" : `Quotes, ${SPEAKER_TYPE_LABELS[k]}`),
      (f) => f.sourcing.bySpeakerType,
    ),
    { key: "top_speakers", label: "Most quoted", text: true, cell: (f) => f.sourcing.topSpeakers.map((s) => `${s.name} (${s.count})`).join("; ") },
  ];
}

function mixesColumns(): FigureColumn[] {
  return [
    ...mixColumns(
      "holder",
      MIX_KEYS.holder,
      (k) => (k === "unset" ? "Opinions, holder not recorded" : `Opinions held by ${k === "author" ? "the author" : "a quoted source"}`),
      (f) => f.opinions.holder,
    ),
    ...mixColumns(
      "sentiment",
      SENTIMENTS,
      (k) => (k === "unset" ? "Opinions, sentiment not recorded" : `Opinions with sentiment ${k}`),
      (f) => f.opinions.sentiment,
    ),
    ...mixColumns(
      "bias",
      MIX_KEYS.bias,
      (k) => (k === "unset" ? "Opinions, bias not recorded" : k === "none" ? "Opinions without bias" : `Opinions with ${k} bias`),
      (f) => f.opinions.bias,
    ),
    ...mixColumns(
      "certainty",
      MIX_KEYS.certainty,
      (k) => (k === "unset" ? "Claims, certainty not recorded" : `Claims: ${k}`),
      (f) => f.claims.certainty,
    ),
  ];
}

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { key: "words", label: "Words", cell: (f) => f.words },
  { key: "chars", label: "Characters", cell: (f) => f.chars },
  ...kindColumns(),
  { key: "quoted_chars", label: "Characters in quotes", cell: (f) => f.voice.quotedChars },
  { key: "own_chars", label: "Characters in the outlet's own words", cell: (f) => f.voice.ownChars },
  { key: "quoted_share", label: "Share in quotes", share: true, cell: (f) => f.voice.quotedShare },
  ...sourcingColumns(),
  ...mixesColumns(),
  { key: "republished_chars", label: "Re-published characters", cell: (f) => f.republished.chars },
  { key: "republished_share", label: "Re-published share", share: true, cell: (f) => f.republished.share },
  {
    key: "republished_from",
    label: "Re-published from",
    text: true,
    cell: (f) => f.republished.from.map((r) => `${r.outletName ?? "Unknown outlet"} (${r.chars} characters)`).join("; "),
  },
];
