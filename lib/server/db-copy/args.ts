// The command line of npm run db:copy.
import { parseArgs } from "node:util";
import { CopyError } from "./errors";

export const USAGE = `usage: npm run db:copy -- --from data/provenance.db --to postgres://user:password@host:5432/database [--replace]
  Copies every table of a Provenance Desk SQLite database into a PostgreSQL database (migrated
  first), resets its identity sequences and verifies each table's row count and checksum, all in
  one transaction. A target that already holds rows is refused unless --replace is given, which
  empties every app table first.
  --from PATH   the SQLite database file (opened read-only; it must be migrated to this version)
  --to URL      the PostgreSQL database, postgres:// or postgresql://
  --replace     empty the target's app tables before copying
  --help        this text`;

export type CopyArgs = { help: true } | { help: false; from: string; to: string; replace: boolean };

/** The parsed arguments; a CopyError (with the usage) when they are wrong. */
export function parseCopyArgs(argv: string[]): CopyArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: "string" }, to: { type: "string" }, replace: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    }));
  } catch (error) {
    throw new CopyError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help === true) return { help: true };
  const missing = (["from", "to"] as const).filter((name) => (values[name] ?? "").trim() === "").map((name) => `--${name}`);
  if (missing.length > 0) throw new CopyError(`Missing ${missing.join(" and ")}.\n${USAGE}`);
  return { help: false, from: values.from!, to: values.to!, replace: values.replace === true };
}
