// The claim-link route handlers, called with real Requests on a real database. Only
// next/headers is mocked, to hand over the cookie of a real session.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as unlink } from "@/app/api/projects/[projectId]/claim-links/[annotationId]/route";
import { POST as link } from "@/app/api/projects/[projectId]/claim-links/route";
import { GET as matches } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/matches/route";
import { getDb } from "@/db";
import { adjudications, projects } from "@/db/tables";
import { decide } from "@/lib/server/adjudication";
import { createAnnotation } from "@/lib/server/annotations";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer, signInAs } from "./helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

const WIRE = "The levy will add $9 a month to a typical water bill.";
const PRESS = "Critics say the levy adds $9 a month to every water bill.";

let mona: SessionUser;
let ana: SessionUser;
let jude: SessionUser;
let outsider: SessionUser;
let p: number;
let wire: number;
let press: number;
let lone: number;

async function importOne(projectId: number, text: string, story?: string): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text }], { story });
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.documents[0]!.id;
}

async function claim(user: SessionUser, documentId: number, text: string, projectId = p): Promise<number> {
  const made = await createAnnotation(user, projectId, documentId, { kind: "claim", start: 0, end: text.length - 1, exact: text.slice(0, -1) });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

function request(method: string, body?: string, query = ""): Request {
  return new Request(`http://localhost/api/x${query}`, { method, body, headers: { "content-type": "application/json", origin: "http://localhost" } });
}
const json = (value: unknown): string => JSON.stringify(value);
const params = <T extends Record<string, number | string>>(ids: T) => ({
  params: Promise.resolve(Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, String(v)])) as { [K in keyof T]: string }),
});
const post = (projectId: number | string, body: unknown) => link(request("POST", typeof body === "string" ? body : json(body)), params({ projectId }));
const del = (projectId: number | string, annotationId: number | string) => unlink(request("DELETE"), params({ projectId, annotationId }));
const get = (projectId: number | string, documentId: number | string, annotationId: number | string, query = "") =>
  matches(request("GET", undefined, query), params({ projectId, documentId, annotationId }));

beforeAll(async () => {
  [mona, ana, jude, outsider] = [await reviewer("mona"), await reviewer("ana"), await reviewer("jude"), await reviewer("nico")];
  p = await project();
  await addMember(p, mona, "manager");
  await addMember(p, ana, "annotator");
  await addMember(p, jude, "adjudicator");
  wire = await importOne(p, WIRE, "Levy vote");
  press = await importOne(p, PRESS, "Levy vote");
  lone = await importOne(p, `${WIRE} Again.`);
});

describe("without a valid session", () => {
  it("answers 401 to every handler before looking at ids or bodies", async () => {
    await signInAs(null);
    for (const response of [await post("abc", "{bad"), await del(p, "x"), await get(p, wire, 1)]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: "Sign in to continue." });
    }
  });
});

