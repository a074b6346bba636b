// Loads the demo project into a new database through the same paths as everyone else: the
// articles through the import, the reviewers' spans, ratings and decisions through the
// functions the app calls, so the demo shows a filled comparison a newcomer can trust.
import { count, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { DEMO_ARTICLES, DEMO_PROJECT, DEMO_STORY } from "@/db/seed/demo";
import { DEMO_RATINGS } from "@/db/seed/demo-people";
import { DEMO_DONE, DEMO_LINKS, DEMO_SETTLED, DEMO_SPANS } from "@/db/seed/demo-spans";
import { documents, outlets, projects, users } from "@/db/schema";
import { parseProjectSettings } from "@/lib/validation/projects";
import type { Conn } from "./annotations/scope";
import { settleDemoDocument, markDemoDone } from "./demo/gold";
import { writeDemoLinks, writeDemoRatings } from "./demo/links";
import { createDemoSources, createDemoTeam } from "./demo/people";
import { writeDemoSpans } from "./demo/spans";
import { importDocuments } from "./documents";

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

function importArticles(conn: Conn, projectId: number): ImportedArticle[] {
  const ids = DEMO_ARTICLES.map((article) => {
    conn.insert(outlets).values(article.outlet).onConflictDoNothing().run();
    const result = importDocuments({ kind: "system", label: "demo" }, projectId, [{ fileName: `${article.outlet.domain}.txt`, text: article.text }], {
      title: article.title,
      outlet: article.outlet.name,
      story: DEMO_STORY,
      author: article.author,
      publishedAt: article.publishedAt,
      url: article.url,
    });
    if (!result.ok) throw new Error(`demo article refused: ${result.problems.map((p) => p.message).join("; ")}`);
    return result.documents[0]!.id;
  });
  const rows = conn
    .select({ id: documents.id, text: documents.text, storyId: documents.storyId, outletId: documents.outletId })
    .from(documents)
    .where(inArray(documents.id, ids))
    .all();
  return ids.map((id) => rows.find((r) => r.id === id)!);
}

/** The team, their sources, spans, done marks, gold layer, links and ratings. */
function annotateDemo(conn: Conn, projectId: number, articles: ImportedArticle[]): void {
  const team = createDemoTeam(conn, projectId);
  const sourceIds = createDemoSources(team.reviewers.amara, projectId);
  const spanIds = writeDemoSpans(projectId, articles, DEMO_SPANS, team.reviewers, sourceIds);
  writeDemoLinks(conn, team.adjudicator, projectId, DEMO_LINKS, spanIds);
  const documentIds = articles.map((a) => a.id);
  markDemoDone(projectId, team, documentIds, DEMO_DONE);
  for (const index of DEMO_SETTLED) settleDemoDocument(team.adjudicator, projectId, documentIds[index]!, team.reviewers.amara);
  const outletIds = new Map(DEMO_ARTICLES.map((a, i) => [a.outlet.name, articles[i]!.outletId!]));
  writeDemoRatings(team, projectId, outletIds, DEMO_RATINGS);
}

function loadDemo(content: DemoContent): boolean {
  return getDb().transaction((tx) => {
    const userCount = tx.select({ n: count() }).from(users).get()?.n ?? 0;
    const projectCount = tx.select({ n: count() }).from(projects).get()?.n ?? 0;
    if (userCount > 0 || projectCount > 0) return false;

    const project = tx
      .insert(projects)
      .values({ ...DEMO_PROJECT, settings: parseProjectSettings({}), isDemo: true })
      .returning({ id: projects.id })
      .get();
    const articles = importArticles(tx, project.id);
    if (content === "full") annotateDemo(tx, project.id, articles);
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
export function ensureDemoProject(content: DemoContent = demoContentFromEnv()): boolean {
  try {
    return loadDemo(content);
  } catch (error) {
    if (content === "texts") throw error;
    console.error(`The demo project's annotations could not be loaded (${String(error)}); loading its articles alone.`);
    return loadDemo("texts");
  }
}
