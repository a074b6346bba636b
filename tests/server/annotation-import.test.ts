// Importing annotations back, on a real SQLite database built by the migrations: JSONL lines
// written by the real writer, W3C and brat files written by the real export pipeline.
import { and, count, eq, isNull } from "drizzle-orm";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import * as schema from "@/db/tables";
import { jsonlLine } from "@/lib/export/jsonl";
import type { ExportDocument } from "@/lib/export/types";
import { importAnnotations, type AnnotationImportInput, type ImportReport } from "@/lib/server/annotation-import";
import { importDocuments } from "@/lib/server/documents";
import { prepareExport } from "@/lib/server/export";
import type { SessionUser } from "@/lib/server/session";
import { sliceCodePoints } from "@/lib/text";
import { sha256Hex } from "@/lib/text/hash";
import { MAX_ANNOTATION_IMPORT_BYTES } from "@/lib/validation/annotation-import";
import { collect, sampleDocument, sampleMeta, TEXT } from "../unit/export/fixture";
import { addMember, admin, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const { annotations, adjudications, assignments, auditLog, documents, perspectiveRatings, sources } = schema;
const TABLES = {
  annotations,
  adjudications,
  assignments,
  auditLog,
  documents,
  perspectiveRatings,
  sources,
  segments: schema.segments,
  outlets: schema.outlets,
  stories: schema.stories,
};

/** Row counts of every table an import may write: equal before and after means nothing was written. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts = Object.entries(TABLES).map(async ([name, table]) => [name, (await first(getDb().select({ n: count() }).from(table)))!.n] as const);
  return Object.fromEntries(await Promise.all(counts));
}

/** The fixture's document with its real sha256, so it can be created from its line. */
function doc(edit: (d: ExportDocument) => void = () => {}): ExportDocument {
  const d = { ...sampleDocument(), textSha256: sha256Hex(TEXT) };
  edit(d);
  return d;
}

const line = (d: ExportDocument = doc(), includeText = true): string => jsonlLine(d, sampleMeta({ includeText }));

let users: Promise<{ alice: SessionUser; judge: SessionUser; bob: SessionUser }> | null = null;
/** The fixture's reviewer (alice) and adjudicator (judge), created once per file. */
function people(): Promise<{ alice: SessionUser; judge: SessionUser; bob: SessionUser }> {
  users ??= (async () => ({ alice: await reviewer("alice"), judge: await reviewer("judge"), bob: await reviewer("bob") }))();
  return users;
}

/** An empty project whose members are the fixture's people; the admin manages it. */
async function emptyProject(): Promise<{ manager: SessionUser; projectId: number }> {
  const { alice, judge } = await people();
  const projectId = await project();
  await addMember(projectId, alice, "annotator");
  await addMember(projectId, judge, "adjudicator");
  return { manager: await admin(), projectId };
}

async function run(user: SessionUser, projectId: number, text: string, options: Partial<AnnotationImportInput> = {}): Promise<ImportReport> {
  const result = await importAnnotations(user, projectId, {
    format: "jsonl",
    files: [{ name: "corpus.jsonl", text }],
    layer: "as-exported",
    dryRun: false,
    ...options,
  });
  if (!result.ok) throw new Error(result.error);
  return result.report;
}

async function liveSpans(projectId: number) {
  return await getDb()
    .select({
      id: annotations.id,
      layer: annotations.layer,
      annotator: schema.users.username,
      kind: annotations.kind,
      start: annotations.start,
      end: annotations.end,
      exact: annotations.exact,
      text: documents.text,
      parentId: annotations.parentId,
      attributes: annotations.attributes,
    })
    .from(annotations)
    .innerJoin(documents, eq(documents.id, annotations.documentId))
    .innerJoin(schema.users, eq(schema.users.id, annotations.annotatorId))
    .where(and(eq(documents.projectId, projectId), isNull(annotations.deletedAt)))
    .orderBy(annotations.id);
}

describe("importing JSONL as exported", () => {
  it("creates the document and restores spans, parents, speakers, decisions, statuses and ratings", async () => {
    const { manager, projectId } = await emptyProject();
    const report = await run(manager, projectId, line());
    expect(report.refused).toEqual([]);
    expect(report).toMatchObject({
      written: true,
      documents: { created: 1, matched: 0 },
      spans: { added: 8, present: 0, reanchored: 0 },
      speakers: { matched: 0, created: 2 },
      assignments: { restored: 1, present: 0 },
      decisions: { added: 1, present: 0, dropped: 0 },
      ratings: { added: 2, present: 0, kept: 0 },
      references: { added: 1, present: 0 },
    });
    const spans = await liveSpans(projectId);
    for (const s of spans) expect(sliceCodePoints(s.text, s.start, s.end)).toBe(s.exact);
    expect(spans.filter((s) => s.layer === "gold").every((s) => s.annotator === "judge")).toBe(true);
    expect(spans.filter((s) => s.layer === "annotator").map((s) => s.annotator)).toEqual(["alice", "alice"]);
    const byExact = (exact: string, layer = "gold") => spans.find((s) => s.exact === exact && s.layer === layer)!;
    expect(byExact("the river 🐟 will pay").parentId).toBe(byExact("and the river 🐟 will pay.").id);
    expect(byExact("المياه ملك للجميع").parentId).toBe(byExact("«المياه ملك للجميع» was painted on the dam").id);
    const mayor = (await first(
      getDb()
        .select()
        .from(sources)
        .where(and(eq(sources.projectId, projectId), eq(sources.name, "Rana Haddad"))),
    ))!;
    expect(mayor).toMatchObject({ kind: "person", affiliation: "Port Calder council", aliases: ["Mayor Haddad"] });
    expect(byExact("The levy is unfair").attributes).toMatchObject({ source_id: mayor.id, speaker_text: "Mayor Rana Haddad" });
    const decision = (await first(
      getDb()
        .select()
        .from(adjudications)
        .where(eq(adjudications.goldAnnotationId, byExact("The levy is unfair").id)),
    ))!;
    expect(decision.fromAnnotationIds).toEqual([byExact("The levy is unfair", "annotator").id]);
    expect(decision.reason).toBe("Speaker named in text.");
    const status = await getDb()
      .select({ status: assignments.status })
      .from(assignments)
      .innerJoin(documents, eq(documents.id, assignments.documentId))
      .where(eq(documents.projectId, projectId));
    expect(status).toEqual([{ status: "submitted" }]);
    const audited = (await first(
      getDb()
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, "import"), eq(auditLog.entity, "annotation"))),
    ))!.n;
    expect(audited).toBeGreaterThanOrEqual(8);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const { manager, projectId } = await emptyProject();
    await run(manager, projectId, line());
    const before = await rowCounts();
    const again = await run(manager, projectId, line());
    expect(again).toMatchObject({
      refused: [],
      documents: { created: 0, matched: 1 },
      spans: { added: 0, present: 8 },
      speakers: { matched: 2, created: 0 },
      decisions: { added: 0, present: 1 },
      ratings: { added: 0, present: 2 },
      assignments: { restored: 0, present: 1 },
    });
    expect(await rowCounts()).toEqual(before);
  });

  it("reports in a dry run exactly what the real run then does, and writes nothing", async () => {
    const { manager, projectId } = await emptyProject();
    const before = await rowCounts();
    const dry = await run(manager, projectId, line(), { dryRun: true });
    expect(dry.written).toBe(false);
    expect(await rowCounts()).toEqual(before);
    const real = await run(manager, projectId, line());
    expect(real.written).toBe(true);
    expect({ ...dry, dryRun: true, written: true }).toEqual({ ...real, dryRun: true });
  });

  it("matches speakers by alias, ignoring case, instead of creating them", async () => {
    const { manager, projectId } = await emptyProject();
    await getDb()
      .insert(sources)
      .values({ projectId, name: "R. Haddad", kind: "person", aliases: ["RANA HADDAD"] });
    const report = await run(manager, projectId, line());
    expect(report.speakers).toEqual({ matched: 1, created: 1 });
  });

  it("puts every span in the chosen layer: gold written by the importing manager, or one reviewer's", async () => {
    const { manager, projectId } = await emptyProject();
    const gold = await run(manager, projectId, line(), { layer: "gold" });
    // Alice's quote is the same span as a gold one: in a single layer it is one span.
    expect(gold).toMatchObject({ refused: [], spans: { added: 7, present: 1 }, decisions: { added: 0 }, ratings: { added: 0 } });
    expect(new Set((await liveSpans(projectId)).map((s) => `${s.layer}:${s.annotator}`))).toEqual(new Set(["gold:admin"]));
    const { bob } = await people();
    await addMember(projectId, bob, "annotator");
    const toBob = await run(manager, projectId, line(), { layer: "reviewer:bob" });
    expect(toBob.spans).toMatchObject({ added: 7, present: 1 });
    expect((await liveSpans(projectId)).filter((s) => s.annotator === "bob")).toHaveLength(7);
  });

  it("refuses the batch when a span's author is not a member, naming them and the alternatives", async () => {
    const { alice } = await people();
    const projectId = await project();
    await addMember(projectId, alice, "annotator");
    const before = await rowCounts();
    const report = await run(await admin(), projectId, line());
    expect(report.written).toBe(false);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]!.ref).toBe("user judge");
    expect(report.refused[0]!.reason).toMatch(/“judge” is not a member of this project .*reviewer:admin, reviewer:alice/);
    expect(await rowCounts()).toEqual(before);
  });

  it("re-anchors a span whose offsets drifted, by its quote", async () => {
    const { manager, projectId } = await emptyProject();
    const drifted = doc((d) => {
      d.spans = d.spans.map((s) => (s.id === 16 ? { ...s, start: s.start - 3, end: s.end - 3 } : s));
    });
    const report = await run(manager, projectId, line(drifted));
    expect(report.refused).toEqual([]);
    expect(report.spans.reanchored).toBe(1);
    expect((await liveSpans(projectId)).map((s) => s.exact)).toContain("The plan is reckless.");
  });
});

