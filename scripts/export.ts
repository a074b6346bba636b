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
import { closeDb, databasePath, getSqlite } from "@/db";
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

function findProject(nameOrId: string): { id: number; name: string } | null {
  const sqlite = getSqlite();
  const byId = /^\d+$/.test(nameOrId)
    ? sqlite.prepare<[number], { id: number; name: string }>("select id, name from projects where id = ?").get(Number(nameOrId))
    : undefined;
  return byId ?? sqlite.prepare<[string], { id: number; name: string }>("select id, name from projects where lower(name) = lower(?)").get(nameOrId) ?? null;
}

/** A story or outlet named on the command line, as the id the export options take. */
function idByName(kind: "story" | "outlet", projectId: number, name: string): string {
  const sql =
    kind === "story"
      ? "select id from stories where project_id = ? and lower(name) = lower(?)"
      : "select distinct o.id from outlets o join documents d on d.outlet_id = o.id where d.project_id = ? and lower(o.name) = lower(?)";
  const row = getSqlite().prepare<[number, string], { id: number }>(sql).get(projectId, name);
  if (row === undefined) fail(`No ${kind} named “${name}” in this project.`);
  return String(row.id);
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
  const project = findProject(values.project);
  if (project === null) {
    const names = await listProjectNames();
    fail(`No project named “${values.project}” in ${databasePath()}.${names.length ? ` Projects: ${names.join(", ")}.` : ""}`);
  }
  const planned = planExportAsOperator(project, {
    format: values.format,
    layer: values.layer,
    kinds: values.kinds,
    documents: values.documents,
    story: values.story === undefined ? undefined : idByName("story", project.id, values.story),
    outlet: values.outlet === undefined ? undefined : idByName("outlet", project.id, values.outlet),
    goldOnly: values["gold-only"] ? "1" : "0",
    text: values["no-text"] ? "0" : "1",
  });
  if ("ok" in planned) fail(planned.error);
  const { passes } = FORMAT_DESCRIPTIONS[planned.plan.options.format];
  const prepared = preparePlanned(
    planned,
    values["base-url"] ?? process.env.PUBLIC_URL ?? "http://127.0.0.1:3000",
    progress(planned.summary.documentCount, passes),
  );
  process.stderr.write(
    `Exporting ${prepared.totals().documentCount.toLocaleString("en")} documents and ${prepared.totals().spanCount.toLocaleString("en")} spans of “${project.name}” as ${planned.plan.options.format}\n`,
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
