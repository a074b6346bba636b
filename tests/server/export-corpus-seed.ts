// The sample corpus for the export acceptance test (export-corpus.test.ts): the articles in
// ../shared/corpus plus one short text of ours with emoji and Arabic (the corpus holds no astral
// characters), imported into a project and tagged by two reviewers through the app's own
// functions, where to tag found programmatically; three documents are settled into gold.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { acceptAllUnanimous } from "@/lib/server/adjudication";
import { createAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { importDocuments } from "@/lib/server/documents";
import { createSource } from "@/lib/server/sources";
import type { SessionUser } from "@/lib/server/session";
import { buildOffsetIndex } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { addMember, admin, project, reviewer } from "./helpers";

export interface SampleCorpus {
  manager: SessionUser;
  projectId: number;
  /** Each imported document's text, by id. */
  texts: Map<number, string>;
}

// Our own text: spans after a flag and a skin-toned thumb (two UTF-16 units per code point and more).
const OWN_TEXT = [
  "Kyiv, 3 March 🇺🇦 The city council met on Tuesday. 👍🏽 Residents welcomed the vote.",
  "“The bridge will reopen in May, and the repairs are long overdue,” the deputy mayor said.",
  "A resident said that الجسر مفتوح الآن, in Arabic. The plan looks reckless to its critics.",
].join("\n");

/** Code-point offsets of the JS (UTF-16) range from..to, with the text there. */
function spanAt(text: string, from: number, to: number): { start: number; end: number; exact: string } {
  const index = buildOffsetIndex(text);
  return { start: index.toCodePoint(from), end: index.toCodePoint(to), exact: text.slice(from, to) };
}

/** The sentence around JS index `at`: from the previous ". " or line start to the next full stop. */
function sentenceAround(text: string, at: number): [number, number] {
  const start = Math.max(text.lastIndexOf(". ", at) + 2, text.lastIndexOf("\n", at) + 1, 0);
  const stops = [text.indexOf(". ", at), text.indexOf("\n", at), text.length].filter((i) => i >= 0);
  return [start, Math.min(...stops)];
}

type Range = [number, number];
interface Found {
  quote: Range;
  claim: Range;
  said: { range: Range; speaker: string } | null;
  opinion: Range;
}

/** Where to tag a document, found programmatically: a long “…” quotation, a clause in it, a " said " report, the first sentence. */
function findSpans(text: string): Found {
  const match = /“([^”\n]{40,})”/u.exec(text);
  if (match === null) throw new Error("no quotation of 40+ characters");
  const qStart = match.index + 1;
  const inner = match[1]!;
  const cut = inner.search(/[,;:]/u);
  const claimLength = cut > 10 ? cut : inner.split(" ").slice(0, 4).join(" ").length;
  // A reported quote: what follows the first " said " after the quotation, its speaker the word before.
  const saidAt = text.indexOf(" said ", qStart + inner.length);
  const [sentenceStart, sentenceEnd] = sentenceAround(text, saidAt);
  const range: Range = [saidAt + " said ".length, sentenceEnd];
  const speaker = /(\S+)$/u.exec(text.slice(sentenceStart, saidAt))?.[1];
  const said = saidAt >= 0 && range[1] - range[0] > 3 && speaker !== undefined ? { range, speaker } : null;
  return { quote: [qStart, qStart + inner.length], claim: [qStart, qStart + claimLength], said, opinion: sentenceAround(text, 0) };
}

async function tag(
  corpus: SampleCorpus,
  user: SessionUser,
  docId: number,
  kind: AnnotationKind,
  range: Range,
  attributes: Record<string, unknown>,
  parentId?: number,
): Promise<number> {
  const result = await createAnnotation(user, corpus.projectId, docId, { kind, ...spanAt(corpus.texts.get(docId)!, ...range), attributes, parentId });
  if (!result.ok) throw new Error(`${kind} on document ${docId}: ${result.error}`);
  return result.annotation.id;
}

/** A reviewer's spans: the quote with its speaker, a claim inside it, a reported quote; `withOpinion` adds the author's opinion. */
async function tagDocument(corpus: SampleCorpus, user: SessionUser, docId: number, speakerId: number, withOpinion: boolean): Promise<void> {
  const found = findSpans(corpus.texts.get(docId)!);
  const quote = await tag(corpus, user, docId, "quote", found.quote, { source_id: speakerId, speaker_type: "named_person", mode: "direct", cue: "said" });
  await tag(corpus, user, docId, "claim", found.claim, { checkworthy: "yes", certainty: "certain" }, quote);
  if (found.said !== null)
    await tag(corpus, user, docId, "quote", found.said.range, {
      speaker_text: found.said.speaker,
      speaker_type: "unnamed_person",
      mode: "indirect",
      cue: "said",
    });
  if (withOpinion) await tag(corpus, user, docId, "opinion", found.opinion, { holder: "author", sentiment: -1 });
}

async function importAll(corpus: SampleCorpus, items: { fileName: string; bytes: Uint8Array }[]): Promise<number[]> {
  const result = await importDocuments({ kind: "user", user: corpus.manager }, corpus.projectId, items, { story: "Iran in Iraq, 2015–2020" });
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.documents.map((d) => d.id);
}

/** Imports and tags the sample corpus in a new project (the folder holds the articles as .txt files). */
export async function seedSampleCorpus(folder: string): Promise<SampleCorpus> {
  const manager = await admin();
  const [ana, bo, judge] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge")];
  const corpus: SampleCorpus = { manager, projectId: await project("Sample corpus"), texts: new Map() };
  await addMember(corpus.projectId, ana, "annotator");
  await addMember(corpus.projectId, bo, "annotator");
  await addMember(corpus.projectId, judge, "adjudicator");
  const files = readdirSync(folder)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  const ids = [
    ...(await importAll(
      corpus,
      files.map((f) => ({ fileName: f, bytes: readFileSync(path.join(folder, f)) })),
    )),
    ...(await importAll(corpus, [{ fileName: "emoji.txt", bytes: Buffer.from(OWN_TEXT) }])),
  ];
  for (const id of ids) corpus.texts.set(id, (await getDb().get<[string]>(sql`select text from documents where id = ${id}`))![0]);
  const ownId = ids.at(-1)!;
  // The first two corpus documents and ours: identical work by both reviewers, then gold. The rest differ.
  const settled = [ids[0]!, ids[1]!, ownId];
  for (const [n, id] of ids.entries()) {
    const speaker = await createSource(ana, corpus.projectId, { name: `Speaker ${n + 1}`, kind: "person" });
    if (!speaker.ok) throw new Error(speaker.error);
    await tagDocument(corpus, ana, id, speaker.source.id, true);
    await tagDocument(corpus, bo, id, speaker.source.id, settled.includes(id));
    if (!settled.includes(id)) continue;
    for (const who of [ana, bo]) await markDocumentDone(who, corpus.projectId, id);
    const accepted = await acceptAllUnanimous(judge, corpus.projectId, id, { reason: "unanimous" });
    if (!accepted.ok || accepted.accepted === 0) throw new Error(`nothing accepted on ${id}`);
  }
  return corpus;
}
