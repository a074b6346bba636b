import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { DEMO_ARTICLES } from "@/db/seed/demo";
import { DEMO_REVIEWERS, DEMO_SOURCES } from "@/db/seed/demo-people";
import { DEMO_SETTLED, DEMO_SPANS } from "@/db/seed/demo-spans";
import { annotations, claimLinks, claimLinkSpans, documents, outlets, perspectiveRatings, projectMembers, projects, sources, users } from "@/db/tables";
import { getDocumentReview } from "@/lib/server/adjudication";
import { loadComparison } from "@/lib/server/compare";
import { ensureDemoProject } from "@/lib/server/demo";
import { locatePhrase } from "@/lib/server/demo/spans";
import { listProjectsForUser } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { adminExists, createFirstAdmin, verifyCredentials } from "@/lib/server/users";
import { normalizeText, sliceCodePoints } from "@/lib/text";
import { PASSWORD } from "./helpers";
import { first } from "@/db/rows";

let projectId = 0;
let docIds: number[] = [];

beforeAll(async () => {
  expect(await ensureDemoProject()).toBe(true);
  projectId = (await first(getDb().select().from(projects).where(eq(projects.isDemo, true))))!.id;
  const rows = await getDb().select().from(documents).where(eq(documents.projectId, projectId));
  // In article order, matched by text: ids are not assumed.
  docIds = DEMO_ARTICLES.map((a) => rows.find((d) => d.text === normalizeText(a.text))!.id);
});

