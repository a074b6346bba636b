// Seeds the comparison benchmark's story straight into a SQLite file made by the real
// migrations: one story of 50 documents × 3,000 live spans (two reviewers × 1,500), with every
// attribute the comparison reads, quotes naming registry speakers or only a speaker text,
// re-published segments, outlet ratings, published ratings, a settled gold layer on some
// documents and claim links across documents. Raw prepared inserts: the point is the reading.
import type Database from "better-sqlite3";
import { sha256Hex } from "@/lib/text/hash";
import { countWords } from "@/lib/text";

export const DOCUMENTS = 50;
export const SPANS_PER_REVIEWER = 1_500;
const OUTLETS = 10;
const SOURCES = 40;
const SETTLED = 10; // the last 10 documents have a settled gold layer
const LINKS = 20;
const LINKED_DOCUMENTS = 8;

// A fixed pseudo-random sequence, so every run seeds the same corpus.
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SUBJECTS = ["The council", "The mayor", "Critics", "The finance office", "Residents", "The agency", "Engineers", "The levy", "Ratepayers", "The plant"];
const VERBS = [
  "approved",
  "questioned",
  "will cost",
  "could delay",
  "is expected to fund",
  "has refused",
  "warned about",
  "supports",
  "doubled",
  "may never need",
];
const OBJECTS = [
  "a $9 monthly charge",
  "the $240 million plant",
  "the discharge permit",
  "a state loan",
  "the summer restrictions",
  "the hardship discount",
  "a referendum",
  "the brine outflow",
  "the July start date",
  "the renters' burden",
];
const TAILS = ["on Thursday.", "before autumn.", "by 2035.", "according to the city.", "after the vote.", "in Port Calder."];

/** Sentence `t` of the pool (1,000 distinct sentences, ~60–80 characters, ASCII). */
function sentence(t: number): string {
  return `${SUBJECTS[t % 10]} ${VERBS[Math.floor(t / 10) % 10]} ${OBJECTS[Math.floor(t / 100) % 10]} ${TAILS[t % 6]}`;
}

export interface SeededStory {
  projectId: number;
  storyId: number;
  managerId: number;
  /** Documents whose gold layer is settled (the comparison shows their gold spans). */
  settled: number[];
  /** A claim by the first reviewer in the first document, and its document, for match suggestions. */
  probe: { documentId: number; annotationId: number };
  spans: number;
}

interface Statements {
  doc: Database.Statement;
  span: Database.Statement;
}

const SPEAKER_TYPES = ["named_person", "unnamed_person", "named_org", "unnamed_group", "document", "outlet_self"];
const CERTAINTY = ["certain", "probable", "possible", "underspecified"];
const BIAS = ["lexical", "informational", "none"];
const MODES = ["direct", "indirect", "mixed"];

function attributesFor(kind: string, r: () => number, sources: number[]): string {
  if (kind === "claim") return JSON.stringify({ certainty: CERTAINTY[Math.floor(r() * 4)], checkworthy: r() < 0.5 ? "yes" : "no" });
  if (kind === "opinion")
    return JSON.stringify({ holder: r() < 0.7 ? "author" : "quoted", sentiment: Math.floor(r() * 5) - 2, bias: BIAS[Math.floor(r() * 3)] });
  const named = r() < 0.6;
  return JSON.stringify({
    ...(named ? { source_id: sources[Math.floor(r() * sources.length)] } : { speaker_text: `an official ${Math.floor(r() * 30)}` }),
    speaker_type: SPEAKER_TYPES[Math.floor(r() * SPEAKER_TYPES.length)],
    mode: MODES[Math.floor(r() * 3)],
    cue: "said",
  });
}

