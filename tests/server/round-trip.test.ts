// The JSONL round trip: a project annotated through the app's own code (nested quotes, emoji,
// Arabic, two reviewers, adjudication decisions, gold, segments, ratings) is exported, imported
// into an empty project, and exported again. The two exports must be identical except for ids
// (compared through a mapping built in order of appearance, so every link must still point at
// the corresponding thing) and timestamps.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documents } from "@/db/tables";
import { decide, getDocumentReview, settleGoldRating } from "@/lib/server/adjudication";
import { importAnnotations } from "@/lib/server/annotation-import";
import { createAnnotation } from "@/lib/server/annotations";
import { markDocumentDone } from "@/lib/server/assignments";
import { importDocuments } from "@/lib/server/documents";
import { prepareExport } from "@/lib/server/export";
import { recordReferenceRating } from "@/lib/server/outlets";
import { rateDocument, rateOutlet } from "@/lib/server/ratings";
import { createSegment } from "@/lib/server/segments";
import { createSource } from "@/lib/server/sources";
import type { SessionUser } from "@/lib/server/session";
import { codePointLength } from "@/lib/text";
import type { AnnotationKind } from "@/lib/validation/annotations";
import { collect, TEXT as LEVY } from "../unit/export/fixture";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const TALKS =
  "🇵🇸🇮🇱 Talks resume in Cairo. قال المتحدث: «سنعود إلى الطاولة غداً». " +
  "The envoy told reporters that “the minister said ‘we want a quiet week’ before leaving” 👋🏽.";

let manager: SessionUser;
let alice: SessionUser;
let bob: SessionUser;
let judge: SessionUser;

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
}

/** Code point offsets of the first occurrence of `needle`. */
function at(text: string, needle: string): { start: number; end: number } {
  const utf16 = text.indexOf(needle);
  if (utf16 < 0) throw new Error(`not in text: ${needle}`);
  const start = codePointLength(text.slice(0, utf16));
  return { start, end: start + codePointLength(needle) };
}

async function mark(
  user: SessionUser,
  projectId: number,
  doc: { id: number; text: string },
  kind: AnnotationKind,
  needle: string,
  extra: { attributes?: Record<string, unknown>; parentId?: number; note?: string } = {},
): Promise<number> {
  const result = await createAnnotation(user, projectId, doc.id, {
    kind,
    ...at(doc.text, needle),
    exact: needle,
    attributes: extra.attributes ?? {},
    note: extra.note,
    parentId: extra.parentId ?? null,
  });
  return ok(result).annotation.id;
}

async function addDocument(projectId: number, text: string, outlet: string, story: string, title: string): Promise<{ id: number; text: string }> {
  const result = ok(
    await importDocuments({ kind: "user", user: manager }, projectId, [{ text, fileName: `${title}.txt` }], {
      outlet,
      story,
      title,
      author: "Sam Writer",
      publishedAt: "2026-11-01",
      url: "https://example.org/x",
    }),
  );
  return { id: result.documents[0]!.id, text };
}

