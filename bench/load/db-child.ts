// The load bench's work that runs through lib/server: seeding a database, and timing the data
// layer on the database a phase left behind. It runs in a child process (tsx) because the
// dialect, and with it the tables every lib/server module queries (db/tables.ts), is fixed
// when those modules load: the parent starts one child per database with DATABASE_PATH (SQLite)
// or DATABASE_URL (PostgreSQL) set, and reads its answer from a JSON file.
//   tsx bench/load/db-child.ts seed <reviewers> <documents> <out.json>
//   tsx bench/load/db-child.ts data-layer <seed.json> <out.json>
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { measureDataLayer } from "./data-layer";
import { loadDocument } from "./reviewer";
import { seedDatabase, type Seed } from "./seed";
import { buildArticles, corpusParagraphs } from "./texts";

const CORPUS = path.resolve(process.cwd(), "..", "shared", "corpus");

export interface SeedFile extends Seed {
  /** Whether the paragraphs came from ../shared/corpus (else generated text). */
  fromCorpus: boolean;
}

async function main(): Promise<void> {
  const [task, a, b, c] = process.argv.slice(2);
  if (task === "seed" && c !== undefined) {
    const paragraphs = corpusParagraphs(CORPUS);
    const seed = await seedDatabase(Number(a), buildArticles(Number(b), 6, paragraphs));
    const out: SeedFile = { ...seed, fromCorpus: paragraphs.length > 0 };
    writeFileSync(c, JSON.stringify(out));
  } else if (task === "data-layer" && b !== undefined) {
    const seed = JSON.parse(readFileSync(a!, "utf8")) as SeedFile;
    const first = seed.documents[0]!;
    writeFileSync(b, JSON.stringify(await measureDataLayer(seed.projectId, loadDocument(first.id, first.text))));
  } else {
    throw new Error(`usage: db-child.ts seed <reviewers> <documents> <out.json> | data-layer <seed.json> <out.json> (got ${process.argv.slice(2).join(" ")})`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
