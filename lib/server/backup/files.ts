// Moving database files without ever leaving a half-written one under a name someone relies
// on: copies go to a temporary name beside the destination, are flushed to disk, and are then
// renamed into place (a rename within one folder is atomic), and the folder is flushed so the
// new name survives a power loss too.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/** The SQLite side files that belong to a database in WAL mode. */
export const SIDE_FILES = ["-wal", "-shm"] as const;

// SQLite's online backup copies in steps; when another connection writes between two steps the
// copy starts over, so a busy server could keep a step-by-step backup restarting. Asking for
// every remaining page in one step copies a single consistent snapshot under one read
// transaction, which in WAL mode never blocks the server's writers.
const ALL_PAGES = 0x7fffffff;

/** Flushes a file or folder to disk. */
export function fsyncPath(target: string): void {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Copies the open database `source` to `destination` (a new file) with SQLite's online backup
 * API, consistent even while other processes write, then turns the copy into a single
 * self-contained file (rollback journal, no -wal or -shm beside it) and flushes it to disk.
 */
export async function copyDatabase(source: Database.Database, destination: string): Promise<{ pages: number }> {
  const progress = await source.backup(destination, { progress: () => ALL_PAGES });
  const copy = new Database(destination, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
  } finally {
    copy.close();
  }
  fsyncPath(destination);
  return { pages: progress.totalPages };
}

/** Renames `from` to `to` and flushes the folder, so the rename itself is durable. */
export function renameDurably(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncPath(path.dirname(to));
}

/** Removes a file if it is there; an error other than "not there" is the caller's to see. */
export function removeIfPresent(file: string): void {
  fs.rmSync(file, { force: true });
}

export type PathKind = "file" | "folder" | "other" | "missing";

export function pathKind(target: string): PathKind {
  try {
    const stat = fs.statSync(target);
    return stat.isFile() ? "file" : stat.isDirectory() ? "folder" : "other";
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    throw error;
  }
}
