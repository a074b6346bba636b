// What each route's lib/server calls cost on their own, in this process, on the database a
// phase left behind (with every span its reviewers made): the session check plus the reads
// and writes the page or handler makes, with no Next.js, React or HTTP around them. Set beside
// the server's CPU per request, it says how much of a request is SQLite and the data layer.
import { closeDb, getDb } from "@/db";
import { createAnnotation, deleteAnnotation, listAnnotations, updateAnnotation } from "@/lib/server/annotations";
import { documentStatusFor } from "@/lib/server/assignments";
import { listOutlets, listStories } from "@/lib/server/catalog";
import { getDocumentForMember, listDocumentsForMember } from "@/lib/server/documents";
import { getProjectForMember } from "@/lib/server/projects";
import { createSession, generateSessionToken, validateSessionToken, type SessionUser } from "@/lib/server/session";
import { listUsers } from "@/lib/server/users";
import { median } from "../machine";
import type { LoadDocument } from "./reviewer";
import { reviewerName } from "./seed";
import type { RouteKey } from "./stats";

const ROUNDS = 200;

function timeEach(run: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    run(i);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Median ms per call of each route's data-layer work. Opens `dbPath` and closes it again. */
export function measureDataLayer(dbPath: string, projectId: number, doc: LoadDocument): Partial<Record<RouteKey, number>> {
  process.env.DATABASE_PATH = dbPath;
  getDb();
  try {
    const row = listUsers().find((u) => u.username === reviewerName(0))!;
    const user: SessionUser = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
    const token = generateSessionToken();
    createSession(token, user.id);
    const span = (i: number) => {
      const [start, end] = [doc.words[i % doc.words.length]![0], doc.words[i % doc.words.length]![1]];
      return { kind: "claim" as const, start, end, exact: doc.chars.slice(start, end).join(""), attributes: { certainty: "probable" } };
    };
    const created: { id: number; version: number }[] = [];
    return {
      list: timeEach(() => {
        validateSessionToken(token);
        getProjectForMember(user, projectId);
        listDocumentsForMember(user, projectId, { sort: "date_desc" });
        listOutlets();
        listStories(projectId);
      }),
      page: timeEach(() => {
        validateSessionToken(token);
        getDocumentForMember(user, projectId, doc.id);
        getProjectForMember(user, projectId);
        listAnnotations(user, projectId, doc.id);
        documentStatusFor(user, projectId, doc.id);
      }),
      spans: timeEach(() => {
        validateSessionToken(token);
        listAnnotations(user, projectId, doc.id);
      }),
      create: timeEach((i) => {
        validateSessionToken(token);
        const result = createAnnotation(user, projectId, doc.id, span(i));
        if (result.ok) created.push({ id: result.annotation.id, version: result.annotation.version });
      }),
      edit: timeEach((i) => {
        validateSessionToken(token);
        const target = created[i % created.length]!;
        const result = updateAnnotation(user, projectId, doc.id, target.id, { version: target.version, note: `timed ${i}` });
        if (result.ok) target.version = result.annotation.version;
      }),
      remove: timeEach((i) => {
        validateSessionToken(token);
        const target = created[i % created.length]!;
        deleteAnnotation(user, projectId, doc.id, target.id, target.version);
      }),
    };
  } finally {
    closeDb();
  }
}
