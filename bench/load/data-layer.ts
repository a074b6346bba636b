// What each route's lib/server calls cost on their own, in this process (bench/load/db-child.ts),
// on the database a phase left behind (with every span its reviewers made): the session check
// plus the reads and writes the page or handler makes, with no Next.js, React or HTTP around
// them. Set beside the server's CPU per request, it says how much of a request is the data
// layer. On SQLite that is CPU of the one thread; on PostgreSQL it is wall time, round trips
// and the database server's own work included.
import { closeDb, getDb } from "@/db";
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from "@/lib/server/annotations";
import { documentStatusFor } from "@/lib/server/assignments";
import { listOutlets, listStories } from "@/lib/server/catalog";
import { getDocumentForMember, listDocumentsForMember } from "@/lib/server/document-reads";
import { getProjectForMember } from "@/lib/server/projects";
import { createSession, generateSessionToken, validateSessionToken, type SessionUser } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users";
import { median } from "../machine";
import type { LoadDocument } from "./reviewer";
import { reviewerName } from "./seed";
import type { RouteKey } from "./stats";

const ROUNDS = 200;

async function timeEach(run: (i: number) => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await run(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Median ms per call of each route's data-layer work, on this process's database (closed after). */
export async function measureDataLayer(projectId: number, doc: LoadDocument): Promise<Partial<Record<RouteKey, number>>> {
  getDb();
  try {
    const row = (await listUsers()).find((u) => u.username === reviewerName(0))!;
    const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
    const token = generateSessionToken();
    await createSession(token, user.id);
    const span = (i: number) => {
      const [start, end] = [doc.words[i % doc.words.length]![0], doc.words[i % doc.words.length]![1]];
      return { kind: "claim" as const, start, end, exact: doc.chars.slice(start, end).join(""), attributes: { certainty: "probable" } };
    };
    const created: { id: number; version: number }[] = [];
    return {
      list: await timeEach(async () => {
        await validateSessionToken(token);
        await getProjectForMember(user, projectId);
        await listDocumentsForMember(user, projectId, { sort: "date_desc" });
        await listOutlets();
        await listStories(projectId);
      }),
      page: await timeEach(async () => {
        await validateSessionToken(token);
        await getDocumentForMember(user, projectId, doc.id);
        await getProjectForMember(user, projectId);
        await listAnnotations(user, projectId, doc.id);
        await documentStatusFor(user, projectId, doc.id);
      }),
      spans: await timeEach(async () => {
        await validateSessionToken(token);
        await listAnnotations(user, projectId, doc.id);
      }),
      create: await timeEach(async (i) => {
        await validateSessionToken(token);
        const result = await createAnnotation(user, projectId, doc.id, span(i));
        if (result.ok) created.push({ id: result.annotation.id, version: result.annotation.version });
      }),
      edit: await timeEach(async (i) => {
        await validateSessionToken(token);
        const target = created[i % created.length]!;
        const result = await updateAnnotation(user, projectId, doc.id, target.id, { version: target.version, note: `timed ${i}` });
        if (result.ok) target.version = result.annotation.version;
      }),
      remove: await timeEach(async (i) => {
        await validateSessionToken(token);
        const target = created[i % created.length]!;
        await deleteAnnotation(user, projectId, doc.id, target.id, target.version);
      }),
    };
  } finally {
    await closeDb();
  }
}
