// The annotation route handlers, called with real Requests against a real database. Only
// next/headers is mocked: it is the one thing Next.js provides only inside a request, and
// here it hands over the cookie of a real session.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as history } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/history/route";
import { POST as restore } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/restore/route";
import { DELETE, PATCH } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/route";
import { GET as list, POST as create } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/route";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { addMember, admin, presentCookie, project, reviewer, signInAs } from "./helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
const signIn = signInAs;

const TEXT = "Tap 👍🏽 then “قال الوزير” — ok";
const QUOTE = { kind: "quote", start: 13, end: 23, exact: "قال الوزير" };

function request(method: string, body?: string, query = ""): Request {
  return new Request(`http://localhost/api/x${query}`, {
    method,
    body,
    headers: { "content-type": "application/json", origin: "http://localhost" },
  });
}
const json = (value: unknown) => JSON.stringify(value);
// Next passes exactly the route's segments; annotationId only on the routes that have it.
function at(projectId: number | string, documentId: number | string): { params: Promise<{ projectId: string; documentId: string }> };
function at(
  projectId: number | string,
  documentId: number | string,
  annotationId: number | string,
): { params: Promise<{ projectId: string; documentId: string; annotationId: string }> };
function at(projectId: number | string, documentId: number | string, annotationId?: number | string) {
  const ids = { projectId: String(projectId), documentId: String(documentId) };
  return { params: Promise.resolve(annotationId === undefined ? ids : { ...ids, annotationId: String(annotationId) }) };
}

let ana: SessionUser;
let bo: SessionUser;
let projectId: number;
let documentId: number;

beforeAll(async () => {
  await admin();
  ana = await reviewer("ana");
  bo = await reviewer("bo");
  projectId = await project();
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, bo, "annotator");
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text: TEXT }], {});
  if (!result.ok) throw new Error("import failed");
  documentId = result.documents[0]!.id;
});

async function createdSpan(user = ana): Promise<AnnotationDto> {
  await signIn(user);
  const response = await create(request("POST", json(QUOTE)), at(projectId, documentId));
  expect(response.status).toBe(201);
  return (await response.json()) as AnnotationDto;
}

describe("without a valid session", () => {
  it("answers 401 JSON to every method, before looking at ids or bodies", async () => {
    await signIn(null);
    for (const response of [
      await list(request("GET"), at(projectId, documentId)),
      await create(request("POST", "{not json"), at("abc", documentId)),
      await PATCH(request("PATCH", json({ version: 1 })), at(projectId, documentId, 1)),
      await DELETE(request("DELETE", json({ version: 1 })), at(projectId, documentId, 1)),
      await restore(request("POST"), at(projectId, documentId, 1)),
      await history(request("GET"), at(projectId, documentId, 1)),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: "Sign in to continue." });
    }
    presentCookie("not-a-real-session-token");
    expect((await list(request("GET"), at(projectId, documentId))).status).toBe(401);
  });
});

describe("creating a span over HTTP", () => {
  it("answers 201 with the span; GET lists it", async () => {
    const span = await createdSpan();
    expect(span).toMatchObject({ start: 13, end: 23, exact: "قال الوزير", version: 1, annotatorName: "ana" });
    const response = await list(request("GET"), at(projectId, documentId));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { annotations: AnnotationDto[] };
    expect(body.annotations.map((a) => a.id)).toContain(span.id);
  });

  it("answers 400 to malformed JSON and to an empty body", async () => {
    await signIn(ana);
    for (const body of ["{kind: claim", "", undefined]) {
      const response = await create(request("POST", body), at(projectId, documentId));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: "The request body is not valid JSON." });
    }
  });

  it("answers 413 to a body larger than any span could need", async () => {
    await signIn(ana);
    const response = await create(request("POST", json({ ...QUOTE, note: "x".repeat(11 * 1024 * 1024) })), at(projectId, documentId));
    expect(response.status).toBe(413);
  });

  it("answers 422 with field errors to a body of the wrong shape", async () => {
    await signIn(ana);
    const missing = await create(request("POST", json({ kind: "claim", start: 0, end: 3 })), at(projectId, documentId));
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: "invalid", fieldErrors: { exact: expect.any(String) } });
    const kind = await create(request("POST", json({ ...QUOTE, kind: "rumour" })), at(projectId, documentId));
    expect(await kind.json()).toMatchObject({ error: "kind: Kind must be claim, opinion or quote." });
    const extra = await create(request("POST", json({ ...QUOTE, colour: "red" })), at(projectId, documentId));
    expect(await extra.json()).toMatchObject({ error: "Unknown field “colour”." });
    for (const body of ["null", "[]", '"text"', json({ ...QUOTE, start: "13" }), json({ ...QUOTE, start: 1.5 })]) {
      expect((await create(request("POST", body), at(projectId, documentId))).status).toBe(422);
    }
  });

  it("answers 422 when the offsets are UTF-16 code units instead of code points", async () => {
    await signIn(ana);
    const response = await create(request("POST", json({ ...QUOTE, start: 15, end: 25 })), at(projectId, documentId));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toContain("does not match the document");
  });

  it("answers 404 to an id that is not a number, a missing document, another project's document and a non-member", async () => {
    await signIn(ana);
    const other = await project();
    const elsewhere = await importDocuments({ kind: "system", label: "test" }, other, [{ text: "Other text." }], {});
    const otherDoc = elsewhere.ok ? elsewhere.documents[0]!.id : 0;
    for (const where of [at("abc", documentId), at(projectId, "1e3"), at(projectId, 99_999), at(projectId, otherDoc), at(other, otherDoc)]) {
      const response = await create(request("POST", json(QUOTE)), where);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: expect.any(String) });
    }
    await signIn(await reviewer());
    expect((await list(request("GET"), at(projectId, documentId))).status).toBe(404);
  });
});

