// The export reader and its plan on a real migrated database (SQLite or PostgreSQL): who may export, which documents a
// scope takes, which spans each layer choice takes, gold-only, kinds, speakers, and that the
// totals announced before the stream match what the stream then holds.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { sources } from "@/db/tables";
import { acceptAllUnanimous } from "@/lib/server/adjudication";
import { markDocumentDone } from "@/lib/server/assignments";
import { prepareExport } from "@/lib/server/export";
import { planExport } from "@/lib/server/export/authorize";
import { exportChoices } from "@/lib/server/export/choices";
import { readExportDocuments } from "@/lib/server/export/reader";
import { createSource } from "@/lib/server/sources";
import type { SessionUser } from "@/lib/server/session";
import type { ExportDocument } from "@/lib/export/types";
import { addDocument, markText } from "./adjudication-helpers";
import { addMember, admin, project, reviewer } from "./helpers";

const A = "Mayor Rana Haddad said the levy is fair. 😀 The river will pay, critics said. The plan is reckless.";
const B = "Officials told reporters the dam is safe. Nobody believed them.";
const C = "A third article about the levy, with nothing tagged yet.";

let manager: SessionUser;
let ana: SessionUser;
let bo: SessionUser;
let judge: SessionUser;
let outsider: SessionUser;
let projectId: number;
let docA: number;
let docB: number;
let docC: number;
let speakerId: number;

async function readAll(user: SessionUser, query: Record<string, string>): Promise<ExportDocument[]> {
  const planned = await planExport(user, projectId, query);
  if ("ok" in planned) throw new Error(planned.error);
  const out: ExportDocument[] = [];
  for await (const doc of readExportDocuments(planned.plan)) out.push(doc);
  return out;
}

const spansOf = (docs: ExportDocument[]) => docs.flatMap((d) => d.spans.map((s) => `${d.id}:${s.layer}:${s.kind}:${s.exact}`));

beforeAll(async () => {
  manager = await admin();
  [ana, bo, judge, outsider] = [await reviewer("ana"), await reviewer("bo"), await reviewer("judge"), await reviewer("outsider")];
  projectId = await project("Export reader");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  await addMember(projectId, judge, "adjudicator");
  docA = await addDocument(projectId, A, "Calder Courier");
  docB = await addDocument(projectId, B, "Wire Service");
  docC = await addDocument(projectId, C, "Calder Courier");
  const source = await createSource(ana, projectId, { name: "Rana Haddad", kind: "person" });
  if (!source.ok) throw new Error(source.error);
  speakerId = source.source.id;
  // Aliases cannot be set from the app yet; the export must still carry them.
  await getDb()
    .update(sources)
    .set({ aliases: ["Mayor Haddad"] })
    .where(eq(sources.id, speakerId));
  // Document A: both reviewers agree on one quote; both done; all accepted → gold settled.
  for (const who of [ana, bo]) {
    await markText(who, projectId, docA, A, "quote", "the levy is fair", { source_id: speakerId, speaker_type: "named_person", cue: "said" });
    await markDocumentDone(who, projectId, docA);
  }
  const accepted = await acceptAllUnanimous(judge, projectId, docA, { reason: "unanimous" });
  if (!accepted.ok) throw new Error(accepted.error);
  // Document B: reviewers differ, nothing decided → not settled.
  await markText(ana, projectId, docB, B, "claim", "the dam is safe");
  await markText(bo, projectId, docB, B, "opinion", "Nobody believed them.");
});

describe("who may export", () => {
  it("refuses a non-member with a 404 that says nothing of the project", async () => {
    const result = await prepareExport(outsider, projectId, { format: "jsonl" }, "http://x");
    expect(result).toMatchObject({ ok: false, status: 404 });
  });

  it("refuses an annotator with a 403", async () => {
    expect(await prepareExport(ana, projectId, { format: "jsonl" }, "http://x")).toMatchObject({ ok: false, status: 403 });
  });

  it("lets managers and adjudicators export", async () => {
    for (const user of [manager, judge]) expect("ok" in (await prepareExport(user, projectId, { format: "jsonl" }, "http://x"))).toBe(false);
  });
});

describe("bad choices", () => {
  it("names the formats when the format is unknown", async () => {
    const result = await prepareExport(manager, projectId, { format: "xlsx" }, "http://x");
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect((result as { error: string }).error).toMatch(/xlsx.*jsonl, csv, w3c, brat, conll, uima-xmi/);
  });

  it("names the layers when the layer is unknown", async () => {
    const result = await prepareExport(manager, projectId, { format: "jsonl", layer: "best" }, "http://x");
    expect((result as { error: string }).error).toMatch(/best.*gold, all, gold-else-all, reviewer:<username>/);
  });

  it("refuses a reviewer who is not a member, and a story of another project", async () => {
    expect(await prepareExport(manager, projectId, { format: "jsonl", layer: "reviewer:outsider" }, "http://x")).toMatchObject({ status: 400 });
    expect(await prepareExport(manager, projectId, { format: "jsonl", story: "999" }, "http://x")).toMatchObject({ status: 400 });
  });

  it("refuses an unknown kind", async () => {
    expect(await prepareExport(manager, projectId, { format: "csv", kinds: "claim,rumour" }, "http://x")).toMatchObject({ status: 400 });
  });
});

