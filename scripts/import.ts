// npm run import -- --project <name> [--outlet <name>] [--story <name>] [--author <name>]
//                   [--date YYYY-MM-DD] [--url <url>] [--title <title>] <files…>
// Imports files through lib/server/documents.importDocuments, the same path as the web form.
// With --annotations FILE it imports an annotated corpus instead (see ./import-annotations.ts).
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { closeDb, databasePath } from "@/db";
import { MAX_IMPORT_BYTES } from "@/lib/import";
import { importDocuments, type ImportItem, type ImportProblem } from "@/lib/server/documents";
import { findProjectByName, listProjectNames } from "@/lib/server/projects";
import { documentMetadataSchema } from "@/lib/validation/documents";
import { CliError, printReport, runAnnotationImport } from "./import-annotations";

const USAGE =
  "usage: npm run import -- --project <name> [--outlet <name>] [--story <name>] [--author <name>] [--date YYYY-MM-DD] [--url <url>] [--title <title>] <files…>\n" +
  "       npm run import -- --project <name> --annotations <file or brat folder>… [--format jsonl|w3c|brat] [--layer as-exported|gold|reviewer:NAME] [--dry-run] [--create-project] [--as USERNAME]";

function fail(message: string): never {
  console.error(message);
  void closeDb();
  process.exit(1);
}

function readItems(files: string[]): { items: ImportItem[]; problems: ImportProblem[] } {
  const items: ImportItem[] = [];
  const problems: ImportProblem[] = [];
  for (const file of files) {
    const fileName = path.basename(file);
    try {
      // Oversize files are refused before they are read.
      if (statSync(file).size > MAX_IMPORT_BYTES) {
        problems.push({ source: fileName, message: `${fileName} is over the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit.` });
        continue;
      }
      items.push({ fileName, bytes: new Uint8Array(readFileSync(file)) });
    } catch (error) {
      problems.push({ source: fileName, message: `${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).` });
    }
  }
  return { items, problems };
}

async function importAnnotationsFrom(values: {
  project: string;
  annotations: string[];
  format?: string;
  layer?: string;
  "dry-run"?: boolean;
  "create-project"?: boolean;
  as?: string;
}): Promise<void> {
  try {
    const { report, projectName } = await runAnnotationImport({
      project: values.project,
      annotations: values.annotations,
      format: values.format,
      layer: values.layer,
      dryRun: values["dry-run"] === true,
      createProject: values["create-project"] === true,
      as: values.as,
    });
    printReport(report, projectName);
    await closeDb();
    process.exit(report.refused.length > 0 ? 1 : 0);
  } catch (error) {
    if (error instanceof CliError) fail(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      annotations: { type: "string", multiple: true },
      format: { type: "string" },
      layer: { type: "string" },
      "dry-run": { type: "boolean" },
      "create-project": { type: "boolean" },
      as: { type: "string" },
      project: { type: "string" },
      outlet: { type: "string" },
      story: { type: "string" },
      author: { type: "string" },
      date: { type: "string" },
      url: { type: "string" },
      title: { type: "string" },
    },
  });
  if (values.project !== undefined && values.annotations !== undefined) {
    if (positionals.length > 0) fail(`Pass either --annotations or document files, not both.\n${USAGE}`);
    return importAnnotationsFrom({ ...values, project: values.project, annotations: values.annotations });
  }
  if (values.project === undefined || positionals.length === 0) fail(USAGE);
  const project = await findProjectByName(values.project);
  if (project === null) {
    const names = await listProjectNames();
    fail(`No project named “${values.project}” in ${databasePath()}.${names.length ? ` Projects: ${names.join(", ")}.` : ""}`);
  }
  const meta = documentMetadataSchema.safeParse({ ...values, publishedAt: values.date });
  if (!meta.success) fail(meta.error.issues.map((i) => i.message).join("\n"));

  const { items, problems } = readItems(positionals);
  const result = problems.length > 0 ? { ok: false as const, problems } : await importDocuments({ kind: "system", label: "cli" }, project.id, items, meta.data);
  if (!result.ok) {
    fail(`Nothing was imported into “${project.name}”:\n${result.problems.map((p) => `  ${p.source}: ${p.message}`).join("\n")}`);
  }
  for (const doc of result.documents) {
    console.log(`imported ${doc.source} → document ${doc.id} “${doc.title}” (${doc.wordCount} words, ${doc.charCount} code points, sha256 ${doc.textSha256})`);
  }
  if (result.createdOutlet) console.log(`created outlet “${result.createdOutlet}”`);
  if (result.createdStory) console.log(`created story “${result.createdStory}”`);
  console.log(`${result.documents.length} document${result.documents.length === 1 ? "" : "s"} imported into “${project.name}” (${databasePath()})`);
  await closeDb();
}

void main();