describe("refusing bad JSONL, all or nothing", () => {
  async function refusedOnly(text: string): Promise<ImportReport["refused"]> {
    const { manager, projectId } = await emptyProject();
    const before = await rowCounts();
    const report = await run(manager, projectId, text);
    expect(report.written).toBe(false);
    expect(await rowCounts()).toEqual(before);
    return report.refused;
  }

  it("refuses offsets outside the text", async () => {
    const bad = doc((d) => {
      d.spans = d.spans.map((s) => (s.id === 21 ? { ...s, end: d.charCount + 5 } : s));
    });
    const refused = await refusedOnly(line(bad));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.ref).toBe("line 1, span 21");
    expect(refused[0]!.reason).toMatch(/^the offsets 0–\d+ are outside the text of document \d+ \(\d+ code points\)$/);
  });

  it("refuses an unknown kind", async () => {
    const bad = line().replace('"kind":"opinion"', '"kind":"rumour"');
    expect(await refusedOnly(bad)).toEqual([{ ref: "line 1", reason: "spans[5].kind: unknown kind “rumour”: a span is a claim, an opinion or a quote" }]);
  });

  it("refuses a document that is not in the project when the line leaves its text out", async () => {
    const refused = await refusedOnly(line(doc(), false));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ ref: "line 1" });
    expect(refused[0]!.reason).toMatch(/^document not in the project/);
  });

  it("refuses text that does not match its sha256", async () => {
    const refused = await refusedOnly(line(doc((d) => (d.textSha256 = "a".repeat(64)))));
    expect(refused[0]!.reason).toMatch(/does not match its textSha256/);
  });

  it("names the line of malformed JSON and writes none of the good lines", async () => {
    const refused = await refusedOnly(line() + "{oops\n");
    expect(refused).toHaveLength(1);
    expect(refused[0]!.ref).toBe("line 2");
    expect(refused[0]!.reason).toMatch(/not valid JSON/);
  });

  it("refuses an upload over the size limit before decoding it", async () => {
    const { manager, projectId } = await emptyProject();
    const bytes = new Uint8Array(MAX_ANNOTATION_IMPORT_BYTES + 1).fill(0xff);
    const result = await importAnnotations(manager, projectId, { format: "jsonl", files: [{ name: "big.jsonl", bytes }], layer: "as-exported", dryRun: false });
    expect(result.ok && result.report.refused).toEqual([{ ref: "big.jsonl", reason: "the file is over the 25 MB limit" }]);
  });
});