describe("changing a span over HTTP", () => {
  it("edits, deletes, restores and shows the history", async () => {
    const span = await createdSpan();
    const edited = await PATCH(request("PATCH", json({ version: 1, note: "minister" })), at(projectId, documentId, span.id));
    expect(await edited.json()).toMatchObject({ version: 2, note: "minister" });
    const deleted = await DELETE(request("DELETE", json({ version: 2 })), at(projectId, documentId, span.id));
    expect(await deleted.json()).toMatchObject({ version: 3, deletedAt: expect.any(String) });
    const listed = (await (await list(request("GET", undefined, "?deleted=1"), at(projectId, documentId))).json()) as { annotations: AnnotationDto[] };
    expect(listed.annotations.find((a) => a.id === span.id)?.deletedAt).not.toBeNull();
    const restored = await restore(request("POST"), at(projectId, documentId, span.id));
    expect(await restored.json()).toMatchObject({ version: 4, deletedAt: null });
    const trail = (await (await history(request("GET"), at(projectId, documentId, span.id))).json()) as { entries: { action: string }[] };
    expect(trail.entries.map((e) => e.action)).toEqual(["create", "update", "delete", "restore"]);
  });

  it("answers 409 stale with the current span, and lets one of two concurrent PATCHes win", async () => {
    const span = await createdSpan();
    const [a, b] = await Promise.all([
      PATCH(request("PATCH", json({ version: 1, note: "tab A" })), at(projectId, documentId, span.id)),
      PATCH(request("PATCH", json({ version: 1, note: "tab B" })), at(projectId, documentId, span.id)),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (await (a.status === 409 ? a : b).json()) as { code: string; current: AnnotationDto };
    expect(loser).toMatchObject({ code: "stale", current: { id: span.id, version: 2 } });
  });

  it("answers 403 not_owner, 404 for a hidden or unknown span, 400/422 for bad bodies", async () => {
    const span = await createdSpan(ana);
    await signIn(await admin());
    const other = await PATCH(request("PATCH", json({ version: 1, note: "x" })), at(projectId, documentId, span.id));
    expect([other.status, ((await other.json()) as { code: string }).code]).toEqual([403, "not_owner"]);
    await signIn(bo);
    expect((await PATCH(request("PATCH", json({ version: 1, note: "x" })), at(projectId, documentId, span.id))).status).toBe(404);
    expect((await history(request("GET"), at(projectId, documentId, span.id))).status).toBe(404);
    await signIn(ana);
    expect((await PATCH(request("PATCH", json({ version: 1 })), at(projectId, documentId, 424_242))).status).toBe(404);
    expect((await PATCH(request("PATCH", "{"), at(projectId, documentId, span.id))).status).toBe(400);
    expect((await PATCH(request("PATCH", json({ note: "no version" })), at(projectId, documentId, span.id))).status).toBe(422);
    expect((await DELETE(request("DELETE"), at(projectId, documentId, span.id))).status).toBe(400);
    expect((await DELETE(request("DELETE", json({ version: 0 })), at(projectId, documentId, span.id))).status).toBe(422);
    expect((await list(request("GET", undefined, "?annotator=x"), at(projectId, documentId))).status).toBe(422);
  });
});
