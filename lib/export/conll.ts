// CoNLL IOB2 export: a zip of columns.txt, corpus.conll and DROPPED.txt. One token per line,
// then one tag column per (layer, kind) so that spans of different kinds or layers may overlap;
// within one column IOB2 holds no nesting, so the format is lossy and DROPPED.txt says how.
import { conllColumns, columnName, conllDocumentLines, emptyCounts, type ConllColumn, type ConllCounts } from "./conll-tags";
import { zipStream, type ZipEntry } from "./zip";
import type { Chunk, DocumentSource, ExportMeta, ExportWriter } from "./types";

export const CONLL_FILES = { columns: "columns.txt", corpus: "corpus.conll", dropped: "DROPPED.txt" } as const;

function columnsFile(columns: readonly ConllColumn[]): string {
  const lines = ["1\ttoken", ...columns.map((c, i) => `${i + 2}\t${columnName(c)}`)];
  return (
    "# Columns of corpus.conll, separated by single spaces. Tags are IOB2: B-KIND starts a span,\n" +
    "# I-KIND continues it, O is outside. Layer 'gold' is the adjudicated layer, 'reviewer:NAME' one reviewer's.\n" +
    lines.join("\n") +
    "\n"
  );
}

async function* corpusLines(open: DocumentSource, columns: () => Promise<readonly ConllColumn[]>, counts: ConllCounts): AsyncGenerator<Chunk> {
  const known = await columns();
  for await (const doc of open()) yield* conllDocumentLines(doc, known, counts);
}

function droppedReport(counts: ConllCounts, columns: readonly ConllColumn[]): string {
  const row = (n: number, what: string): string => `${String(n).padStart(8)}  ${what}`;
  return [
    "What the CoNLL export could not carry",
    "",
    `corpus.conll holds ${counts.documents} documents, ${counts.sentences} sentences and ${counts.tokens} tokens.`,
    `Tag columns (after the token column): ${columns.map(columnName).join(", ") || "none"}.`,
    `Offsets are not in the file: tokens are words, numbers, punctuation marks and emoji, in text order.`,
    "",
    "Spans",
    row(counts.spans, "spans in the export"),
    row(counts.kept, "written as a B-/I- run"),
    row(counts.nested, "dropped: nested inside a span of the same layer and kind (IOB2 holds one span per token and column; the outer span is kept)"),
    row(counts.overlapping, "dropped: crossing a span of the same layer and kind (the one that starts first is kept)"),
    row(counts.noToken, "dropped: covering no token (only spaces or invisible characters)"),
    row(counts.noColumn, "dropped: of a layer or kind outside the export's columns"),
    row(counts.nonTokenBoundary, "kept but widened: a boundary fell inside a token (non-token boundary), so the run covers the whole token"),
    "",
    "Information on spans (the format has no place for it; counted over all spans, kept or dropped)",
    row(counts.attributes, "spans whose attributes were dropped (checkworthy, certainty, sentiment, mode, cue, confidence…)"),
    row(counts.speakers, "spans whose speaker was dropped (registry source or speaker text)"),
    row(counts.notes, "spans whose note was dropped"),
    row(counts.parentLinks, "spans whose parent link was dropped (a claim inside a quote, a quote inside a quote)"),
    "",
    "Use the jsonl export for a lossless copy.",
    "",
  ].join("\n");
}

/** Lists the zip's entries; DROPPED.txt is built only once corpus.conll has been read through. */
async function* conllEntries(open: DocumentSource, meta: ExportMeta): AsyncGenerator<ZipEntry> {
  // The columns need every layer of the export, which the server counts over the whole scope;
  // asked for only once the zip's first header is out, so a download starts at once.
  let known: Promise<readonly ConllColumn[]> | null = null;
  const columns = (): Promise<readonly ConllColumn[]> => (known ??= conllColumns(meta));
  const counts = emptyCounts();
  yield {
    name: CONLL_FILES.columns,
    data: (async function* () {
      yield columnsFile(await columns());
    })(),
  };
  yield { name: CONLL_FILES.corpus, data: corpusLines(open, columns, counts) };
  // The report sits beside the data, not in it: a CoNLL reader cannot skip comment lines (NLTK's
  // ConllCorpusReader would take "# dropped …" for a token row), and it comes last because the
  // counts are known only once every document has been written.
  yield { name: CONLL_FILES.dropped, data: droppedReport(counts, await columns()) };
}

/** CoNLL IOB2 writer. The tokens are the text, so the export cannot leave the text out. */
export const writeConll: ExportWriter = async function* (open, meta) {
  if (!meta.includeText) {
    throw new Error("The conll format carries the article text as its tokens: export it with the text included.");
  }
  yield* zipStream(conllEntries(open, meta));
};
