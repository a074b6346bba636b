import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { DEMO_ARTICLES } from "@/db/seed/demo";
import { annotations, claimLinks, documents, projects, users } from "@/db/schema";
import { demoContentFromEnv, ensureDemoProject } from "@/lib/server/demo";

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
    const demo = (await getDb().select().from(projects).where(eq(projects.isDemo, true)).get())!;
    expect((await getDb().select({ n: count() }).from(documents).where(eq(documents.projectId, demo.id)).get())!.n).toBe(DEMO_ARTICLES.length);
    expect((await getDb().select({ n: count() }).from(annotations).get())!.n).toBe(0);
    expect((await getDb().select({ n: count() }).from(claimLinks).get())!.n).toBe(0);
    expect((await getDb().select({ n: count() }).from(users).get())!.n).toBe(0);
  });
});
