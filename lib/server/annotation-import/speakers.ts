// Speakers and targets named by a file, matched to the project's sources registry by name or
// alias, ignoring case (folded as the registry's search does, so “ÉMILE” finds Émile); a
// speaker the registry lacks is created with what the file says about it.
import { eq } from "drizzle-orm";
import { sources } from "@/db/tables";
import type { SpeakerRef } from "@/lib/export/import-types";
import { SOURCE_KINDS } from "@/lib/validation/annotations";
import { recordAudit } from "../audit";
import type { ImportRun } from "./types";
import { one } from "@/db/rows";

type SourceKind = (typeof SOURCE_KINDS)[number];

const fold = (s: string): string => s.trim().normalize("NFKC").toLocaleLowerCase();

interface Registry {
  byName: Map<string, number>;
  byAlias: Map<string, number>;
}

const registries = new WeakMap<ImportRun, Registry>();

async function registryOf(run: ImportRun): Promise<Registry> {
  let registry = registries.get(run);
  if (registry !== undefined) return registry;
  registry = { byName: new Map(), byAlias: new Map() };
  const rows = await run.tx.select({ id: sources.id, name: sources.name, aliases: sources.aliases }).from(sources).where(eq(sources.projectId, run.projectId));
  for (const row of rows) {
    registry.byName.set(fold(row.name), row.id);
    for (const alias of row.aliases) if (!registry.byAlias.has(fold(alias))) registry.byAlias.set(fold(alias), row.id);
  }
  registries.set(run, registry);
  return registry;
}

function match(registry: Registry, speaker: SpeakerRef): number | null {
  const names = [speaker.name, ...(speaker.aliases ?? [])].map(fold);
  for (const name of names) {
    const id = registry.byName.get(name) ?? registry.byAlias.get(name);
    if (id !== undefined) return id;
  }
  return null;
}

async function create(run: ImportRun, speaker: SpeakerRef): Promise<number> {
  const kind: SourceKind = SOURCE_KINDS.includes(speaker.kind as SourceKind) ? (speaker.kind as SourceKind) : "person";
  const values = {
    projectId: run.projectId,
    name: speaker.name.trim(),
    kind,
    affiliation: speaker.affiliation ?? null,
    description: speaker.description ?? "",
    aliases: [...(speaker.aliases ?? [])],
  };
  const row = await one(run.tx.insert(sources).values(values).returning({ id: sources.id }));
  await recordAudit(run.tx, { actorId: run.actor.id, action: "import", entity: "source", entityId: row.id, after: { id: row.id, ...values } });
  return row.id;
}

/** The registry id for this speaker, created when the project has none by that name or alias. */
export async function speakerId(run: ImportRun, speaker: SpeakerRef): Promise<number> {
  const key = fold(speaker.name);
  const known = run.speakers.get(key);
  if (known !== undefined) return known;
  const registry = await registryOf(run);
  let id = match(registry, speaker);
  if (id !== null) run.report.speakers.matched++;
  else {
    id = await create(run, speaker);
    run.report.speakers.created++;
    registry.byName.set(key, id);
    for (const alias of speaker.aliases ?? []) if (!registry.byAlias.has(fold(alias))) registry.byAlias.set(fold(alias), id);
  }
  run.speakers.set(key, id);
  return id;
}