/** The admin created by the setup test below (tests after it run as this admin). */
async function firstAdmin(): Promise<SessionUser> {
  const row = (await first(getDb().select().from(users).where(eq(users.username, "admin"))))!;
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

const reviewerRows = async () =>
  await getDb()
    .select()
    .from(users)
    .where(inArray(users.username, [DEMO_REVIEWERS.amara.username, DEMO_REVIEWERS.jonas.username]));

describe("the demo project", () => {
  it("loads three articles by three outlets on one story into a new database, once", async () => {
    const docs = await getDb().select().from(documents).where(eq(documents.projectId, projectId));
    expect(docs).toHaveLength(3);
    expect(new Set(docs.map((d) => d.outletId)).size).toBe(3);
    expect(new Set(docs.map((d) => d.storyId)).size).toBe(1);
    expect(docs.map((d) => d.text).sort()).toEqual(DEMO_ARTICLES.map((a) => normalizeText(a.text)).sort());
    const kinds = (await getDb().select({ kind: outlets.kind }).from(outlets)).map((o) => o.kind).sort();
    expect(kinds).toEqual(["blog", "newspaper", "wire"]);

    const spansBefore = (await first(getDb().select({ n: count() }).from(annotations)))!.n;
    expect(await ensureDemoProject()).toBe(false);
    expect((await first(getDb().select({ n: count() }).from(projects)))!.n).toBe(1);
    expect((await first(getDb().select({ n: count() }).from(annotations)))!.n).toBe(spansBefore);
  });

  it("has two fictional reviewers who annotated every article and cannot sign in", async () => {
    const reviewers = await reviewerRows();
    expect(reviewers).toHaveLength(2);
    for (const r of reviewers) {
      expect(r.role).toBe("member");
      expect(r.disabledAt).not.toBeNull();
      expect((await verifyCredentials(r.username, PASSWORD)).status).toBe("invalid");
      expect((await verifyCredentials(r.username, "")).status).toBe("invalid");
      const member = await first(
        getDb()
          .select()
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, r.id))),
      );
      expect(member?.role).toBe("annotator");
      const annotated = await getDb()
        .selectDistinct({ documentId: annotations.documentId })
        .from(annotations)
        .where(and(eq(annotations.annotatorId, r.id), eq(annotations.layer, "annotator")));
      expect(annotated.map((a) => a.documentId).sort()).toEqual([...docIds].sort());
    }
  });

  it("fills every kind and attribute the comparison reads, with speakers from the sources registry", async () => {
    const spans = await getDb().select().from(annotations).where(inArray(annotations.documentId, docIds));
    expect(new Set(spans.map((s) => s.kind))).toEqual(new Set(["claim", "opinion", "quote"]));
    const attrs = spans.map((s) => s.attributes as Record<string, unknown>);
    expect(attrs.some((a) => a.certainty === "certain") && attrs.some((a) => a.certainty === "underspecified")).toBe(true);
    expect(new Set(attrs.map((a) => a.holder).filter(Boolean))).toEqual(new Set(["author"]));
    expect(new Set(attrs.map((a) => a.bias).filter(Boolean))).toEqual(new Set(["lexical", "informational", "none"]));
    expect(new Set(attrs.map((a) => a.mode).filter(Boolean))).toEqual(new Set(["direct", "indirect", "mixed"]));
    expect(attrs.some((a) => typeof a.sentiment === "number" && a.sentiment < 0) && attrs.some((a) => typeof a.sentiment === "number" && a.sentiment > 0)).toBe(
      true,
    );

    const registry = await getDb().select().from(sources).where(eq(sources.projectId, projectId));
    expect(registry.map((s) => s.name).sort()).toEqual(DEMO_SOURCES.map((s) => s.name).sort());
    const nameOf = new Map(registry.map((s) => [s.id, s.name]));
    const quoted = (name: string) => attrs.filter((a) => nameOf.get(a.source_id as number) === name).map((a) => a.speaker_type);
    for (const name of ["Ilse Brandt", "Tomas Reyes", "Lena Vos", "Marisol Chen"]) expect(quoted(name)).toContain("named_person");
    expect(quoted("Calder Ratepayers Association")).toEqual(expect.arrayContaining(["unnamed_person", "named_org"]));
    expect(quoted("State environment agency")).toContain("unnamed_person");
  });

  it("stores every span at offsets whose text is its exact, counted in code points", async () => {
    const texts = new Map((await getDb().select({ id: documents.id, text: documents.text }).from(documents)).map((d) => [d.id, d.text]));
    const spans = await getDb().select().from(annotations).where(inArray(annotations.documentId, docIds));
    expect(spans.length).toBeGreaterThan(DEMO_SPANS.length);
    for (const s of spans) expect(sliceCodePoints(texts.get(s.documentId)!, s.start, s.end)).toBe(s.exact);
    // Every planned phrase is where the plan says, and its offsets are code points, not UTF-16 units.
    for (const plan of DEMO_SPANS) {
      const text = texts.get(docIds[plan.article]!)!;
      const { start } = locatePhrase(text, plan.phrase);
      expect(spans.some((s) => s.documentId === docIds[plan.article] && s.start === start && s.exact === plan.phrase)).toBe(true);
    }
    expect(locatePhrase("🌊 Port Calder", "Calder")).toEqual({ start: 7, end: 13 });
    expect(() => locatePhrase("a levy, a levy", "a levy")).toThrow(/twice/);
    expect(() => locatePhrase("a levy", "a tax")).toThrow(/not in its article/);
  });

  it("keeps setup open after the demo loads, since its accounts are not administrators, and shows the first admin the demo", async () => {
    expect(await adminExists()).toBe(false);
    const taken = await createFirstAdmin({ username: DEMO_REVIEWERS.amara.username, displayName: "Amara", password: PASSWORD });
    expect(taken).toEqual({ ok: false, error: `The username “${DEMO_REVIEWERS.amara.username}” is taken.` });
    expect(await adminExists()).toBe(false);
    const created = await createFirstAdmin({ username: "admin", displayName: "Admin", password: PASSWORD });
    expect(created.ok).toBe(true);
    expect(await adminExists()).toBe(true);
    expect((await listProjectsForUser(await firstAdmin())).map((p) => p.id)).toContain(projectId);
    const again = await createFirstAdmin({ username: "second", displayName: "Second", password: PASSWORD });
    expect(again).toEqual({ ok: false, error: "Setup is already done. Sign in instead." });
  });

  it("settles the gold layer on the articles meant, through the real adjudication", async () => {
    for (const [index, id] of docIds.entries()) {
      const review = await getDocumentReview(await firstAdmin(), projectId, id);
      if ("ok" in review) throw new Error(`the admin cannot review the demo: ${review.error}`);
      expect(review.isGold).toBe(DEMO_SETTLED.includes(index));
    }
    const gold = await getDb()
      .select()
      .from(annotations)
      .where(and(inArray(annotations.documentId, docIds), eq(annotations.layer, "gold"), isNull(annotations.deletedAt)));
    expect(new Set(gold.map((g) => g.documentId))).toEqual(new Set(DEMO_SETTLED.map((i) => docIds[i])));
  });

  it("links claims across all three outlets, in the demo story", async () => {
    const links = await getDb().select().from(claimLinks).where(eq(claimLinks.projectId, projectId));
    expect(links.length).toBeGreaterThanOrEqual(3);
    const storyId = (await first(getDb().select({ storyId: documents.storyId }).from(documents).where(eq(documents.id, docIds[0]!))))!.storyId;
    const outletsPerLink: number[] = [];
    for (const link of links) {
      expect(link.storyId).toBe(storyId);
      const rows = await getDb()
        .selectDistinct({ outletId: documents.outletId })
        .from(claimLinkSpans)
        .innerJoin(annotations, eq(annotations.id, claimLinkSpans.annotationId))
        .innerJoin(documents, eq(documents.id, annotations.documentId))
        .where(eq(claimLinkSpans.linkId, link.id));
      outletsPerLink.push(rows.length);
    }
    expect(outletsPerLink.every((n) => n >= 2)).toBe(true);
    expect(outletsPerLink.filter((n) => n === 3).length).toBeGreaterThanOrEqual(2);
  });

  it("has both reviewers' perspective ratings of every outlet on each of the project's axes", async () => {
    const ratings = await getDb()
      .select()
      .from(perspectiveRatings)
      .where(and(eq(perspectiveRatings.projectId, projectId), eq(perspectiveRatings.isGold, false)));
    const reviewerIds = (await reviewerRows()).map((r) => r.id);
    const outletIds = new Set(
      (await getDb().select({ outletId: documents.outletId }).from(documents).where(eq(documents.projectId, projectId))).map((d) => d.outletId),
    );
    for (const raterId of reviewerIds) {
      for (const outletId of outletIds) {
        const axes = ratings
          .filter((r) => r.raterId === raterId && r.outletId === outletId)
          .map((r) => r.axis)
          .sort();
        expect(axes).toEqual(["left_right", "reliability", "stance"]);
      }
    }
  });

  it("shows the first admin a filled comparison of the demo story: gold where settled, pooled elsewhere", async () => {
    const storyId = (await first(getDb().select({ storyId: documents.storyId }).from(documents).where(eq(documents.id, docIds[0]!))))!.storyId!;
    const result = await loadComparison(await firstAdmin(), projectId, storyId, { reviewerId: null });
    if (!result.ok) throw new Error(result.error);
    const { input, comparison } = result.view;
    const layerOf = (index: number) => input.documents.find((d) => d.id === docIds[index])!.layer.kind;
    expect(DEMO_ARTICLES.map((_, i) => layerOf(i))).toEqual(DEMO_ARTICLES.map((_, i) => (DEMO_SETTLED.includes(i) ? "gold" : "pooled")));
    expect(comparison.outlets).toHaveLength(3);
    for (const outlet of comparison.outlets) {
      expect(outlet.figures.counts.claim + outlet.figures.counts.opinion + outlet.figures.counts.quote).toBeGreaterThan(5);
      expect(outlet.team.find((a) => a.axis === "left_right")?.n).toBe(2);
    }
    const brandt = comparison.speakers.find((s) => s.name === "Ilse Brandt")!;
    expect(brandt.cells.filter((c) => c.count > 0).length).toBe(2);
    expect(comparison.timelines.filter((t) => t.outlets === 3).length).toBeGreaterThanOrEqual(2);
    const nineDollars = comparison.timelines.find((t) => t.label === "A $9 a month levy")!;
    expect(nineDollars.entries[0]!.outletName).toBe("Coastal Wire Service");
  });
});
