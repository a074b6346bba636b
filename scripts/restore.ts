// npm run restore -- BACKUP
// Replaces the database (DATABASE_PATH, default data/provenance.db) with BACKUP. Refused, with
// nothing changed, unless BACKUP passes integrity_check, is this app's database and has no
// migration newer than this code, and unless no other process has the database open (stop the
// server first; there is no override, since a server still holding the old file would keep
// answering saves into the file being replaced). The replaced database is kept beside it as
// `<name>.before-restore-<timestamp>`.
import { parseArgs } from "node:util";
import { databasePath } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { restoreDatabase } from "@/lib/server/backup/restore";
import { describeRows } from "@/lib/server/backup/summary";

const USAGE = "usage: npm run restore -- BACKUP\n  Replaces the database (DATABASE_PATH, default data/provenance.db) with BACKUP. Stop the server first.";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  if (usesPostgres()) {
    fail(
      `npm run restore works on the embedded SQLite file; DATABASE_URL points at PostgreSQL. Use PostgreSQL's own tools there (pg_dump / pg_restore, or your provider's snapshots).`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (parsed.values.help === true) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0]!.trim() === "") fail(USAGE);
  const result = await restoreDatabase(parsed.positionals[0]!, databasePath());
  if (!result.ok) fail(result.error);
  const lines = [`Restored ${result.target} from ${parsed.positionals[0]}: ${describeRows(result.rows)}.`];
  for (const file of result.kept) lines.push(`The replaced file is kept as ${file}.`);
  if (result.pending > 0) lines.push(`The backup predates ${result.pending} migration(s) of this version; the server applies them when it starts.`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main().catch((error: unknown) => fail(`The restore failed: ${(error as Error).message}`));