describe("linking, reading and unlinking over HTTP", () => {
  it("links two spans, shows the link and the suggestions, and unlinks one", async () => {
    const a = await claim(mona, wire, WIRE);
    const b = await claim(mona, press, PRESS);
    await signInAs(mona);
    const before = await get(p, wire, a);
    expect(before.status).toBe(200);
    const suggested = (await before.json()) as {
      link: { linkId: number | null };
      suggestions: { annotationId: number; score: number; outletName: string | null }[];
    };
    expect(suggested.link).toEqual({ linkId: null, spans: [] });
    expect(suggested.suggestions.map((s) => s.annotationId)).toEqual([b]);

    const linked = await post(p, { annotationId: a, otherAnnotationId: b });
    expect(linked.status).toBe(200);
    const body = (await linked.json()) as { linkId: number; spans: { annotationId: number }[] };
    expect(body.spans.map((s) => s.annotationId).sort()).toEqual([a, b].sort());
    const after = (await (await get(p, wire, a)).json()) as { link: { linkId: number; spans: unknown[] }; suggestions: unknown[] };
    expect(after.link).toMatchObject({ linkId: body.linkId });
    expect(after.link.spans).toHaveLength(2);
    expect(after.suggestions).toEqual([]);

    const removed = await del(p, b);
    expect(removed.status).toBe(204);
    expect(((await (await get(p, wire, a)).json()) as { link: unknown }).link).toEqual({ linkId: null, spans: [] });
    const again = await del(p, b);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: "This span is not linked to any other span." });
  });

  it("answers 400 to malformed JSON and to a span linked to itself, 422 to a body of the wrong shape", async () => {
    const a = await claim(mona, wire, WIRE);
    await signInAs(mona);
    expect((await post(p, "{annotationId: 1")).status).toBe(400);
    const self = await post(p, { annotationId: a, otherAnnotationId: a });
    expect(self.status).toBe(400);
    expect(((await self.json()) as { error: string }).error).toContain("itself");
    for (const body of [
      { annotationId: a },
      { annotationId: String(a), otherAnnotationId: a },
      { annotationId: a, otherAnnotationId: 1.5 },
      { annotationId: a, otherAnnotationId: 2, colour: "red" },
    ]) {
      const response = await post(p, body);
      expect(response.status).toBe(422);
      expect(await response.json()).toMatchObject({ code: "invalid", error: expect.any(String) });
    }
    const limit = await get(p, wire, a, "?limit=0");
    expect(limit.status).toBe(422);
    expect(await limit.json()).toMatchObject({ error: "limit must be a whole number from 1 to 50." });
  });

  it("answers 409 with the reason for a document in no story", async () => {
    const a = await claim(mona, wire, WIRE);
    const b = await claim(mona, lone, WIRE);
    await signInAs(mona);
    const refused = await post(p, { annotationId: a, otherAnnotationId: b });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toContain("is in no story");
    const none = await get(p, lone, b);
    expect(none.status).toBe(409);
    expect(((await none.json()) as { error: string }).error).toContain("is in no story");
  });

  it("answers 404 to a non-member, another project's span, a span of another document and ids that are not numbers", async () => {
    const a = await claim(mona, wire, WIRE);
    const b = await claim(mona, press, PRESS);
    const other = await project();
    await addMember(other, mona, "manager");
    const elsewhere = await importOne(other, PRESS, "Levy vote");
    const foreign = await claim(mona, elsewhere, PRESS, other);
    await signInAs(outsider);
    expect((await post(p, { annotationId: a, otherAnnotationId: b })).status).toBe(404);
    expect((await del(p, a)).status).toBe(404);
    expect((await get(p, wire, a)).status).toBe(404);
    await signInAs(mona);
    expect((await post(p, { annotationId: a, otherAnnotationId: foreign })).status).toBe(404);
    expect((await post(other, { annotationId: foreign, otherAnnotationId: a })).status).toBe(404);
    expect((await get(p, press, a)).status).toBe(404);
    expect((await get(p, wire, "abc")).status).toBe(404);
    expect((await del("1e3", a)).status).toBe(404);
  });

  it("answers 403 to an annotator linking a gold span (blind mode off), and lets an adjudicator do it", async () => {
    await getDb()
      .update(projects)
      .set({ settings: { blindMode: false } })
      .where(eq(projects.id, p));
    const decided = await decide(jude, p, wire, { action: "add", kind: "claim", start: 0, end: 8 });
    if (!decided.ok) throw new Error(decided.error);
    const gold = (await first(getDb().select({ id: adjudications.goldAnnotationId }).from(adjudications).where(eq(adjudications.id, decided.adjudicationId))))!
      .id!;
    const anas = await claim(ana, press, PRESS);
    await signInAs(ana);
    const refused = await post(p, { annotationId: anas, otherAnnotationId: gold });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "forbidden", error: "Only managers and adjudicators can link or unlink gold spans." });
    await signInAs(jude);
    expect((await post(p, { annotationId: anas, otherAnnotationId: gold })).status).toBe(200);
    await signInAs(ana);
    expect((await del(p, gold)).status).toBe(403);
  });
});
