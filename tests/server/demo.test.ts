import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { DEMO_ARTICLES } from "@/db/seed/demo";
import { documents, outlets, projects } from "@/db/schema";
import { ensureDemoProject } from "@/lib/server/demo";
import { normalizeText } from "@/lib/text";

describe("the demo project", () => {
  it("loads three articles by three outlets on one story into a new database, once", () => {
    expect(ensureDemoProject()).toBe(true);
    const demo = getDb().select().from(projects).where(eq(projects.isDemo, true)).get()!;
    const docs = getDb().select().from(documents).where(eq(documents.projectId, demo.id)).all();
    expect(docs).toHaveLength(3);
    expect(new Set(docs.map((d) => d.outletId)).size).toBe(3);
    expect(new Set(docs.map((d) => d.storyId)).size).toBe(1);
    expect(docs.map((d) => d.text).sort()).toEqual(DEMO_ARTICLES.map((a) => normalizeText(a.text)).sort());
    const kinds = getDb().select({ kind: outlets.kind }).from(outlets).all().map((o) => o.kind).sort();
    expect(kinds).toEqual(["blog", "newspaper", "wire"]);

    expect(ensureDemoProject()).toBe(false);
    expect(getDb().select({ n: count() }).from(projects).get()!.n).toBe(1);
  });
});
