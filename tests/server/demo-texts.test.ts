import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { DEMO_ARTICLES } from "@/db/seed/demo";
import { annotations, claimLinks, documents, projects, users } from "@/db/tables";
import { demoContentFromEnv, ensureDemoProject } from "@/lib/server/demo";
import { first } from "@/db/rows";

describe("the demo project with PROVENANCE_DEMO=texts", () => {
  it("loads the articles alone, for tests that annotate them from scratch", async () => {
    const before = process.env.PROVENANCE_DEMO;
    process.env.PROVENANCE_DEMO = "texts";
    try {
      expect(demoContentFromEnv()).toBe("texts");
      expect(await ensureDemoProject()).toBe(true);
    } finally {
      process.env.PROVENANCE_DEMO = before;
    }
    const demo = (await first(getDb().select().from(projects).where(eq(projects.isDemo, true))))!;
    expect((await first(getDb().select({ n: count() }).from(documents).where(eq(documents.projectId, demo.id))))!.n).toBe(DEMO_ARTICLES.length);
    expect((await first(getDb().select({ n: count() }).from(annotations)))!.n).toBe(0);
    expect((await first(getDb().select({ n: count() }).from(claimLinks)))!.n).toBe(0);
    expect((await first(getDb().select({ n: count() }).from(users)))!.n).toBe(0);
  });
});