/** One document: its text, then each reviewer's 1,500 spans (one per sentence, B's a word shorter). */
function seedDocument(
  s: Statements,
  ids: { projectId: number; storyId: number; outlets: number[]; reviewers: number[]; sources: number[] },
  n: number,
  r: () => number,
) {
  const templates = Array.from({ length: SPANS_PER_REVIEWER }, () => Math.floor(r() * 1000));
  const sentences = templates.map(sentence);
  const text = sentences.join(" ");
  // Every seventh document has no outlet and every eleventh no date: shown as such, not dropped.
  const outletId = n % 7 === 6 ? null : ids.outlets[n % OUTLETS]!;
  const date = n % 11 === 10 ? null : `2031-03-${String(1 + (n % 28)).padStart(2, "0")}`;
  const docId = (
    s.doc.get(ids.projectId, ids.storyId, outletId, `Bench story article ${n}`, date, text, sha256Hex(text), text.length, countWords(text)) as { id: number }
  ).id;
  const spanIds: number[][] = [[], []];
  let at = 0;
  sentences.forEach((line, i) => {
    const kind = ["claim", "opinion", "quote"][i % 3]!;
    const attributes = attributesFor(kind, r, ids.sources);
    ids.reviewers.forEach((reviewer, k) => {
      const start = k === 0 ? at : at + line.indexOf(" ") + 1;
      const end = at + line.length;
      const row = s.span.get(
        docId,
        reviewer,
        "annotator",
        kind,
        start,
        end,
        text.slice(start, end),
        text.slice(Math.max(0, start - 32), start),
        text.slice(end, end + 32),
        attributes,
      ) as { id: number };
      spanIds[k]!.push(row.id);
    });
    at += line.length + 1;
  });
  return { docId, text, templates, spanIds };
}

type Seeded = ReturnType<typeof seedDocument>;

function seedPeople(sqlite: Database.Database) {
  const user = sqlite.prepare("insert into users (username, display_name, password_hash, role) values (?, ?, 'x', 'member') returning id");
  const managerId = (user.get("manager", "Manager") as { id: number }).id;
  const reviewers = [0, 1].map((i) => (user.get(`reviewer${i}`, `Reviewer ${i}`) as { id: number }).id);
  const projectId = (sqlite.prepare("insert into projects (name, settings) values ('Compare bench', '{}') returning id").get() as { id: number }).id;
  const member = sqlite.prepare("insert into project_members (project_id, user_id, role) values (?, ?, ?)");
  member.run(projectId, managerId, "manager");
  for (const id of reviewers) member.run(projectId, id, "annotator");
  const storyId = (sqlite.prepare("insert into stories (project_id, name) values (?, 'Bench story') returning id").get(projectId) as { id: number }).id;
  const outletRow = sqlite.prepare("insert into outlets (name, kind) values (?, 'newspaper') returning id");
  const outlets = Array.from({ length: OUTLETS }, (_, i) => (outletRow.get(`Bench outlet ${i}`) as { id: number }).id);
  const sourceRow = sqlite.prepare("insert into sources (project_id, name, kind) values (?, ?, 'person') returning id");
  const sources = Array.from({ length: SOURCES }, (_, i) => (sourceRow.get(projectId, `Speaker ${i}`) as { id: number }).id);
  return { managerId, reviewers, projectId, storyId, outlets, sources };
}

type People = ReturnType<typeof seedPeople>;

/** Both reviewers done and every pair of their spans decided into gold, as an adjudicator would. */
function settle(sqlite: Database.Database, people: People, doc: Seeded): void {
  const assignment = sqlite.prepare("insert into assignments (project_id, document_id, user_id, status, submitted_at) values (?, ?, ?, 'submitted', 0)");
  for (const reviewer of people.reviewers) assignment.run(people.projectId, doc.docId, reviewer);
  const copy = sqlite.prepare(
    'insert into annotations (document_id, annotator_id, layer, kind, start, "end", exact, prefix, suffix, attributes) select document_id, ?, \'gold\', kind, start, "end", exact, prefix, suffix, attributes from annotations where id = ? returning id',
  );
  const decision = sqlite.prepare(
    "insert into adjudications (document_id, gold_annotation_id, decision, from_annotation_ids, adjudicator_id) values (?, ?, 'accepted', ?, ?)",
  );
  doc.spanIds[0]!.forEach((a, i) => {
    const b = doc.spanIds[1]![i]!;
    const gold = (copy.get(people.managerId, a) as { id: number }).id;
    decision.run(doc.docId, gold, JSON.stringify([a, b]), people.managerId);
  });
}

