// Other processes on the same database file, for tests/server/backup.test.ts. Each opens
// DATABASE_PATH exactly as the server does (db/index.ts) and prints "ready" once it has:
//   hold                             keeps the connection open until killed, idle, as a server does
//   writer USER PROJECT DOCUMENT     saves spans through the data layer one after another, printing
//                                    each id once its transaction has committed, until killed
//   crash N                          commits N outlets, then SIGKILLs itself: its WAL is left behind
import { eq } from "drizzle-orm";
import { getDb, getSqlite } from "@/db";
import { users } from "@/db/tables";
import { createAnnotation } from "@/lib/server/annotations";
import { codePointLength, sliceCodePoints } from "@/lib/text";
import { first } from "@/db/rows";

const [mode, ...args] = process.argv.slice(2);

async function writer(userId: number, projectId: number, documentId: number): Promise<void> {
  const row = (await first(getDb().select().from(users).where(eq(users.id, userId))))!;
  const user = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
  const text = getSqlite().prepare<[number], { text: string }>("select text from documents where id = ?").get(documentId)!.text;
  const length = codePointLength(text);
  for (let i = 0; ;) {
    for (let n = 0; n < 10; n++, i++) {
      const start = (i * 13) % (length - 10);
      const end = start + 1 + (i % 9);
      const result = await createAnnotation(user, projectId, documentId, {
        kind: "claim",
        start,
        end,
        exact: sliceCodePoints(text, start, end),
        note: `backup-writer ${i}`,
      });
      if (!result.ok) throw new Error(result.error);
      process.stdout.write(`${result.annotation.id}\n`);
    }
    await new Promise((resolve) => setImmediate(resolve)); // let stdout drain and signals in
  }
}

function crash(count: number): void {
  // Well under the autocheckpoint threshold: every one of these commits stays in the WAL.
  const insert = getSqlite().prepare("insert into outlets (name) values (?)");
  for (let i = 0; i < count; i++) insert.run(`crash outlet ${i}`);
  process.kill(process.pid, "SIGKILL");
}

getDb();
process.stdout.write("ready\n");
if (mode === "hold") setInterval(() => undefined, 60_000);
else if (mode === "writer") void writer(Number(args[0]), Number(args[1]), Number(args[2]));
else if (mode === "crash") crash(Number(args[0]));
else throw new Error(`unknown mode ${mode}`);