describe("who may import", () => {
  it("refuses non-members with a 404 and annotators or adjudicators with a 403", async () => {
    const { alice, judge, bob } = await people();
    const { projectId } = await emptyProject();
    const input: AnnotationImportInput = { format: "jsonl", files: [{ name: "x.jsonl", text: line() }], layer: "as-exported", dryRun: false };
    expect(await importAnnotations(bob, projectId, input)).toMatchObject({ ok: false, status: 404 });
    expect(await importAnnotations(alice, projectId, input)).toMatchObject({ ok: false, status: 403 });
    expect(await importAnnotations(judge, projectId, input)).toMatchObject({ ok: false, status: 403 });
  });
});

describe("importing W3C and brat onto documents already in the project", () => {
  // "all" is every reviewer's layer; gold is exported on its own.
  async function exported(format: "w3c" | "brat", projectId: number, layer: "gold" | "all"): Promise<Buffer> {
    const prepared = await prepareExport(await admin(), projectId, { format, layer }, "http://127.0.0.1:3000");
    if ("ok" in prepared) throw new Error(prepared.error);
    return collect(prepared.stream());
  }

  it("anchors a W3C export onto the same text in another project, matched by sha256", async () => {
    const { manager, projectId: from } = await emptyProject();
    await run(manager, from, line());
    const files = [
      { name: "gold.json", text: (await exported("w3c", from, "gold")).toString("utf8") },
      { name: "all.json", text: (await exported("w3c", from, "all")).toString("utf8") },
    ];
    const { projectId: to } = await emptyProject();
    const input = (dryRun: boolean): AnnotationImportInput => ({ format: "w3c", files, layer: "as-exported", dryRun });
    const refusedFirst = await importAnnotations(manager, to, input(false));
    expect(refusedFirst.ok && refusedFirst.report.refused[0]!.reason).toMatch(/^document not in the project/);
    expect((await importDocuments({ kind: "user", user: manager }, to, [{ text: TEXT }], {})).ok).toBe(true);
    const result = await importAnnotations(manager, to, input(false));
    expect(result.ok && result.report).toMatchObject({ refused: [], written: true, spans: { added: 8, present: 0 }, documents: { created: 0 } });
    for (const s of await liveSpans(to)) expect(sliceCodePoints(s.text, s.start, s.end)).toBe(s.exact);
    expect((await liveSpans(to)).filter((s) => s.layer === "annotator").map((s) => s.annotator)).toEqual(["alice", "alice"]);
    const again = await importAnnotations(manager, to, input(false));
    expect(again.ok && again.report.spans).toEqual({ added: 0, present: 8, reanchored: 0 });
  });

  it("reads a brat zip and puts its spans in the chosen reviewer's layer", async () => {
    const { manager, projectId } = await emptyProject();
    await run(manager, projectId, line());
    const zips = [await exported("brat", projectId, "gold"), await exported("brat", projectId, "all")];
    expect(Object.keys(unzipSync(new Uint8Array(zips[0]!))).some((n) => n.endsWith(".ann"))).toBe(true);
    const { bob } = await people();
    await addMember(projectId, bob, "annotator");
    const files = zips.map((zip, i) => ({ name: `export-${i}.zip`, bytes: new Uint8Array(zip) }));
    const result = await importAnnotations(manager, projectId, { format: "brat", files, layer: "reviewer:bob", dryRun: false });
    expect(result.ok && result.report.refused).toEqual([]);
    expect(result.ok && result.report.spans).toMatchObject({ added: 7, present: 1 });
    const bobs = (await liveSpans(projectId)).filter((s) => s.annotator === "bob");
    expect(bobs).toHaveLength(7);
    for (const s of bobs) expect(sliceCodePoints(s.text, s.start, s.end)).toBe(s.exact);
  });

  it("refuses a span whose quoted text is not in the document, naming it and the document", async () => {
    const { manager, projectId } = await emptyProject();
    await run(manager, projectId, line());
    const w3c = (await exported("w3c", projectId, "gold")).toString("utf8").replace(/"exact":"The plan is reckless\."/g, '"exact":"The plan is wise."');
    const result = await importAnnotations(manager, projectId, { format: "w3c", files: [{ name: "export.json", text: w3c }], layer: "gold", dryRun: false });
    const docId = (await first(getDb().select({ id: documents.id }).from(documents).where(eq(documents.projectId, projectId))))!.id;
    expect(result.ok && result.report.refused).toEqual([
      expect.objectContaining({ reason: `the quoted text “The plan is wise.” is not in document ${docId}` }),
    ]);
    expect(result.ok && result.report.written).toBe(false);
  });
});