function seedExtras(sqlite: Database.Database, people: People, docs: Seeded[]): void {
  const assignment = sqlite.prepare("insert into assignments (project_id, document_id, user_id, status) values (?, ?, ?, 'in_progress')");
  docs.slice(0, DOCUMENTS - SETTLED).forEach((d) => people.reviewers.forEach((u) => assignment.run(people.projectId, d.docId, u)));
  docs.slice(DOCUMENTS - SETTLED).forEach((d) => settle(sqlite, people, d));
  const segment = sqlite.prepare("insert into segments (document_id, start, \"end\", original_outlet_id, original_date) values (?, ?, ?, ?, '2031-02-28')");
  docs.slice(0, 10).forEach((d, i) => segment.run(d.docId, 1_000, 20_000, people.outlets[(i + 1) % OUTLETS]));
  const rating = sqlite.prepare("insert into perspective_ratings (project_id, rater_id, outlet_id, axis, value, rationale) values (?, ?, ?, ?, ?, 'bench')");
  const published = sqlite.prepare(
    "insert into reference_ratings (outlet_id, publisher, axis, value, retrieved_at, url) values (?, 'Bench Ratings', 'left_right', ?, '2031-01-01', 'https://ratings.example/')",
  );
  people.outlets.forEach((o, i) => {
    people.reviewers.forEach((u, k) => {
      rating.run(people.projectId, u, o, "left_right", (i % 13) - 6 + k * 0.5);
      rating.run(people.projectId, u, o, "reliability", 20 + i * 3 + k);
      rating.run(people.projectId, u, o, "stance", (i % 5) - 2);
    });
    published.run(o, (i % 13) - 6);
  });
  // Each link: the first span of one sentence in up to 8 documents that carry it, both reviewers'.
  const link = sqlite.prepare("insert into claim_links (project_id, story_id, label, created_by) values (?, ?, ?, ?) returning id");
  const member = sqlite.prepare("insert into claim_link_spans (link_id, annotation_id) values (?, ?)");
  for (let k = 0; k < LINKS; k++) {
    const template = k * 37 + 11;
    const carriers = docs.filter((d) => d.templates.includes(template)).slice(0, LINKED_DOCUMENTS);
    const linkId = (link.get(people.projectId, people.storyId, sentence(template), people.managerId) as { id: number }).id;
    for (const d of carriers) {
      const i = d.templates.indexOf(template);
      for (const ids of d.spanIds) member.run(linkId, ids[i]);
    }
  }
}

export async function seedCompareStory(): Promise<SeededStory> {
  const { getSqlite } = await import("@/db");
  const sqlite = getSqlite();
  const s: Statements = {
    doc: sqlite.prepare(
      "insert into documents (project_id, story_id, outlet_id, title, published_at, text, text_sha256, char_count, word_count) values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
    ),
    span: sqlite.prepare(
      'insert into annotations (document_id, annotator_id, layer, kind, start, "end", exact, prefix, suffix, attributes) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id',
    ),
  };
  const r = prng(9);
  return sqlite.transaction((): SeededStory => {
    const people = seedPeople(sqlite);
    const docs = Array.from({ length: DOCUMENTS }, (_, n) => seedDocument(s, people, n, r));
    seedExtras(sqlite, people, docs);
    // A claim whose sentence other documents carry too, so the suggestions have real matches.
    const first = docs[0]!;
    const i = first.templates.findIndex((t, j) => j % 3 === 0 && docs.slice(1).some((d) => d.templates.includes(t)));
    return {
      projectId: people.projectId,
      storyId: people.storyId,
      managerId: people.managerId,
      settled: docs.slice(DOCUMENTS - SETTLED).map((d) => d.docId),
      probe: { documentId: first.docId, annotationId: first.spanIds[0]![i]! },
      spans: docs.length * SPANS_PER_REVIEWER * 2,
    };
  })();
}
