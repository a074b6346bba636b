// Check-then-write under concurrent writers. On SQLite one transaction runs at a time (the gate,
// db/gate.ts), so what a transaction checked is still true when it writes. On PostgreSQL (read
// committed, a pool of connections) two requests can both pass a check and both write: two
// edits closing a cycle of nested spans, a span written into a layer just marked done, two
// adjudicators settling the same difference, two managers filling the same document past its
// reviewer count. So every transaction that writes on the strength of what it read first locks
// the one row that stands for all of it:
//   - the document, for its spans (every layer), its reviewers' done status and its decisions;
//   - the project, for its assignments and its gold outlet ratings.
// Writers of the same document (project) then run one after another, and each one's reads see
// what the one before committed (under read committed every statement reads the latest commit).
// The lock is the transaction's first statement, before the reads it protects; a caller who then
// turns out not to be allowed holds it only until the refusal ends the transaction. Lock order:
// a project before a document, never the other way round, so two lockers cannot wait on each other.
import { sql } from "drizzle-orm";
import type { DB } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { documents, projects, users } from "@/db/tables";

type Locker = Pick<DB, "run">;

// FOR NO KEY UPDATE is the lock an UPDATE of the row itself takes: it excludes the other lockers,
// but not the key-share lock a foreign key check takes, so inserting rows that merely refer to
// the document or project (a span, an assignment, a rating) is not held up by it.

/** Until the transaction ends, no other writer of this document's spans, status or decisions runs (PostgreSQL; SQLite runs one writer anyway). */
export async function lockDocument(tx: Locker, documentId: number): Promise<void> {
  if (usesPostgres()) await tx.run(sql`select 1 from ${documents} where ${documents.id} = ${documentId} for no key update`);
}

/** Until the transaction ends, no other writer of this project's assignments or gold ratings runs (PostgreSQL; SQLite runs one writer anyway). */
export async function lockProject(tx: Locker, projectId: number): Promise<void> {
  if (usesPostgres()) await tx.run(sql`select 1 from ${projects} where ${projects.id} = ${projectId} for no key update`);
}

/** Until the transaction ends, no other writer of this user's own rows (API tokens) runs (PostgreSQL; SQLite runs one writer anyway). */
export async function lockUser(tx: Locker, userId: number): Promise<void> {
  if (usesPostgres()) await tx.run(sql`select 1 from ${users} where ${users.id} = ${userId} for no key update`);
}

// Setup has no row to lock (it is about whether any admin exists), so it takes a transaction-scoped
// advisory lock under a constant key of its own; it is released when the transaction ends.
const SETUP_LOCK_KEY = 7_301_001;

/** Until the transaction ends, no other first-admin setup or demo loading (both act on "the database is new") runs (PostgreSQL; SQLite runs one writer anyway). */
export async function lockSetup(tx: Locker): Promise<void> {
  if (usesPostgres()) await tx.run(sql`select pg_advisory_xact_lock(${SETUP_LOCK_KEY})`);
}
