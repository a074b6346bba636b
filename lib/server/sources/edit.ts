// Curators rename a source, change its kind or affiliation, and add or remove aliases. Names
// stay unique per project (letter case and diacritics aside); an alias may repeat another
// source's name, since two people can share a name, but the answer says so and points at a
// merge, which is what a clash usually means.
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { sources } from "@/db/tables";
import { foldName } from "@/lib/sources/near-match";
import type { SourceDto } from "@/lib/validation/annotations";
import { ALIASES_MAX, updateSourceSchema, type UpdateSourceInput } from "@/lib/validation/sources";
import { fail, invalid, type Failure } from "../annotations/result";
import type { Conn } from "../annotations/scope";
import { recordAudit } from "../audit";
import { lockProject } from "../locks";
import type { SessionUser } from "../session";
import { curatorAccess, sourceGone } from "./access";
import { sourceColumns } from "./registry";
import { first } from "@/db/rows";

export type UpdateSourceResult = { ok: true; source: SourceDto; warnings: string[] } | (Failure & { existing?: SourceDto });

type Others = Pick<SourceDto, "id" | "name" | "aliases">[];

function nameClash(others: Others, name: string): Pick<SourceDto, "id" | "name" | "aliases"> | undefined {
  return others.find((o) => foldName(o.name) === foldName(name));
}

/** The aliases after the change, or the reason it is refused. */
function nextAliases(source: SourceDto, name: string, input: UpdateSourceInput): string[] | Failure {
  let aliases = [...source.aliases];
  for (const gone of input.removeAliases ?? []) {
    const at = aliases.findIndex((a) => foldName(a) === foldName(gone));
    if (at < 0) return invalid(`“${gone}” is not an alias of “${source.name}”.`);
    aliases.splice(at, 1);
  }
  // Renaming a source to one of its aliases turns that alias into the name.
  aliases = aliases.filter((a) => foldName(a) !== foldName(name));
  for (const added of input.addAliases ?? []) {
    if (foldName(added) === foldName(name)) return invalid(`“${added}” is the source's own name, not an alias.`);
    if (aliases.some((a) => foldName(a) === foldName(added))) return invalid(`“${added}” is already an alias of “${name}”.`);
    aliases.push(added);
  }
  if (aliases.length > ALIASES_MAX) return invalid(`A source has at most ${ALIASES_MAX} aliases.`);
  return aliases;
}

function clashWarnings(others: Others, added: string[]): string[] {
  const warnings: string[] = [];
  for (const alias of added) {
    const named = nameClash(others, alias);
    const aliased = others.find((o) => o.aliases.some((a) => foldName(a) === foldName(alias)));
    if (named) warnings.push(`“${alias}” is also the name of another source, “${named.name}”. If they are the same speaker, merge them.`);
    else if (aliased) warnings.push(`“${alias}” is also an alias of “${aliased.name}”. If they are the same speaker, merge them.`);
  }
  return warnings;
}

async function applyUpdate(tx: Conn, user: SessionUser, projectId: number, before: SourceDto, input: UpdateSourceInput): Promise<UpdateSourceResult> {
  const others = (
    await tx.select({ id: sources.id, name: sources.name, aliases: sources.aliases }).from(sources).where(eq(sources.projectId, projectId))
  ).filter((o) => o.id !== before.id);
  const name = input.name ?? before.name;
  const taken = input.name === undefined ? undefined : nameClash(others, name);
  if (taken !== undefined) {
    const existing = (await first(tx.select(sourceColumns).from(sources).where(eq(sources.id, taken.id))))!;
    return { ...fail(409, "duplicate", `Another source is already named “${taken.name}”. To make them one, merge them instead.`), existing };
  }
  const aliases = nextAliases(before, name, input);
  if (!Array.isArray(aliases)) return aliases;
  const values = {
    name,
    kind: input.kind ?? before.kind,
    affiliation: input.affiliation === undefined ? before.affiliation : input.affiliation || null,
    aliases,
  };
  const source = (await first(tx.update(sources).set(values).where(eq(sources.id, before.id)).returning(sourceColumns)))!;
  await recordAudit(tx, {
    actorId: user.id,
    action: "update",
    entity: "source",
    entityId: before.id,
    before: { projectId, ...before },
    after: { projectId, ...source },
  });
  return { ok: true, source, warnings: clashWarnings(others, input.addAliases ?? []) };
}

/** A curator edits a source of the project; fields left out keep their values. `input` is checked against updateSourceSchema. */
export async function updateSource(user: SessionUser, projectId: number, sourceId: number, input: unknown): Promise<UpdateSourceResult> {
  return getDb().transaction(
    async (tx): Promise<UpdateSourceResult> => {
      await lockProject(tx, projectId); // the name and alias checks hold until the write, also on PostgreSQL
      const access = await curatorAccess(tx, user, projectId, "edit sources");
      if ("ok" in access) return access;
      const parsed = updateSourceSchema.safeParse(input);
      if (!parsed.success) return invalid(parsed.error.issues[0]!.message);
      const before = await first(
        tx
          .select(sourceColumns)
          .from(sources)
          .where(and(eq(sources.id, sourceId), eq(sources.projectId, projectId))),
      );
      if (before === undefined) return sourceGone(sourceId);
      return applyUpdate(tx, user, projectId, before, parsed.data);
    },
    { behavior: "immediate" },
  );
}
