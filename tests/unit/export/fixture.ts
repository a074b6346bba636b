// A small hand-made export input shared by the writer tests: an article with an emoji before
// its spans, Arabic text, a quote with a named speaker, a claim inside that quote (parent link),
// a quote inside a quote, an opinion, two layers (gold and one reviewer) and a settled decision.
import { codePointLength, sliceCodePoints, textQuoteSelector } from "@/lib/text";
import type { DocumentSource, ExportDocument, ExportMeta, ExportSpan, ExportTotals, LayerName } from "@/lib/export/types";

export const TEXT =
  "Port Calder 🌊 votes today. “The levy is unfair,” said Mayor Rana Haddad, “and the river 🐟 will pay.” " +
  "Officials told Al Jazeera that «المياه ملك للجميع» was painted on the dam. The plan is reckless.";

function at(needle: string, from = 0): { start: number; end: number } {
  const utf16 = TEXT.indexOf(needle, from);
  if (utf16 < 0) throw new Error(`fixture text lacks ${needle}`);
  const start = codePointLength(TEXT.slice(0, utf16));
  return { start, end: start + codePointLength(needle) };
}

const alice = { username: "alice", displayName: "Alice Reviewer" };
const judge = { username: "judge", displayName: "Jo Judge" };

function span(id: number, layer: LayerName, kind: ExportSpan["kind"], needle: string, extra: Partial<ExportSpan> = {}): ExportSpan {
  const { start, end } = at(needle);
  const { prefix, suffix } = textQuoteSelector(TEXT, start, end);
  return {
    id,
    layer,
    annotator: layer === "gold" ? judge : alice,
    kind,
    start,
    end,
    exact: sliceCodePoints(TEXT, start, end),
    prefix,
    suffix,
    attributes: {},
    note: "",
    parentId: null,
    createdAt: "2026-11-20T10:00:00.000Z",
    updatedAt: "2026-11-20T10:05:00.000Z",
    ...extra,
  };
}

export function sampleDocument(): ExportDocument {
  const spans: ExportSpan[] = [
    span(11, "gold", "quote", "The levy is unfair", {
      attributes: {
        source_id: 5,
        speaker_text: "Mayor Rana Haddad",
        speaker_type: "named_person",
        mode: "direct",
        cue: "said",
        content_type: "opinion",
        confidence: "high",
      },
      note: "Split quote; second half below.",
    }),
    span(12, "gold", "claim", "the river 🐟 will pay", { attributes: { checkworthy: "yes", certainty: "probable", targets: [6] }, parentId: 13 }),
    span(13, "gold", "quote", "and the river 🐟 will pay.", {
      attributes: { source_id: 5, speaker_text: "Mayor Rana Haddad", speaker_type: "named_person", mode: "direct", cue: "said" },
    }),
    span(14, "gold", "quote", "«المياه ملك للجميع» was painted on the dam", {
      attributes: { speaker_text: "Officials", speaker_type: "unnamed_group", mode: "indirect", cue: "told", addressee: "Al Jazeera" },
    }),
    span(15, "gold", "quote", "المياه ملك للجميع", { attributes: { speaker_type: "unknown", mode: "direct" }, parentId: 14 }),
    span(16, "gold", "opinion", "The plan is reckless.", { attributes: { holder: "author", sentiment: -2, bias: "lexical" } }),
    span(21, "reviewer:alice", "claim", "Port Calder 🌊 votes today.", { attributes: { checkworthy: "no" } }),
    span(22, "reviewer:alice", "quote", "The levy is unfair", { attributes: { source_id: 5, speaker_type: "named_person", cue: "said" } }),
  ];
  return {
    id: 7,
    title: "Port Calder votes on the water levy 🌊",
    author: "Sam Writer",
    publishedAt: "2026-11-01",
    url: "https://example.org/port-calder",
    language: "en",
    sourceFileName: "port-calder.txt",
    importedAt: "2026-11-19T09:00:00.000Z",
    textSha256: "0".repeat(64),
    charCount: codePointLength(TEXT),
    wordCount: 40,
    text: TEXT,
    outlet: {
      id: 3,
      name: "The Calder Courier",
      domain: "courier.example",
      kind: "newspaper",
      country: "GB",
      ratings: [
        {
          axis: "left_right",
          value: -2,
          label: null,
          rationale: "Leans to the council's critics.",
          gold: false,
          rater: alice,
          updatedAt: "2026-11-21T08:00:00.000Z",
        },
      ],
      references: [
        { publisher: "AllSides", axis: "left_right", value: -1.5, label: "Lean Left", retrievedAt: "2026-10-01", url: "https://www.allsides.com/x" },
      ],
    },
    story: { id: 2, name: "Water levy", description: "" },
    segments: [
      { id: 1, start: 0, end: 27, originalOutlet: { id: 4, name: "Wire Service" }, originalUrl: "https://wire.example/1", originalDate: "2026-10-31" },
    ],
    goldSettled: true,
    layers: [
      { name: "gold", reviewer: null, status: null },
      { name: "reviewer:alice", reviewer: alice, status: "submitted" },
    ],
    spans,
    sources: [
      { id: 5, name: "Rana Haddad", kind: "person", affiliation: "Port Calder council", description: "Mayor", aliases: ["Mayor Haddad"] },
      { id: 6, name: "Port Calder council", kind: "government", affiliation: null, description: "", aliases: [] },
    ],
    decisions: [
      {
        id: 1,
        decision: "accepted",
        goldAnnotationId: 11,
        fromAnnotationIds: [22],
        reason: "Speaker named in text.",
        adjudicator: judge,
        at: "2026-11-22T12:00:00.000Z",
      },
    ],
    ratings: [{ axis: "genre", value: null, label: "reporting", rationale: "News report.", gold: false, rater: alice, updatedAt: "2026-11-21T08:00:00.000Z" }],
  };
}

/** A second document with no spans and no outlet or story, to check separators and empties. */
export function emptyDocument(): ExportDocument {
  const text = "Nothing tagged here.\nSecond paragraph.";
  return {
    ...sampleDocument(),
    id: 8,
    title: "Quiet day",
    text,
    charCount: codePointLength(text),
    wordCount: 5,
    outlet: null,
    story: null,
    segments: [],
    goldSettled: false,
    layers: [],
    spans: [],
    sources: [],
    decisions: [],
    ratings: [],
  };
}

export function sampleMeta(overrides: Partial<Omit<ExportMeta, "totals"> & ExportTotals> = {}): ExportMeta {
  const { documentCount = 2, spanCount = 8, layers = ["gold", "reviewer:alice"], ...rest } = overrides;
  return {
    project: { id: 1, name: "Levy study" },
    exportedAt: "2026-11-28T00:00:00.000Z",
    baseUrl: "http://127.0.0.1:3000",
    layer: "all",
    kinds: ["claim", "opinion", "quote"],
    includeText: true,
    totals: async () => ({ documentCount, spanCount, layers }),
    ...rest,
  };
}

/** A DocumentSource over fixed documents; `spans: false` passes drop the spans as the reader does. */
export function sourceOf(docs: ExportDocument[]): DocumentSource {
  return (pass) =>
    (async function* () {
      for (const d of docs) yield pass?.spans === false ? { ...d, spans: [] } : d;
    })();
}

/** Runs a writer to completion and returns its output as one buffer. */
export async function collect(gen: AsyncIterable<string | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of gen) parts.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk));
  return Buffer.concat(parts);
}
