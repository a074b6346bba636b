// npm run db:copy -- --from data/provenance.db --to postgres://… [--replace]
// Copies this app's SQLite database into PostgreSQL and verifies it (lib/server/db-copy/run.ts).
import { parseCopyArgs, USAGE } from "@/lib/server/db-copy/args";
import { CopyError } from "@/lib/server/db-copy/errors";
import { runCopy } from "@/lib/server/db-copy/run";
import { formatChecks } from "@/lib/server/db-copy/verify";

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = parseCopyArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const outcome = await runCopy(args.from, args.to, { replace: args.replace });
  process.stdout.write(`${formatChecks(outcome.checks)}\n`);
  if (!outcome.ok) fail("The copy did not verify: the tables marked MISMATCH differ, so nothing was committed.");
  const rows = outcome.checks.reduce((sum, check) => sum + check.pg.rows, 0);
  process.stdout.write(`Copied ${rows.toLocaleString("en")} rows in ${outcome.checks.length} tables; every table verified.\n`);
}

main().catch((error: unknown) => {
  if (error instanceof CopyError) fail(error.message);
  fail(`The copy failed, and nothing was committed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
});
