// Loads the demo project into a new database through the same paths as everyone else: the
// articles through the import, the reviewers' spans, ratings and decisions through the
// functions the app calls, so the demo shows a filled comparison a newcomer can trust.
import { count, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { DEMO_ARTICLES, DEMO_PROJECT, DEMO_STORY } from "@/db/seed/demo";
import { DEMO_RATINGS } from "@/db/seed/demo-people";
import { DEMO_DONE, DEMO_LINKS, DEMO_SETTLED, DEMO_SPANS } from "@/db/seed/demo-spans";
import { documents, outlets, projects, users } from "@/db/tables";
import { parseProjectSettings } from "@/lib/validation/projects";
import type { Conn } from "./annotations/scope";
import { settleDemoDocument, markDemoDone } from "./demo/gold";
import { writeDemoLinks, writeDemoRatings } from "./demo/links";
import { createDemoSources, createDemoTeam } from "./demo/people";
import { writeDemoSpans } from "./demo/spans";
import { importDocuments } from "./documents";
import { lockSetup } from "./locks";
import { first, one } from "@/db/rows";

/**
 * "full": the articles with the demo team's annotations, links, ratings and gold layer.
 * "texts": the articles alone (PROVENANCE_DEMO=texts), for tests that annotate them from scratch.
 */
export type DemoContent = "full" | "texts";

export function demoContentFromEnv(): DemoContent {
  return process.env.PROVENANCE_DEMO === "texts" ? "texts" : "full";
}

interface ImportedArticle {
  id: number;
  text: string;
  storyId: number | null;
  outletId: number | null;
}

async function importArticles(conn: Conn, projectId: number): Promise<ImportedArticle[]> {
  const ids: number[] = [];
  for (const article of DEMO_ARTICLES) {
    await conn.insert(outlets).values(article.outlet).onConflictDoNothing();
    const result = await importDocuments({ kind: "system", label: "demo" }, projectId, [{ fileName: `${article.outlet.domain}.txt`, text: article.text }], {
      title: article.title,
      outlet: article.outlet.name,
      story: DEMO_STORY,
      author: article.author,
      publishedAt: article.publishedAt,
      url: article.url,
    });
    if (!result.ok) throw new Error(`demo article refused: ${result.problems.map((p) => p.message).join("; ")}`);
    ids.push(result.documents[0]!.id);
  }
  const rows = await conn
    .select({ id: documents.id, text: documents.text, storyId: documents.storyId, outletId: documents.outletId })
    .from(documents)
    .where(inArray(documents.id, ids));
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** The team, their sources, spans, done marks, gold layer, links and ratings. */
async function annotateDemo(conn: Conn, projectId: number, articles: ImportedArticle[]): Promise<void> {
  const team = await createDemoTeam(conn, projectId);
  const sourceIds = await createDemoSources(team.reviewers.amara, projectId);
  const spanIds = await writeDemoSpans(projectId, articles, DEMO_SPANS, team.reviewers, sourceIds);
  await writeDemoLinks(conn, team.adjudicator, projectId, DEMO_LINKS, spanIds);
  const documentIds = articles.map((a) => a.id);
  await markDemoDone(projectId, team, documentIds, DEMO_DONE);
  for (const index of DEMO_SETTLED) await settleDemoDocument(team.adjudicator, projectId, documentIds[index]!, team.reviewers.amara);
  const outletIds = new Map(DEMO_ARTICLES.map((a, i) => [a.outlet.name, articles[i]!.outletId!]));
  await writeDemoRatings(team, projectId, outletIds, DEMO_RATINGS);
}

async function loadDemo(content: DemoContent): Promise<boolean> {
  return await getDb().transaction(async (tx) => {
    // Instances starting together on a new database: one loads the demo, the others find it there.
    await lockSetup(tx);
    const userCount = (await first(tx.select({ n: count() }).from(users)))?.n ?? 0;
    const projectCount = (await first(tx.select({ n: count() }).from(projects)))?.n ?? 0;
    if (userCount > 0 || projectCount > 0) return false;

    const project = await one(
      tx
        .insert(projects)
        .values({ ...DEMO_PROJECT, settings: parseProjectSettings({}), isDemo: true })
        .returning({ id: projects.id }),
    );
    const articles = await importArticles(tx, project.id);
    if (content === "full") await annotateDemo(tx, project.id, articles);
    return true;
  });
}

/**
 * Creates the demo project when the database is new (no users, no projects), in one
 * transaction: if any step is refused, nothing of it is left behind. A refused annotation
 * step (a bug the demo tests catch) falls back to the articles alone rather than stopping
 * the server from starting. Once anyone has used the app the demo is never recreated, so
 * deleting it sticks. Returns whether it loaded.
 */
export async function ensureDemoProject(content: DemoContent = demoContentFromEnv()): Promise<boolean> {
  try {
    return await loadDemo(content);
  } catch (error) {
    if (content === "texts") throw error;
    console.error(`The demo project's annotations could not be loaded (${String(error)}); loading its articles alone.`);
    return await loadDemo("texts");
  }
}