/** Builds the source project through the app's own functions; returns its id. */
async function annotatedProject(): Promise<number> {
  const projectId = await project("Round trip source");
  for (const [user, role] of [
    [alice, "annotator"],
    [bob, "annotator"],
    [judge, "adjudicator"],
  ] as const)
    await addMember(projectId, user, role);
  const levy = await addDocument(projectId, LEVY, "The Calder Courier", "Water levy", "Port Calder votes");
  const talks = await addDocument(projectId, TALKS, "Wire Service", "Water levy", "Talks resume");
  const mayor = ok(await createSource(alice, projectId, { name: "Rana Haddad", kind: "person", affiliation: "Port Calder council", description: "Mayor" }))
    .source.id;
  const council = ok(await createSource(alice, projectId, { name: "Port Calder council", kind: "government" })).source.id;
  const envoy = ok(await createSource(bob, projectId, { name: "The envoy", kind: "anonymous" })).source.id;
  ok(
    await createSegment(manager, projectId, talks.id, {
      ...at(TALKS, "Talks resume in Cairo."),
      outlet: "Agence Wire",
      originalDate: "2026-10-31",
      originalUrl: "https://wire.example/1",
    }),
  );

  // Alice: quotes with speakers, a claim inside a quote, a quote inside a quote (Arabic).
  await mark(alice, projectId, levy, "quote", "The levy is unfair", {
    attributes: { source_id: mayor, speaker_text: "Mayor Rana Haddad", speaker_type: "named_person", mode: "direct", cue: "said" },
  });
  const riverQuote = await mark(alice, projectId, levy, "quote", "and the river 🐟 will pay.", { attributes: { source_id: mayor, mode: "direct" } });
  await mark(alice, projectId, levy, "claim", "the river 🐟 will pay", {
    attributes: { checkworthy: "yes", certainty: "probable", targets: [council] },
    parentId: riverQuote,
    note: "Inside the mayor's quote.",
  });
  const dam = await mark(alice, projectId, levy, "quote", "«المياه ملك للجميع» was painted on the dam", {
    attributes: { speaker_text: "Officials", speaker_type: "unnamed_group", mode: "indirect", addressee: "Al Jazeera" },
  });
  await mark(alice, projectId, levy, "quote", "المياه ملك للجميع", { attributes: { speaker_type: "unknown", mode: "direct" }, parentId: dam });
  await mark(alice, projectId, levy, "opinion", "The plan is reckless.", { attributes: { holder: "author", sentiment: -2, bias: "lexical" } });
  // Bob: one agreement, one claim alone, an opinion with other boundaries.
  await mark(bob, projectId, levy, "quote", "The levy is unfair", {
    attributes: { source_id: mayor, speaker_text: "Mayor Rana Haddad", speaker_type: "named_person", mode: "direct", cue: "said" },
  });
  await mark(bob, projectId, levy, "claim", "Port Calder 🌊 votes today.", { attributes: { checkworthy: "no" } });
  await mark(bob, projectId, levy, "opinion", "The plan is reckless", { attributes: { holder: "author", sentiment: -1 } });
  // The second document: nested quotes after flag and skin-tone emoji.
  const outer = await mark(bob, projectId, talks, "quote", "the minister said ‘we want a quiet week’ before leaving", {
    attributes: { source_id: envoy, mode: "indirect", cue: "told", addressee: "reporters" },
  });
  await mark(bob, projectId, talks, "quote", "we want a quiet week", { attributes: { mode: "direct", speaker_text: "the minister" }, parentId: outer });
  await mark(alice, projectId, talks, "quote", "سنعود إلى الطاولة غداً", {
    attributes: { mode: "direct", speaker_text: "المتحدث", speaker_type: "unnamed_person", cue: "قال" },
  });
  for (const user of [alice, bob]) ok(await markDocumentDone(user, projectId, levy.id));
  ok(await markDocumentDone(bob, projectId, talks.id));

  // The adjudicator accepts the agreed quote, keeps Alice's opinion boundaries, rejects Bob's claim, adds one.
  const review = await getDocumentReview(judge, projectId, levy.id);
  if ("ok" in review) throw new Error(review.error);
  const group = (text: string) => review.differences.find((d) => d.excerpt.text === text)!;
  const ids = (d: { spans: { id: number }[] }) => d.spans.map((s) => s.id);
  const agreed = group("The levy is unfair");
  ok(await decide(judge, projectId, levy.id, { action: "accept", sourceId: agreed.spans[0]!.id, memberIds: ids(agreed), reason: "Both reviewers agree." }));
  const opinion = group("The plan is reckless.");
  const alicesOpinion = opinion.spans.find((s) => s.reviewerName === "alice")!;
  ok(
    await decide(judge, projectId, levy.id, {
      action: "accept",
      sourceId: alicesOpinion.id,
      memberIds: ids(opinion),
      reason: "The full stop is part of the sentence.",
    }),
  );
  const claim = group("Port Calder 🌊 votes today.");
  ok(await decide(judge, projectId, levy.id, { action: "reject", memberIds: ids(claim), reason: "Not checkable." }));
  ok(
    await decide(judge, projectId, levy.id, {
      action: "add",
      kind: "claim",
      ...at(LEVY, "Officials told Al Jazeera"),
      attributes: { checkworthy: "yes" },
      reason: "Missed by both.",
    }),
  );

  // Ratings: a reviewer's and the gold outlet rating, a document's genre, a published rating.
  const courier = await outletOf(levy.id);
  ok(await rateOutlet(alice, projectId, courier, { axis: "left_right", value: -2, rationale: "Leans to the council's critics." }));
  ok(await rateOutlet(bob, projectId, courier, { axis: "left_right", value: 1, rationale: "Quotes the mayor at length." }));
  ok(await settleGoldRating(judge, projectId, { outletId: courier, axis: "left_right", value: -1, rationale: "Between the two." }));
  ok(await rateDocument(alice, projectId, levy.id, { axis: "genre", label: "reporting", rationale: "A news report." }));
  ok(await rateDocument(bob, projectId, talks.id, { axis: "stance", value: 1, rationale: "Hopeful tone." }));
  ok(
    await recordReferenceRating(manager, courier, {
      publisher: "AllSides",
      axis: "left_right",
      value: -1.5,
      label: "Lean Left",
      retrievedAt: "2026-10-01",
      url: "https://www.allsides.com/x",
    }),
  );
  return projectId;
}

async function outletOf(documentId: number): Promise<number> {
  return (await first(getDb().select({ outletId: documents.outletId }).from(documents).where(eq(documents.id, documentId))))!.outletId!;
}

