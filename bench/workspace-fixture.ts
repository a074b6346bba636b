// 30,000-word articles with thousands of spans, built through the app's own import and span code.
import { getDb } from "@/db";
import { createFirstAdmin } from "@/lib/server/users";
import { createProject } from "@/lib/server/projects";
import { importDocuments } from "@/lib/server/documents";
import { createAnnotation } from "@/lib/server/annotations";
import { createSession, generateSessionToken, type SessionUser } from "@/lib/server/session";
import { toCodePoints, wordAtOrAfter } from "@/lib/text/snap";

const WORDS = (
  "the council voted on thursday to add a monthly levy to household water bills officials said according to " +
  "figures presented by the finance office critics warned renters would pay most while supporters called it overdue " +
  "a spokesperson told reporters the plan was studied for years and 👍🏽 residents quoted “قال الوزير” in the debate"
).split(" ");

export function syntheticArticle(wordCount: number): string {
  const paragraphs: string[] = [];
  let words: string[] = [];
  for (let i = 0; i < wordCount; i++) {
    words.push(WORDS[(i * 7 + (i >> 5)) % WORDS.length]!);
    if (words.length === 60) {
      paragraphs.push(`${words.join(" ")}.`);
      words = [];
    }
  }
  if (words.length) paragraphs.push(`${words.join(" ")}.`);
  return paragraphs.join("\n\n");
}

export interface Fixture {
  projectId: number;
  documentId: number;
  token: string;
  user: SessionUser;
}

/** A project of its own (an article's text may be in a project once) with one article and `spanCount` spans. */
export async function addDocument(user: SessionUser, wordCount: number, spanCount: number): Promise<{ projectId: number; documentId: number }> {
  const project = await createProject(user, { name: `Benchmark, ${spanCount} spans`, description: "" });
  if (!project.ok) throw new Error(project.error);
  const projectId = project.projectId;
  const text = syntheticArticle(wordCount);
  const imported = await importDocuments({ kind: "user", user }, projectId, [{ text }], { title: `Long article, ${spanCount} spans` });
  if (!imported.ok) throw new Error(imported.problems[0]!.message);
  const documentId = imported.documents[0]!.id;
  const chars = toCodePoints(text);
  // One transaction around all of them: thousands of commits would each wait for the disk.
  await getDb().transaction(() => seedSpans(user, projectId, documentId, chars, spanCount));
  return { projectId, documentId };
}

async function seedSpans(user: SessionUser, projectId: number, documentId: number, chars: string[], spanCount: number): Promise<void> {
  const kinds = ["claim", "opinion", "quote"] as const;
  const step = Math.floor(chars.length / spanCount);
  for (let i = 0; i < spanCount; i++) {
    const first = wordAtOrAfter(chars, i * step)!;
    const second = wordAtOrAfter(chars, first.end) ?? first;
    const span = { start: first.start, end: second.end };
    const result = await createAnnotation(user, projectId, documentId, {
      kind: kinds[i % 3]!,
      start: span.start,
      end: span.end,
      exact: chars.slice(span.start, span.end).join(""),
    });
    if (!result.ok) throw new Error(result.error);
  }
}

/** The first admin (who may open every project) and a session for the browser. */
export async function benchUser(): Promise<{ user: SessionUser; token: string }> {
  const admin = await createFirstAdmin({ username: "bench", displayName: "Bench", password: "bench password 123" });
  if (!admin.ok) throw new Error(admin.error);
  const user: SessionUser = { id: admin.userId, username: "bench", displayName: "Bench", role: "admin" };
  const token = generateSessionToken();
  await createSession(token, user.id);
  return { user, token };
}

export async function buildFixture(wordCount: number, spanCount: number): Promise<Fixture> {
  const { user, token } = await benchUser();
  return { ...(await addDocument(user, wordCount, spanCount)), user, token };
}
