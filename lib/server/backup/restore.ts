// Puts a backup in place of the database (npm run restore). Nothing is touched until the backup
// has passed every check and no other process has the database open; the replaced database is
// kept whole beside it as `<name>.before-restore-<timestamp>`.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { copyDatabase, pathKind, removeIfPresent, renameDurably } from "./files";
import { inspectDatabase, sqliteCode } from "./inspect";

export type RestoreResult = { ok: true; target: string; kept: string[]; rows: Record<string, number>; pending: number } | { ok: false; error: string };

const refuse = (error: string): RestoreResult => ({ ok: false, error });

/** 2026-11-28T12:03:04.567Z → 20261128T120304Z: sortable, and legal in every file system. */
function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/[-:]/g, "");
}

type Lock = { state: "held"; db: Database.Database } | { state: "busy" } | { state: "unreadable" };

/**
 * An exclusive lock on the database, unless another process has it open. Every connection to a
 * WAL database holds a shared lock on the file for as long as it is open, idle or not, so a
 * running server (or an export, or a backup) makes this fail at once. SQLite's exclusive
 * locking mode keeps the lock until the connection closes, which it does only after the files
 * are swapped. Switching the held database to a rollback journal folds its WAL into the main
 * file, so the replaced database is kept as one complete file; when it is too damaged for that,
 * its WAL is kept beside it instead. A file that is not a database at all cannot be open in
 * the server, and is simply moved aside.
 */
function lockExclusively(target: string): Lock {
  const db = new Database(target, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    db.close();
    const code = sqliteCode(error);
    if (code === "SQLITE_BUSY") return { state: "busy" };
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") return { state: "unreadable" };
    throw error;
  }
  try {
    db.pragma("journal_mode = DELETE");
  } catch {
    // Damaged: the lock still holds, and moveAside keeps the WAL with the file.
  }
  return { state: "held", db };
}

/**
 * Moves the replaced database aside with its WAL, if one is left, and drops its -shm (an index
 * rebuilt from the WAL). Also run when there is no database: a -wal or -shm left at the
 * target's name (by a server killed after its database was deleted, say) would otherwise be
 * read as the restored file's own WAL.
 */
function moveAside(target: string, keptAs: string): string[] {
  const kept: string[] = [];
  for (const [from, to] of [
    [target, keptAs],
    [`${target}-wal`, `${keptAs}-wal`],
  ] as const) {
    if (!fs.existsSync(from)) continue;
    renameDurably(from, to);
    kept.push(to);
  }
  removeIfPresent(`${target}-shm`);
  return kept;
}

/** Restores the backup at `backupPath` over the database at `targetPath`. */
export async function restoreDatabase(backupPath: string, targetPath: string, now = new Date()): Promise<RestoreResult> {
  const backup = path.resolve(backupPath);
  const target = path.resolve(targetPath);
  if (pathKind(backup) !== "file") return refuse(`There is no backup file at ${backup}.`);
  if (backup === target) return refuse(`${backup} is the database itself; give the path of a backup.`);
  const checked = inspectDatabase(backup, `The backup ${backup}`);
  if (!checked.ok) return refuse(`${checked.error} Nothing was changed.`);

  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.restore-partial`;
  const keptAs = `${target}.before-restore-${stamp(now)}`;
  let lock: Database.Database | null = null;
  let kept: string[] = [];
  try {
    removeIfPresent(partial);
    // Copied through SQLite rather than byte by byte, so a backup that still has a -wal beside
    // it is restored with it.
    const source = new Database(backup, { readonly: true, fileMustExist: true });
    try {
      await copyDatabase(source, partial);
    } finally {
      source.close();
    }
    if (pathKind(target) === "file") {
      const held = lockExclusively(target);
      if (held.state === "busy") {
        removeIfPresent(partial);
        return refuse(
          `${target} is open in another process: is the server running? Stop it (and any export or backup running on this database), then restore again. Nothing was changed.`,
        );
      }
      if (held.state === "held") lock = held.db;
    }
    kept = moveAside(target, keptAs);
    renameDurably(partial, target);
    return { ok: true, target, kept, rows: checked.rows, pending: checked.pending };
  } catch (error) {
    removeIfPresent(partial);
    // Failing between the two renames must not leave the app without its database.
    const putBack = kept.includes(keptAs) && pathKind(target) === "missing";
    if (putBack) renameDurably(keptAs, target);
    return refuse(`The restore failed: ${(error as Error).message}${putBack ? ` The database was put back at ${target}.` : ""}`);
  } finally {
    lock?.close();
  }
}
