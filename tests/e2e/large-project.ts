// A project far larger than the demo, written straight into a test server's database through
// the app's tables (getDb() pointed at it), for tests about exports of thousands of documents.
import { eq } from "drizzle-orm";
import { one } from "@/db/rows";
import { annotations, documents, projectMembers, projects, users } from "@/db/tables";
import { sha256Hex } from "@/lib/text/hash";
import type { TestServer } from "./harness";
import { onServerDatabase } from "./server-database";

// Through lib/server, 60,000 spans would take minutes. Batches of 50 documents keep each
// statement's parameters within both databases' limits; one transaction, so the disk is flushed once.

/** A project of `count` articles with 20 spans each, managed and annotated by `username`. */
export async function seedLargeProject(server: TestServer, count: number, username: string): Promise<number> {
  return await onServerDatabase(server, (db) =>
    db.transaction(async () => {
      const user = await one(db.select({ id: users.id }).from(users).where(eq(users.username, username)));
      const project = await one(db.insert(projects).values({ name: "Large", settings: {} }).returning({ id: projects.id }));
      await db.insert(projectMembers).values({ projectId: project.id, userId: user.id, role: "manager" });
      for (let from = 0; from < count; from += 50) {
        const texts = Array.from(
          { length: Math.min(50, count - from) },
          (_, k) => `Article ${from + k}. ${"The council met again and the levy was debated at length. ".repeat(40)}`,
        );
        const docs = await db
          .insert(documents)
          .values(
            texts.map((text, k) => ({
              projectId: project.id,
              title: `Article ${from + k}`,
              text,
              textSha256: sha256Hex(text),
              charCount: text.length,
              wordCount: 400,
            })),
          )
          .returning({ id: documents.id });
        const spans = docs.flatMap((doc, k) =>
          Array.from({ length: 20 }, (_, i) => ({
            documentId: doc.id,
            annotatorId: user.id,
            kind: "claim" as const,
            start: i * 50,
            end: i * 50 + 30,
            exact: texts[k]!.slice(i * 50, i * 50 + 30),
          })),
        );
        await db.insert(annotations).values(spans);
      }
      return project.id;
    }),
  );
}
