// Sources: members search and add them; names are unique per project in any letter case.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, sources } from "@/db/schema";
import type { SessionUser } from "@/lib/server/session";
import { createSource, getSource, searchSources, sourceNamesFor } from "@/lib/server/sources";
import { addMember, project, reviewer } from "./helpers";

let ana: SessionUser;
let projectId: number;
let otherProject: number;

function add(name: string, aliases: string[] = [], inProject = projectId): number {
  return getDb().insert(sources).values({ projectId: inProject, name, kind: "person", aliases }).returning().get().id;
}

beforeAll(async () => {
  ana = await reviewer("ana");
  projectId = await project();
  otherProject = await project();
  addMember(projectId, ana, "annotator");
  add("Zelensky, Volodymyr", ["Volodymyr Zelenskyy"]);
  add("Émile Zola");
  add("Ministry of Defence", ["MoD"]);
  add("Amiri", ["a former western diplomat"]);
  add("Émile Durkheim", [], otherProject);
});

describe("searching sources", () => {
  const names = (q: string, limit?: number) => searchSources(ana, projectId, q, limit)!.map((s) => s.name);

  it("matches a substring of the name or an alias, ignoring case, ordered by name", () => {
    expect(names("MI")).toEqual(["Amiri", "Émile Zola", "Ministry of Defence"]);
    expect(names("mod")).toEqual(["Ministry of Defence"]);
    expect(names("western")).toEqual(["Amiri"]);
    expect(names("zelenskyy")).toEqual(["Zelensky, Volodymyr"]);
  });

  it("folds case beyond ASCII and keeps other projects' sources out", () => {
    expect(names("ÉMILE")).toEqual(["Émile Zola"]);
  });

  it("lists the first sources by name for an empty query, up to the limit", () => {
    expect(names("", 2)).toEqual(["Amiri", "Émile Zola"]);
  });

  it("gives null to a non-member", async () => {
    const stranger = await reviewer();
    expect(searchSources(stranger, projectId, "a")).toBeNull();
    expect(searchSources(ana, otherProject, "")).toBeNull();
  });
});

describe("adding a source", () => {
  it("lets any member add one, and audits it", () => {
    const result = createSource(ana, projectId, { name: "  Jane Roe ", kind: "person", affiliation: "City council" });
    expect(result).toMatchObject({ ok: true, source: { name: "Jane Roe", kind: "person", affiliation: "City council", aliases: [] } });
    if (!result.ok) return;
    const entry = getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "source"), eq(auditLog.entityId, result.source.id)))
      .get();
    expect(entry).toMatchObject({ actorId: ana.id, action: "create" });
  });

  it("refuses a name already in the project, in any letter case, returning the existing source", () => {
    const existing = getSource(ana, projectId, add("John Doe"))!;
    const result = createSource(ana, projectId, { name: "JOHN DOE", kind: "organization" });
    expect(result).toMatchObject({ ok: false, status: 409, code: "duplicate", existing });
    expect(
      getDb()
        .select()
        .from(sources)
        .where(eq(sources.projectId, projectId))
        .all()
        .filter((s) => s.name.toLowerCase() === "john doe"),
    ).toHaveLength(1);
  });

  it("allows the same name in another project", () => {
    addMember(otherProject, ana, "annotator");
    expect(createSource(ana, otherProject, { name: "Amiri", kind: "person" }).ok).toBe(true);
  });

  it("answers 404 to a non-member", async () => {
    const stranger = await reviewer();
    expect(createSource(stranger, projectId, { name: "Someone", kind: "person" })).toMatchObject({ ok: false, status: 404 });
  });
});

describe("reading sources", () => {
  it("gets a source of the project for a member, null otherwise", async () => {
    const id = add("Read Me");
    const foreign = add("Elsewhere", [], otherProject);
    expect(getSource(ana, projectId, id)).toMatchObject({ id, name: "Read Me" });
    expect(getSource(ana, projectId, foreign)).toBeNull();
    expect(getSource(await reviewer(), projectId, id)).toBeNull();
  });

  it("names the given sources of the project, leaving out others", () => {
    const id = add("Named");
    const foreign = add("Not here", [], otherProject);
    expect(sourceNamesFor(ana, projectId, [id, foreign])).toEqual({ [id]: "Named" });
  });
});
