// Sources: members search and add them; names are unique per project in any letter case.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, sources } from "@/db/tables";
import type { SessionUser } from "@/lib/server/session";
import { createSource, getSource, searchSources, sourceNamesFor } from "@/lib/server/sources";
import { addMember, project, reviewer } from "./helpers";
import { first, one } from "@/db/rows";

let ana: SessionUser;
let projectId: number;
let otherProject: number;

async function add(name: string, aliases: string[] = [], inProject = projectId): Promise<number> {
  return (await one(getDb().insert(sources).values({ projectId: inProject, name, kind: "person", aliases }).returning())).id;
}

beforeAll(async () => {
  ana = await reviewer("ana");
  projectId = await project();
  otherProject = await project();
  await addMember(projectId, ana, "annotator");
  await add("Zelensky, Volodymyr", ["Volodymyr Zelenskyy"]);
  await add("Émile Zola");
  await add("Ministry of Defence", ["MoD"]);
  await add("Amiri", ["a former western diplomat"]);
  await add("Émile Durkheim", [], otherProject);
});

describe("searching sources", () => {
  const names = async (q: string, limit?: number) => (await searchSources(ana, projectId, q, limit))!.map((s) => s.name);

  it("matches a substring of the name or an alias, ignoring case, ordered by name", async () => {
    expect(await names("MI")).toEqual(["Amiri", "Émile Zola", "Ministry of Defence"]);
    expect(await names("mod")).toEqual(["Ministry of Defence"]);
    expect(await names("western")).toEqual(["Amiri"]);
    expect(await names("zelenskyy")).toEqual(["Zelensky, Volodymyr"]);
  });

  it("folds case beyond ASCII and keeps other projects' sources out", async () => {
    expect(await names("ÉMILE")).toEqual(["Émile Zola"]);
  });

  it("lists the first sources by name for an empty query, up to the limit", async () => {
    expect(await names("", 2)).toEqual(["Amiri", "Émile Zola"]);
  });

  it("gives null to a non-member", async () => {
    const stranger = await reviewer();
    expect(await searchSources(stranger, projectId, "a")).toBeNull();
    expect(await searchSources(ana, otherProject, "")).toBeNull();
  });
});

describe("adding a source", () => {
  it("lets any member add one, and audits it", async () => {
    const result = await createSource(ana, projectId, { name: "  Jane Roe ", kind: "person", affiliation: "City council" });
    expect(result).toMatchObject({ ok: true, source: { name: "Jane Roe", kind: "person", affiliation: "City council", aliases: [] } });
    if (!result.ok) return;
    const entry = await first(
      getDb()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entity, "source"), eq(auditLog.entityId, result.source.id))),
    );
    expect(entry).toMatchObject({ actorId: ana.id, action: "create" });
  });

  it("refuses a name already in the project, in any letter case, returning the existing source", async () => {
    const existing = (await getSource(ana, projectId, await add("John Doe")))!;
    const result = await createSource(ana, projectId, { name: "JOHN DOE", kind: "organization" });
    expect(result).toMatchObject({ ok: false, status: 409, code: "duplicate", existing });
    expect((await getDb().select().from(sources).where(eq(sources.projectId, projectId))).filter((s) => s.name.toLowerCase() === "john doe")).toHaveLength(1);
  });

  it("allows the same name in another project", async () => {
    await addMember(otherProject, ana, "annotator");
    expect((await createSource(ana, otherProject, { name: "Amiri", kind: "person" })).ok).toBe(true);
  });

  it("answers 404 to a non-member", async () => {
    const stranger = await reviewer();
    expect(await createSource(stranger, projectId, { name: "Someone", kind: "person" })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("reading sources", () => {
  it("gets a source of the project for a member, null otherwise", async () => {
    const id = await add("Read Me");
    const foreign = await add("Elsewhere", [], otherProject);
    expect(await getSource(ana, projectId, id)).toMatchObject({ id, name: "Read Me" });
    expect(await getSource(ana, projectId, foreign)).toBeNull();
    expect(await getSource(await reviewer(), projectId, id)).toBeNull();
  });

  it("names the given sources of the project, leaving out others", async () => {
    const id = await add("Named");
    const foreign = await add("Not here", [], otherProject);
    expect(await sourceNamesFor(ana, projectId, [id, foreign])).toEqual({ [id]: "Named" });
  });
});