async function exportJsonl(projectId: number, layer: "gold" | "all"): Promise<string> {
  const prepared = await prepareExport(manager, projectId, { format: "jsonl", layer }, "http://127.0.0.1:3000");
  if ("ok" in prepared) throw new Error(prepared.error);
  return (await collect(prepared.stream())).toString("utf8");
}

const TIMESTAMPS = new Set(["exportedAt", "importedAt", "createdAt", "updatedAt", "at"]);
// Which id space each id-holding key belongs to: a link is equal only if it maps to the same number.
const SPACES: Record<string, string> = { parentId: "span", goldAnnotationId: "span", fromAnnotationIds: "span", source_id: "source", targets: "source" };

/** Replaces every id by its order of first appearance in its space, and drops timestamps and the project. */
function normalize(lines: string[]): unknown[] {
  const spaces = new Map<string, Map<number, number>>();
  const mapId = (space: string, id: number): number => {
    const ids = spaces.get(space) ?? spaces.set(space, new Map()).get(space)!;
    return ids.get(id) ?? ids.set(id, ids.size + 1).get(id)!;
  };
  const walk = (value: unknown, space: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => walk(v, space));
    if (value === null || typeof value !== "object") return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (TIMESTAMPS.has(key) || key === "project") continue;
      if (key === "id" && typeof v === "number") out.id = mapId(space, v);
      else if (key in SPACES) out[key] = Array.isArray(v) ? v.map((id: number) => mapId(SPACES[key]!, id)) : typeof v === "number" ? mapId(SPACES[key]!, v) : v;
      else out[key] = walk(v, key === "spans" ? "span" : key === "sources" ? "source" : `${space}.${key}`);
    }
    return out;
  };
  return lines.map((line) => {
    const doc = walk(JSON.parse(line), "document") as { sources: { id: number }[] };
    // The registry is listed by id, and new ids follow the import's order: compare it as a set.
    doc.sources.sort((a, b) => a.id - b.id);
    return doc;
  });
}

const linesOf = (text: string): string[] => text.split("\n").filter((l) => l !== "");

describe("JSONL round trip", () => {
  let source: { gold: string; all: string };
  let target: { gold: string; all: string };

  beforeAll(async () => {
    manager = await admin();
    [alice, bob, judge] = [await reviewer("alice"), await reviewer("bob"), await reviewer("judge")];
    const from = await annotatedProject();
    source = { gold: await exportJsonl(from, "gold"), all: await exportJsonl(from, "all") };
    const to = await project("Round trip copy");
    for (const [user, role] of [
      [alice, "annotator"],
      [bob, "annotator"],
      [judge, "adjudicator"],
    ] as const)
      await addMember(to, user, role);
    const files = [
      { name: "gold.jsonl", text: source.gold },
      { name: "all.jsonl", text: source.all },
    ];
    const result = await importAnnotations(manager, to, { format: "jsonl", files, layer: "as-exported", dryRun: false });
    if (!result.ok) throw new Error(result.error);
    expect(result.report.refused).toEqual([]);
    expect(result.report.decisions.dropped).toBe(0);
    target = { gold: await exportJsonl(to, "gold"), all: await exportJsonl(to, "all") };
  });

  it("exports what the source project holds: two documents, both layers, decisions and ratings", () => {
    const docs = linesOf(source.all).map((l) => JSON.parse(l));
    expect(docs).toHaveLength(2);
    expect(docs.flatMap((d) => d.layers.map((l: { name: string }) => l.name)).sort()).toEqual([
      "reviewer:alice",
      "reviewer:alice",
      "reviewer:bob",
      "reviewer:bob",
    ]);
    expect(docs[0].decisions).toHaveLength(4);
    expect(docs[0].spans.some((s: { parentId: number | null }) => s.parentId !== null)).toBe(true);
    expect(docs[0].outlet.ratings).toHaveLength(3);
    expect(linesOf(source.gold).map((l) => JSON.parse(l).spans.length)).toEqual([3, 0]);
  });

  it("gives back the same gold layer, except for ids and timestamps", () => {
    expect(normalize(linesOf(target.gold))).toEqual(normalize(linesOf(source.gold)));
  });

  it("gives back the same reviewers' layers, statuses, decisions, speakers and ratings", () => {
    expect(normalize(linesOf(target.all))).toEqual(normalize(linesOf(source.all)));
  });

  it("keeps the text and offsets byte for byte", () => {
    const texts = (s: string) =>
      linesOf(s)
        .map((l) => JSON.parse(l))
        .map((d) => [d.textSha256, d.text, d.spans.map((x: { start: number; end: number; exact: string }) => [x.start, x.end, x.exact])]);
    expect(texts(target.all)).toEqual(texts(source.all));
  });
});
