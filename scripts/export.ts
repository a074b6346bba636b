// npm run export -- --project <name or id> --format <jsonl|csv|w3c|brat|conll|uima-xmi>
//                   [--layer gold|all|gold-else-all|reviewer:NAME] [--story NAME] [--outlet NAME]
//                   [--kinds claim,opinion,quote] [--documents 1,2,3] [--gold-only] [--no-text]
//                   [--base-url URL] --out PATH|-
// Streams the export through the same pipeline as the Export page, so the file is the same.
// A progress bar goes to stderr when it is a terminal; `--out -` writes the file to stdout.
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, databasePath, getDb } from "@/db";
import { usesPostgres } from "@/db/dialect";
import { FORMAT_DESCRIPTIONS } from "@/lib/export/formats";
import { planExportAsOperator, preparePlanned } from "@/lib/server/export";
import { listProjectNames } from "@/lib/server/projects";

const USAGE = `usage: npm run export -- --project <name or id> --format <jsonl|csv|w3c|brat|conll|uima-xmi> [--layer gold|all|gold-else-all|reviewer:NAME]
       [--story NAME] [--outlet NAME] [--kinds claim,opinion,quote] [--documents 1,2,3] [--gold-only] [--no-text] [--base-url URL] --out PATH|-`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  void closeDb();
  process.exit(1);
}

async function findProject(nameOrId: string): Promise<{ id: number; name: string } | null> {
  const db = getDb();
  const byId = /^\d+$/.test(nameOrId) ? await db.get<[number, string]>(sql`select id, name from projects where id = ${Number(nameOrId)}`) : undefined;
  const row = byId ?? (await db.get<[number, string]>(sql`select id, name from projects where lower(name) = lower(${nameOrId})`));
  return row === undefined ? null : { id: row[0], name: row[1] };
}

/** A story or outlet named on the command line, as the id the export options take. */
async function idByName(kind: "story" | "outlet", projectId: number, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) return undefined;
  const query =
    kind === "story"
      ? sql`select id from stories where project_id = ${projectId} and lower(name) = lower(${name})`
      : sql`select distinct o.id from outlets o join documents d on d.outlet_id = o.id where d.project_id = ${projectId} and lower(o.name) = lower(${name})`;
  const row = await getDb().get<[number]>(query);
  if (row === undefined) fail(`No ${kind} named “${name}” in this project.`);
  return String(row[0]);
}

/** Redraws a one-line bar on stderr as the writer reads documents . */
function progress(total: number, passes: number): (read: number) => void {
  if (process.stderr.isTTY !== true) return () => undefined;
  const all = Math.max(1, total * passes);
  return (read) => {
    if (read % 25 !== 0 && read !== all) return;
    const share = Math.min(1, read / all);
    process.stderr.write(`\r[${"#".repeat(Math.round(share * 30)).padEnd(30, ".")}] ${Math.round(share * 100)}%`);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      project: { type: "string" },
      format: { type: "string" },
      layer: { type: "string" },
      story: { type: "string" },
      outlet: { type: "string" },
      kinds: { type: "string" },
      documents: { type: "string" },
      "gold-only": { type: "boolean" },
      "no-text": { type: "boolean" },
      "base-url": { type: "string" },
      out: { type: "string" },
    },
  });
  if (values.project === undefined || values.format === undefined || values.out === undefined) fail(USAGE);
  const project = await findProject(values.project);
  if (project === null) {
    const names = await listProjectNames();
    const where = usesPostgres() ? "the PostgreSQL database (DATABASE_URL)" : databasePath();
    fail(`No project named “${values.project}” in ${where}.${names.length ? ` Projects: ${names.join(", ")}.` : ""}`);
  }
  const planned = await planExportAsOperator(project, {
    format: values.format,
    layer: values.layer,
    kinds: values.kinds,
    documents: values.documents,
    story: await idByName("story", project.id, values.story),
    outlet: await idByName("outlet", project.id, values.outlet),
    goldOnly: values["gold-only"] ? "1" : "0",
    text: values["no-text"] ? "0" : "1",
  });
  if ("ok" in planned) fail(planned.error);
  const { passes } = FORMAT_DESCRIPTIONS[planned.plan.options.format];
  const totals = await planned.summary();
  const prepared = preparePlanned(planned, values["base-url"] ?? process.env.PUBLIC_URL ?? "http://127.0.0.1:3000", progress(totals.documentCount, passes));
  process.stderr.write(
    `Exporting ${totals.documentCount.toLocaleString("en")} documents and ${totals.spanCount.toLocaleString("en")} spans of “${project.name}” as ${planned.plan.options.format}\n`,
  );
  const toStdout = values.out === "-";
  // A file is written beside its destination and renamed at the end, so an interrupted export
  // never leaves a truncated file under the name asked for.
  const partial = `${values.out}.partial`;
  const sink: Writable = toStdout ? process.stdout : createWriteStream(partial);
  try {
    await pipeline(Readable.from(prepared.stream()), sink);
    if (!toStdout) await rename(partial, values.out);
  } catch (error) {
    if (!toStdout) await rm(partial, { force: true });
    fail(`\nThe export stopped: ${(error as Error).message}`);
  }
  if (process.stderr.isTTY) process.stderr.write("\n");
  process.stderr.write(`${toStdout ? "Written to stdout" : `Wrote ${values.out}`}\n`);
  await closeDb();
}

void main();
