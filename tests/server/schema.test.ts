import { describe, expect, it } from "vitest";
import { getDb, getSqlite } from "@/db";
import { annotations, documents } from "@/db/schema";
import { admin, project } from "./helpers";
import { refusal } from "./sqlite-errors";
import { one } from "@/db/rows";

const TABLES = [
  "users",
  "sessions",
  "projects",
  "project_members",
  "outlets",
  "stories",
  "documents",
  "segments",
  "sources",
  "annotations",
  "assignments",
  "perspective_ratings",
  "reference_ratings",
  "adjudications",
  "audit_log",
];

async function documentWithText(text: string): Promise<{ documentId: number; userId: number }> {
  const user = await admin();
  const projectId = await project();
  const row = await one(
    getDb()
      .insert(documents)
      .values({ projectId, title: "t", text, textSha256: "a".repeat(64), charCount: [...text].length, wordCount: 1 })
      .returning({ id: documents.id }),
  );
  return { documentId: row.id, userId: user.id };
}

describe("database built by the committed migrations", () => {
  it("has every table of the domain model, in WAL mode with foreign keys on", () => {
    const sqlite = getSqlite();
    const names = sqlite
      .prepare("select name from sqlite_master where type = 'table'")
      .all()
      .map((r) => (r as { name: string }).name);
    for (const table of TABLES) expect(names).toContain(table);
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
  });

  it("refuses a span whose start is not before its end", async () => {
    const { documentId, userId } = await documentWithText("hello world");
    const insert = (start: number, end: number) =>
      getDb().insert(annotations).values({ documentId, annotatorId: userId, kind: "claim", start, end, exact: "x" });
    expect(await refusal(insert(5, 5))).toMatch(/CHECK constraint failed/);
    expect(await refusal(insert(-1, 3))).toMatch(/CHECK constraint failed/);
    await insert(0, 5); // accepted: a rejection fails the test
  });

  it("refuses a span that ends past the document text, counted in code points", async () => {
    const { documentId, userId } = await documentWithText("👍🏽 ok"); // 5 code points, 7 UTF-16 units
    const insert = (end: number) => getDb().insert(annotations).values({ documentId, annotatorId: userId, kind: "quote", start: 0, end, exact: "x" });
    expect(await refusal(insert(6))).toMatch(/past the end of the document text/);
    await insert(5); // accepted: a rejection fails the test
  });

  it("keeps document text frozen after import", async () => {
    const { documentId } = await documentWithText("frozen text");
    expect(() => getSqlite().prepare("update documents set text = 'changed' where id = ?").run(documentId)).toThrow(/frozen/);
    expect(() => getSqlite().prepare("update documents set title = 'renamed' where id = ?").run(documentId)).not.toThrow();
  });

  it("refuses a member role that does not exist and a dangling user reference", async () => {
    const projectId = await project();
    const sqlite = getSqlite();
    expect(() => sqlite.prepare("insert into project_members (project_id, user_id, role) values (?, 1, 'owner')").run(projectId)).toThrow(/CHECK/);
    expect(() => sqlite.prepare("insert into project_members (project_id, user_id, role) values (?, 999, 'annotator')").run(projectId)).toThrow(/FOREIGN KEY/);
  });
});
