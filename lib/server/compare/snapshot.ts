// The reads of one comparison view must see the database at one instant: the documents, the
// layer each shows, their spans, claim groups and ratings answer each other (a span counted
// in a matrix cell must be in the cell's list; a gold layer chosen as settled must be read
// as it was when it was judged settled). Before, one synchronous better-sqlite3 step read
// everything; now the reads are awaited, so they run in one read-only transaction:
//  - SQLite: the transaction gate keeps every other transaction of this process out while it
//    is open, and SQLite's own read transaction (WAL) holds one snapshot against other processes.
//  - PostgreSQL: a plain transaction is READ COMMITTED, a new snapshot per statement, so it asks
//    for REPEATABLE READ: one snapshot, taken at its first read, for every statement after.
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { usesPostgres } from "@/db/dialect";

/** Runs `read` (queries through getDb()) in one read-only snapshot of the database. */
export async function readSnapshot<T>(read: () => Promise<T>): Promise<T> {
  return await getDb().transaction(async (tx) => {
    if (usesPostgres()) await tx.run(sql`set transaction isolation level repeatable read, read only`);
    return await read();
  });
}
