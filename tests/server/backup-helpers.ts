// Child processes and file checks for tests/server/backup.test.ts: the backup and restore CLIs
// as a person runs them, other processes holding the same database, and read-only looks.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";

export const run = promisify(execFile);
export const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
/** Every child started, so the test file can make sure none outlives it. */
export const children: ChildProcess[] = [];

export type Outcome = { stdout: string; stderr: string; code: number };

/** Runs scripts/<name>.ts with DATABASE_PATH = `db`. */
export function cli(name: "backup" | "restore", db: string, ...args: string[]): Promise<Outcome> {
  return run(tsx, [`scripts/${name}.ts`, ...args], { env: { ...process.env, DATABASE_PATH: db }, cwd: process.cwd() })
    .then((r) => ({ ...r, code: 0 }))
    .catch((e: Outcome) => ({ stdout: e.stdout, stderr: e.stderr, code: e.code }));
}

/** Starts tests/server/backup-child.ts on `db`; `lines` fills with what it prints. */
export async function child(db: string, ...args: string[]): Promise<{ process: ChildProcess; lines: string[]; exited: Promise<unknown> }> {
  const proc = spawn(tsx, ["tests/server/backup-child.ts", ...args], {
    env: { ...process.env, DATABASE_PATH: db },
    cwd: process.cwd(),
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(proc);
  const lines: string[] = [];
  let rest = "";
  proc.stdout!.on("data", (d: Buffer) => {
    const parts = (rest + String(d)).split("\n");
    rest = parts.pop()!;
    lines.push(...parts);
  });
  // "close", not "exit": by then everything the child printed has been read.
  const exited = new Promise((resolve) => proc.once("close", resolve));
  await until(() => lines.includes("ready") || proc.exitCode !== null || proc.signalCode !== null);
  return { process: proc, lines, exited };
}

export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 20));
}

export function readOnly<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare<[], { n: number }>(`select count(*) as n from "${name}"`).get()!.n]));
}

export const leftovers = (folder: string): string[] => readdirSync(folder).filter((f) => /\.partial$|restore-partial|before-restore/.test(f));
export const hashOf = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A new database made by the real migrations, without the demo, as a second install. */
export async function freshDatabase(file: string): Promise<void> {
  await run(tsx, ["db/migrate.ts"], { env: { ...process.env, DATABASE_PATH: file, PROVENANCE_DEMO: "0" }, cwd: process.cwd() });
}

/** Overwrites the b-tree header of `table`'s root page, as a disk fault might. */
export function damagePage(file: string, table: string): void {
  const { page, size } = readOnly(file, (db) => ({
    page: db.prepare<[string], { rootpage: number }>("select rootpage from sqlite_master where name = ?").get(table)!.rootpage,
    size: db.pragma("page_size", { simple: true }) as number,
  }));
  const bytes = readFileSync(file);
  bytes.fill(0xff, (page - 1) * size, (page - 1) * size + 64);
  writeFileSync(file, bytes);
}
