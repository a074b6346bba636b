// npm run backup -- PATH [--force]
// Copies the database (DATABASE_PATH, default data/provenance.db) to PATH with SQLite's online
// backup API: safe while the server runs and writes. The copy is checked (integrity_check, this
// app's tables) before it takes the name PATH; an existing PATH is replaced only with --force.
import { parseArgs } from "node:util";
import { databasePath } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { backupDatabase } from "@/lib/server/backup/backup";
import { describeRows } from "@/lib/server/backup/summary";

const USAGE =
  "usage: npm run backup -- PATH [--force]\n  Copies the database (DATABASE_PATH, default data/provenance.db) to PATH; --force replaces an existing PATH.";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (usesPostgres()) {
    fail(
      `npm run backup works on the embedded SQLite file; DATABASE_URL points at PostgreSQL. Use PostgreSQL's own tools there (pg_dump / pg_restore, or your provider's snapshots).`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { force: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0]!.trim() === "") fail(USAGE);
  const result = await backupDatabase(databasePath(), parsed.positionals[0]!, { force: parsed.values.force === true });
  if (!result.ok) fail(result.error);
  const megabytes = (result.bytes / 1024 ** 2).toFixed(1);
  process.stdout.write(
    `Backed up ${databasePath()} to ${result.destination}: ${result.pages} pages (${megabytes} MB), integrity ok; ${describeRows(result.rows)}.\n`,
  );
}

main().catch((error: unknown) => fail(`The backup failed: ${(error as Error).message}`));
