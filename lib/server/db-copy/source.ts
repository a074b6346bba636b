// The SQLite side: the --from file, checked before anything reads it (a SQLite database of this
// app, sound, at exactly the committed schema) and opened read-only, so the copy never changes it.
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { pathKind } from "@/lib/server/backup/files";
import { inspectDatabase } from "@/lib/server/backup/inspect";
import { CopyError } from "./errors";
import type { SourceDb } from "./rows";

export interface Source {
  path: string;
  db: SourceDb;
  /** Runs `work` inside one read transaction: every read sees the same snapshot of the file. */
  snapshot: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => void;
}

function checkSource(file: string): void {
  const kind = pathKind(file);
  if (kind === "missing") throw new CopyError(`--from: there is no file at ${file}.`);
  if (kind !== "file") throw new CopyError(`--from: ${file} is a ${kind === "folder" ? "folder" : "special file"}, not a SQLite database file.`);
  const inspection = inspectDatabase(file, `--from ${file}`);
  if (!inspection.ok) throw new CopyError(inspection.error);
  // A stale file has a schema older than db/pg's; copying it would put old-shaped data into
  // the new schema (or fail halfway), so it is brought up to date by the app's own migrator first.
  if (inspection.pending > 0) {
    throw new CopyError(
      `--from ${file} lacks ${inspection.pending} of this version's migrations: its schema is stale. ` +
        `Run npm run db:migrate first (DATABASE_PATH=${file} npm run db:migrate), then copy.`,
    );
  }
}

/** Opens the --from file read-only once it has passed every check. */
export function openSource(filePath: string): Source {
  const file = path.resolve(filePath);
  checkSource(file);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const snapshot = async <T>(work: () => Promise<T>): Promise<T> => {
    // In WAL mode a read transaction keeps its snapshot while a running server goes on writing.
    sqlite.exec("begin");
    try {
      return await work();
    } finally {
      sqlite.exec("commit");
    }
  };
  return { path: file, db: drizzle(sqlite), snapshot, close: () => sqlite.close() };
}
