// The CSV downloads under the comparison's charts, called as the browser calls them: a real
// Request with the session cookie (only next/headers is mocked, see helpers.ts).
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as projectCsv } from "@/app/projects/[projectId]/compare/csv/route";
import { GET as storyCsv } from "@/app/projects/[projectId]/stories/[storyId]/csv/route";
import { getDb } from "@/db";
import { one } from "@/db/rows";
import { documents, stories } from "@/db/tables";
import { comparisonTables, tableToCsv } from "@/lib/compare";
import { loadComparison, type LayerChoice } from "@/lib/server/compare";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { markText } from "./adjudication-helpers";
import { addMember, admin, project, reviewer, signInAs } from "./helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

const TEXT = "Mayor Reyes said the levy is fair. Rates go up in May.";
const TABLES = ["outlets", "documents", "speakers", "claims", "perspective"];

let manager: SessionUser, ana: SessionUser, bo: SessionUser, outsider: SessionUser;
let P: number, S: number, otherStory: number;

const story = (storyId: number | string, query: string) =>
  storyCsv(new Request(`http://127.0.0.1:3000/projects/${P}/stories/${storyId}/csv?${query}`), {
    params: Promise.resolve({ projectId: String(P), storyId: String(storyId) }),
  });
const whole = (projectId: number | string, query: string) =>
  projectCsv(new Request(`http://127.0.0.1:3000/projects/${projectId}/compare/csv?${query}`), { params: Promise.resolve({ projectId: String(projectId) }) });

async function expected(user: SessionUser, storyId: number | null, table: string, layer: LayerChoice = { reviewerId: null }): Promise<string> {
  const loaded = await loadComparison(user, P, storyId, layer);
  if (!loaded.ok) throw new Error(loaded.error);
  const tables = comparisonTables(loaded.view.comparison, loaded.view.input) as Record<string, Parameters<typeof tableToCsv>[0]>;
  return `\uFEFF${tableToCsv(tables[table]!)}`;
}

const storyOf = async (projectId: number): Promise<number> =>
  (await one(getDb().select({ id: stories.id }).from(stories).where(eq(stories.projectId, projectId)))).id;

beforeAll(async () => {
  manager = await admin();
  [ana, bo, outsider] = [await reviewer("ana"), await reviewer("bo"), await reviewer("outsider")];
  P = await project("Port Calder: Water & Levy");
  await addMember(P, ana, "annotator");
  await addMember(P, bo, "annotator");
  for (const [text, meta] of [
    [TEXT, { outlet: "Daily Ledger", story: "Levy vote!", publishedAt: "2024-03-01" }],
    [`${TEXT} Later.`, { story: "Levy vote!" }],
    ["Nothing to do with the levy.", {}],
  ] as const) {
    const result = await importDocuments({ kind: "system", label: "test" }, P, [{ text }], meta);
    if (!result.ok) throw new Error(result.problems[0]!.message);
  }
  S = await storyOf(P);
  const [d1] = (await getDb().select({ id: documents.id }).from(documents).where(eq(documents.projectId, P)).orderBy(asc(documents.id))).map((r) => r.id);
  await markText(ana, P, d1!, TEXT, "quote", "the levy is fair", { speaker_text: "Mayor Reyes", speaker_type: "named_person" });
  await markText(bo, P, d1!, TEXT, "claim", "Rates go up in May", { certainty: "certain" });
  const Q = await project("Elsewhere");
  const other = await importDocuments({ kind: "system", label: "test" }, Q, [{ text: "Other project." }], { story: "Theirs" });
  if (!other.ok) throw new Error("seed");
  otherStory = await storyOf(Q);
});

describe("a story's CSV tables", () => {
  it("serve each table as the page computes it: UTF-8 with a BOM, as an attachment named after project, story and table", async () => {
    await signInAs(manager);
    for (const table of TABLES) {
      const response = await story(S, `table=${table}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toContain(`attachment; filename="port-calder-water-levy-levy-vote-${table}.csv"`);
      const body = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
      expect(body.startsWith("\uFEFF")).toBe(true);
      expect(body).toBe(await expected(manager, S, table));
    }
  });

  it("follow the layer asked for", async () => {
    await signInAs(manager);
    const body = await (await story(S, `table=documents&layer=reviewer:${bo.id}`)).text();
    expect(body).toContain("Reviewer: bo");
    expect(body).toBe((await expected(manager, S, "documents", { reviewerId: bo.id })).slice(1));
  });

  it("answer an unknown or missing table with 400 and the list of tables", async () => {
    await signInAs(manager);
    for (const query of ["table=everything", ""]) {
      const response = await story(S, query);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(TABLES.join(", "));
    }
  });

  it("give a blind annotator their own layer only", async () => {
    await signInAs(ana);
    const body = await (await story(S, `table=speakers&layer=reviewer:${bo.id}`)).text();
    expect(body).toBe((await expected(ana, S, "speakers")).slice(1));
    expect(body).toContain("Mayor Reyes");
    expect(await (await story(S, "table=documents")).text()).not.toContain("Reviewer: bo");
  });

  it("are not found for a non-member, another project's story or a malformed id, and need a session", async () => {
    await signInAs(outsider);
    expect((await story(S, "table=outlets")).status).toBe(404);
    await signInAs(manager);
    expect((await story(otherStory, "table=outlets")).status).toBe(404);
    expect((await story("abc", "table=outlets")).status).toBe(404);
    expect((await story(2 ** 40, "table=outlets")).status).toBe(404);
    await signInAs(null);
    expect((await story(S, "table=outlets")).status).toBe(401);
  });
});

describe("the whole project's CSV tables", () => {
  it("cover every document of the project, named for all stories", async () => {
    await signInAs(manager);
    const response = await whole(P, "table=documents");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain('filename="port-calder-water-levy-all-stories-documents.csv"');
    const body = await response.text();
    expect(body).toBe((await expected(manager, null, "documents")).slice(1));
    expect(body.trimEnd().split("\r\n")).toHaveLength(1 + 3);
  });

  it("are not found for a non-member or an unknown project, and need a session", async () => {
    await signInAs(outsider);
    expect((await whole(P, "table=outlets")).status).toBe(404);
    await signInAs(manager);
    expect((await whole(999_999, "table=outlets")).status).toBe(404);
    await signInAs(null);
    expect((await whole(P, "table=outlets")).status).toBe(401);
  });
});