describe("layers", () => {
  it("gold takes only the gold layer", async () => {
    expect(spansOf(await readAll(manager, { format: "jsonl", layer: "gold" }))).toEqual([`${docA}:gold:quote:the levy is fair`]);
  });

  it("all takes every reviewer as their own layer and no gold", async () => {
    expect(spansOf(await readAll(manager, { format: "jsonl", layer: "all" })).sort()).toEqual(
      [
        `${docA}:reviewer:ana:quote:the levy is fair`,
        `${docA}:reviewer:bo:quote:the levy is fair`,
        `${docB}:reviewer:ana:claim:the dam is safe`,
        `${docB}:reviewer:bo:opinion:Nobody believed them.`,
      ].sort(),
    );
  });

  it("gold-else-all takes gold where settled and the reviewers elsewhere", async () => {
    const docs = await readAll(manager, { format: "jsonl", layer: "gold-else-all" });
    expect(docs.map((d) => [d.id, d.goldSettled, d.layers.map((l) => l.name)])).toEqual([
      [docA, true, ["gold"]],
      [docB, false, ["reviewer:ana", "reviewer:bo"]],
      [docC, false, []],
    ]);
  });

  it("reviewer:NAME takes that reviewer's spans only, with their assignment status", async () => {
    const docs = await readAll(manager, { format: "jsonl", layer: "reviewer:bo" });
    expect(spansOf(docs)).toEqual([`${docA}:reviewer:bo:quote:the levy is fair`, `${docB}:reviewer:bo:opinion:Nobody believed them.`]);
    expect(docs[0]!.layers).toEqual([{ name: "reviewer:bo", reviewer: { username: "bo", displayName: "bo" }, status: "submitted" }]);
  });
});

describe("scope and content", () => {
  it("scopes by outlet, by a document list and to settled gold", async () => {
    const courier = (await readAll(manager, { format: "jsonl" })).find((d) => d.id === docA)!.outlet!.id;
    expect((await readAll(manager, { format: "jsonl", outlet: String(courier) })).map((d) => d.id)).toEqual([docA, docC]);
    expect((await readAll(manager, { format: "jsonl", documents: `${docC},${docB}` })).map((d) => d.id)).toEqual([docB, docC]);
    expect((await readAll(manager, { format: "jsonl", goldOnly: "1" })).map((d) => d.id)).toEqual([docA]);
  });

  it("filters kinds", async () => {
    expect(spansOf(await readAll(manager, { format: "jsonl", layer: "all", kinds: "opinion" }))).toEqual([`${docB}:reviewer:bo:opinion:Nobody believed them.`]);
  });

  it("resolves a quote's speaker to the registry and carries the decision that made gold", async () => {
    const [a] = await readAll(manager, { format: "jsonl", layer: "gold" });
    expect(a!.sources).toEqual([{ id: speakerId, name: "Rana Haddad", kind: "person", affiliation: null, description: "", aliases: ["Mayor Haddad"] }]);
    expect(a!.spans[0]!.attributes).toMatchObject({ source_id: speakerId });
    expect(a!.decisions).toHaveLength(1);
    expect(a!.decisions[0]).toMatchObject({ decision: "accepted", goldAnnotationId: a!.spans[0]!.id, adjudicator: { username: "judge" } });
    expect(a!.text).toBe(A);
    expect(a!.charCount).toBe([...A].length);
  });

  it("announces the same totals the stream then holds", async () => {
    for (const layer of ["gold", "all", "gold-else-all", "reviewer:ana"]) {
      for (const goldOnly of ["0", "1"]) {
        const query = { format: "jsonl", layer, goldOnly };
        const planned = await planExport(manager, projectId, query);
        if ("ok" in planned) throw new Error(planned.error);
        const docs = await readAll(manager, query);
        const summary = await planned.summary();
        expect(summary.documentCount, `${layer} ${goldOnly}`).toBe(docs.length);
        expect(summary.spanCount, `${layer} ${goldOnly}`).toBe(docs.reduce((n, d) => n + d.spans.length, 0));
      }
    }
  });
});

describe("the Export page's choices", () => {
  it("lists the outlets with their documents, the reviewers who have spans, and the document count", async () => {
    const choices = await exportChoices(judge, projectId);
    if ("ok" in choices) throw new Error(choices.error);
    expect(choices.outlets.map((o) => [o.name, o.documents])).toEqual([
      ["Calder Courier", 2],
      ["Wire Service", 1],
    ]);
    expect(choices.reviewers).toEqual([
      { username: "ana", displayName: "ana" },
      { username: "bo", displayName: "bo" },
    ]);
    expect(choices).toMatchObject({ project: { id: projectId }, stories: [], documents: 3 });
    expect(await exportChoices(ana, projectId)).toMatchObject({ ok: false, status: 403 });
  });
});
