// A backup of the live database, safe while the server runs (npm run backup). The copy is
// written under `<destination>.partial`, checked, and renamed into place only when whole, so
// the destination is either the old file, or a complete and sound new one.
import { chmodSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { copyDatabase, pathKind, removeIfPresent, renameDurably, SIDE_FILES } from "./files";
import { inspectDatabase, sqliteCode } from "./inspect";

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  force?: boolean;
}

export type BackupResult = { ok: true; destination: string; pages: number; bytes: number; rows: Record<string, number> } | { ok: false; error: string };

const refuse = (error: string): BackupResult => ({ ok: false, error });

/** Why `destination` cannot take a backup of `source`, or null when it can. */
function destinationProblem(source: string, destination: string, force: boolean): string | null {
  if (destination === source || SIDE_FILES.some((s) => destination === source + s)) {
    return `The backup cannot be written over the database itself (${source}). Choose another file.`;
  }
  const folder = path.dirname(destination);
  const folderKind = pathKind(folder);
  if (folderKind !== "folder")
    return `The folder ${folder} does not exist${folderKind === "missing" ? "" : " (it is not a folder)"}. Create it first, or choose another path.`;
  const kind = pathKind(destination);
  if (kind === "folder") return `${destination} is a folder. Give the backup a file name, e.g. ${path.join(destination, "provenance-backup.db")}.`;
  if (kind === "other") return `${destination} is not a regular file; choose another path.`;
  if (kind === "file" && !force) return `${destination} already exists. Pass --force to replace it, or choose another path.`;
  return null;
}

/** Copies the database at `source` to `destination`; the database may be in use meanwhile. */
export async function backupDatabase(source: string, destination: string, options: BackupOptions = {}): Promise<BackupResult> {
  const from = path.resolve(source);
  const to = path.resolve(destination);
  if (pathKind(from) !== "file") return refuse(`There is no database at ${from}. Set DATABASE_PATH to the app's database file.`);
  const problem = destinationProblem(from, to, options.force === true);
  if (problem !== null) return refuse(problem);

  const partial = `${to}.partial`;
  let db: Database.Database | null = null;
  try {
    removeIfPresent(partial); // left by an interrupted run: never a file anyone relies on
    db = new Database(from, { fileMustExist: true, timeout: 5000 });
    const { pages } = await copyDatabase(db, partial);
    const checked = inspectDatabase(partial, `The copy of ${from}`);
    if (!checked.ok) throw new Error(checked.error);
    // The file holds password and session hashes: no more readable than the database itself.
    chmodSync(partial, statSync(from).mode & 0o777);
    const bytes = statSync(partial).size;
    renameDurably(partial, to);
    return { ok: true, destination: to, pages, bytes, rows: checked.rows };
  } catch (error) {
    removeIfPresent(partial);
    const code = sqliteCode(error);
    if (code === "SQLITE_NOTADB") return refuse(`${from} is not a SQLite database.`);
    return refuse(`The backup failed and nothing was written to ${to}: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}
