// Loads the demo project into a new database through the same import path as everyone else.
import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { DEMO_ARTICLES, DEMO_PROJECT, DEMO_STORY } from "@/db/seed/demo";
import { outlets, projects, users } from "@/db/schema";
import { parseProjectSettings } from "@/lib/validation/projects";
import { importDocuments } from "./documents";

/**
 * Creates the demo project when the database is new (no users, no projects). Once anyone
 * has used the app it is never recreated, so deleting it sticks. Returns whether it loaded.
 */
export function ensureDemoProject(): boolean {
  const db = getDb();
  return db.transaction((tx) => {
    const userCount = tx.select({ n: count() }).from(users).get()?.n ?? 0;
    const projectCount = tx.select({ n: count() }).from(projects).get()?.n ?? 0;
    if (userCount > 0 || projectCount > 0) return false;

    const project = tx
      .insert(projects)
      .values({ ...DEMO_PROJECT, settings: parseProjectSettings({}), isDemo: true })
      .returning({ id: projects.id })
      .get();
    for (const article of DEMO_ARTICLES) {
      tx.insert(outlets).values(article.outlet).onConflictDoNothing().run();
      const result = importDocuments(
        { kind: "system", label: "demo" },
        project.id,
        [{ fileName: `${article.outlet.domain}.txt`, text: article.text }],
        {
          title: article.title,
          outlet: article.outlet.name,
          story: DEMO_STORY,
          author: article.author,
          publishedAt: article.publishedAt,
          url: article.url,
        },
      );
      if (!result.ok) throw new Error(`demo article refused: ${result.problems.map((p) => p.message).join("; ")}`);
    }
    return true;
  });
}
