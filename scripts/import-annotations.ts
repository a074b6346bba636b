// npm run import -- --project NAME --annotations FILE [--annotations FILE…] [--format jsonl|w3c|brat]
//   [--layer as-exported|gold|reviewer:NAME] [--dry-run] [--create-project] [--as USERNAME]
// Imports annotated corpora through lib/server/annotation-import, the Import page's code path.
// The CLI acts as a person (a manager of the project), by default the first admin.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/tables";
import { importAnnotations, type ImportFile, type ImportReport } from "@/lib/server/annotation-import";
import { reportHeadline, reportLines } from "@/lib/server/annotation-import/summary";
import { createProject, findProjectByName, listProjectNames } from "@/lib/server/projects";
import type { SessionUser } from "@/lib/server/session";
import { guessImportFormat, importOptionsSchema, MAX_ANNOTATION_IMPORT_BYTES, type ImportFormatName } from "@/lib/validation/annotation-import";
import { first } from "@/db/rows";

export interface AnnotationArgs {
  project: string;
  /** Files (or a brat folder); several JSONL exports of one project (gold, all) are merged per document. */
  annotations: string[];
  format?: string;
  layer?: string;
  dryRun: boolean;
  createProject: boolean;
  as?: string;
}

/** A thrown message ends the run with exit code 1. */
export class CliError extends Error {}

const MB = 1024 * 1024;

async function actorFor(username: string | undefined): Promise<SessionUser> {
  const columns = { id: users.id, username: users.username, displayName: users.displayName, role: users.role, disabledAt: users.disabledAt };
  const row =
    username === undefined
      ? await first(getDb().select(columns).from(users).where(eq(users.role, "admin")).orderBy(asc(users.id)))
      : await first(getDb().select(columns).from(users).where(eq(users.username, username.toLowerCase())));
  if (row === undefined)
    throw new CliError(
      username === undefined ? "There is no admin yet: create one on /setup, or pass --as USERNAME." : `There is no user named “${username}”.`,
    );
  if (row.disabledAt !== null) throw new CliError(`The account “${row.username}” is disabled.`);
  return { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
}

/** Sizes come from stat, so an oversized file is refused before a byte of it is read. */
function readOne(file: string, name: string): ImportFile {
  const size = statSync(file).size;
  if (size > MAX_ANNOTATION_IMPORT_BYTES) throw new CliError(`${name} is ${(size / MB).toFixed(1)} MB: the limit is ${MAX_ANNOTATION_IMPORT_BYTES / MB} MB.`);
  return { name, bytes: new Uint8Array(readFileSync(file)) };
}

/** A brat folder: its .ann and .txt files, named by their path inside the folder. */
function readFolder(root: string): ImportFile[] {
  const files: ImportFile[] = [];
  let total = 0;
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ann|txt)$/i.test(entry.name)) continue;
    const full = path.join(entry.parentPath, entry.name);
    total += statSync(full).size;
    if (total > MAX_ANNOTATION_IMPORT_BYTES) throw new CliError(`${root} holds more than ${MAX_ANNOTATION_IMPORT_BYTES / MB} MB of .ann and .txt files.`);
    files.push(readOne(full, path.relative(root, full).split(path.sep).join("/")));
  }
  return files;
}

function readInput(file: string): { files: ImportFile[]; guessed: ImportFormatName | null } {
  let isFolder: boolean;
  try {
    isFolder = statSync(file).isDirectory();
  } catch (error) {
    throw new CliError(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? error}).`);
  }
  if (isFolder) return { files: readFolder(file), guessed: "brat" };
  return { files: [readOne(file, path.basename(file))], guessed: guessImportFormat(file) };
}

async function projectFor(args: AnnotationArgs, actor: SessionUser): Promise<{ id: number; name: string }> {
  const found = await findProjectByName(args.project);
  if (found !== null) return found;
  if (!args.createProject) {
    const names = await listProjectNames();
    throw new CliError(`No project named “${args.project}”.${names.length ? ` Projects: ${names.join(", ")}.` : ""} Pass --create-project to create it.`);
  }
  const created = await createProject(actor, { name: args.project, description: "" });
  if (!created.ok) throw new CliError(created.error);
  return { id: created.projectId, name: args.project };
}

class DryRunOver extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/** Runs the import; a dry run that had to create the project rolls the project back too. */
export async function runAnnotationImport(args: AnnotationArgs): Promise<{ report: ImportReport; projectName: string }> {
  const actor = await actorFor(args.as);
  const inputs = args.annotations.map(readInput);
  const files = inputs.flatMap((i) => i.files);
  const guessed = inputs[0]?.guessed ?? null;
  const options = importOptionsSchema.safeParse({ format: args.format ?? guessed, layer: args.layer ?? "as-exported", dryRun: args.dryRun });
  if (!options.success) throw new CliError(options.error.issues[0]!.message + (guessed === null && args.format === undefined ? " Pass --format." : ""));
  const once = async (): Promise<{ report: ImportReport; projectName: string }> => {
    const project = await projectFor(args, actor);
    const result = await importAnnotations(actor, project.id, { ...options.data, files });
    if (!result.ok) throw new CliError(`${result.error}${args.as === undefined ? " Pass --as with the username of one of its managers." : ""}`);
    return { report: result.report, projectName: project.name };
  };
  if (!args.dryRun || (await findProjectByName(args.project)) !== null) return once();
  // The project would be created: do it inside a transaction that the dry run then undoes.
  let outcome: { report: ImportReport; projectName: string } | null = null;
  try {
    await getDb().transaction(async () => {
      outcome = await once();
      throw new DryRunOver(outcome.report);
    });
  } catch (error) {
    if (!(error instanceof DryRunOver)) throw error;
  }
  return outcome!;
}

export function printReport(report: ImportReport, projectName: string): void {
  const out = report.refused.length > 0 ? console.error : console.log;
  out(`${reportHeadline(report)} (project “${projectName}”, ${report.format}, layer ${report.layer}${report.dryRun ? ", dry run" : ""})`);
  for (const line of reportLines(report)) console.log(`  ${line}`);
  if (report.refused.length > 0) {
    console.error(`Refused (${report.refused.length}):`);
    for (const r of report.refused) console.error(`  ${r.ref}: ${r.reason}`);
  }
}
