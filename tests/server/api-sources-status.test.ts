// The sources and document-status route handlers, called with real Requests against a real
// database; only next/headers is mocked, to hand over a real session's cookie.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createSpan } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/route";
import { GET as getStatus, POST as postStatus } from "@/app/api/projects/[projectId]/documents/[documentId]/status/route";
import { GET as searchRoute, POST as createRoute } from "@/app/api/projects/[projectId]/sources/route";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { addMember, admin, project, reviewer, signInAs } from "./helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
const signIn = signInAs;

function request(method: string, body?: string, query = ""): Request {
  return new Request(`http://localhost/api/x${query}`, { method, body, headers: { "content-type": "application/json", origin: "http://localhost" } });
}
const json = (value: unknown) => JSON.stringify(value);
const inProject = (projectId: number | string) => ({ params: Promise.resolve({ projectId: String(projectId) }) });
const onDocument = (projectId: number | string, documentId: number | string) => ({
  params: Promise.resolve({ projectId: String(projectId), documentId: String(documentId) }),
});

let manager: SessionUser;
let ana: SessionUser;
let projectId: number;
let n = 0;

async function newDocument(): Promise<number> {
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text: `Words of document ${++n}.` }], {});
  if (!result.ok) throw new Error("import failed");
  return result.documents[0]!.id;
}

beforeAll(async () => {
  manager = await admin();
  ana = await reviewer("ana");
  projectId = await project();
  await addMember(projectId, ana, "annotator");
});

describe("/api/projects/:projectId/sources", () => {
  it("creates a source (201), finds it by substring, and refuses the same name with 409 and the existing source", async () => {
    await signIn(ana);
    const created = await createRoute(request("POST", json({ name: "Eli Lake", kind: "person", affiliation: "Bloomberg" })), inProject(projectId));
    expect(created.status).toBe(201);
    const { source } = (await created.json()) as { source: { id: number } };
    expect(source).toMatchObject({ name: "Eli Lake", kind: "person", affiliation: "Bloomberg" });

    const found = await searchRoute(request("GET", undefined, "?q=lake"), inProject(projectId));
    expect(await found.json()).toEqual({ sources: [expect.objectContaining({ id: source.id })] });

    const again = await createRoute(request("POST", json({ name: "ELI LAKE", kind: "person" })), inProject(projectId));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "duplicate", existing: { id: source.id, name: "Eli Lake" } });
  });

  it("answers 401, 400, 422 and 404 as it should", async () => {
    await signIn(null);
    expect((await searchRoute(request("GET"), inProject(projectId))).status).toBe(401);
    await signIn(ana);
    expect((await createRoute(request("POST", "name=x"), inProject(projectId))).status).toBe(400);
    const bad = await createRoute(request("POST", json({ name: "", kind: "alien" })), inProject(projectId));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ fieldErrors: { name: expect.any(String), kind: expect.stringContaining("Pick the kind of source.") } });
    expect((await searchRoute(request("GET", undefined, "?limit=500"), inProject(projectId))).status).toBe(422);
    expect((await searchRoute(request("GET", undefined, `?q=${"x".repeat(201)}`), inProject(projectId))).status).toBe(422);
    expect((await searchRoute(request("GET"), inProject("x"))).status).toBe(404);
    await signIn(await reviewer());
    expect((await searchRoute(request("GET"), inProject(projectId))).status).toBe(404);
    expect((await createRoute(request("POST", json({ name: "Someone", kind: "person" })), inProject(projectId))).status).toBe(404);
  });
});

describe("/api/projects/:projectId/documents/:documentId/status", () => {
  it("marks the document done, which freezes the layer, until a manager reopens it", async () => {
    const doc = await newDocument();
    await signIn(ana);
    expect(await (await getStatus(request("GET"), onDocument(projectId, doc))).json()).toEqual({ status: "todo" });
    const done = await postStatus(request("POST", json({ done: true })), onDocument(projectId, doc));
    expect(await done.json()).toMatchObject({ status: "submitted", submittedAt: expect.any(String) });

    const span = { kind: "claim", start: 0, end: 5, exact: "Words" };
    const refused = await createSpan(request("POST", json(span)), onDocument(projectId, doc));
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ code: "frozen", error: "You marked this document done; ask a manager to reopen it." });

    expect((await postStatus(request("POST", json({ reopen: ana.id })), onDocument(projectId, doc))).status).toBe(403);
    await signIn(manager);
    const managerView = (await (await getStatus(request("GET"), onDocument(projectId, doc))).json()) as { assignments: unknown[] };
    expect(managerView.assignments).toEqual([expect.objectContaining({ userId: ana.id, status: "submitted" })]);
    const reopened = await postStatus(request("POST", json({ reopen: ana.id })), onDocument(projectId, doc));
    expect(await reopened.json()).toEqual({ userId: ana.id, status: "in_progress" });

    await signIn(ana);
    expect((await createSpan(request("POST", json(span)), onDocument(projectId, doc))).status).toBe(201);
  });

  it("answers 401, 400, 422 and 404 as it should", async () => {
    const doc = await newDocument();
    await signIn(null);
    expect((await postStatus(request("POST", json({ done: true })), onDocument(projectId, doc))).status).toBe(401);
    await signIn(ana);
    expect((await postStatus(request("POST", "{done:true}"), onDocument(projectId, doc))).status).toBe(400);
    for (const body of [{ done: false }, { reopen: "ana" }, {}, { done: true, reopen: 1 }]) {
      const response = await postStatus(request("POST", json(body)), onDocument(projectId, doc));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: string }).error).toContain('Send { "done": true }');
    }
    expect((await getStatus(request("GET"), onDocument(projectId, 99_999))).status).toBe(404);
    await signIn(await reviewer());
    expect((await getStatus(request("GET"), onDocument(projectId, doc))).status).toBe(404);
    expect((await postStatus(request("POST", json({ done: true })), onDocument(projectId, doc))).status).toBe(404);
  });
});
