// Segments: regions a document re-published from another outlet, in code points, never
// overlapping. The data layer directly, then the JSON route handlers with real Requests
// (only next/headers is mocked, to hand over a real session's cookie).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as deleteRoute } from "@/app/api/projects/[projectId]/documents/[documentId]/segments/[segmentId]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/projects/[projectId]/documents/[documentId]/segments/route";
import { getDb } from "@/db";
import { auditLog, outlets, segments } from "@/db/tables";
import { createSegment, deleteSegment, listSegments } from "@/lib/server/segments";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { addDocument, signInAs, snapshotCounts } from "./outlets-helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

const request = (method: string, body?: unknown) =>
  new Request("http://localhost/api/x", {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
const onDocument = (projectId: number, documentId: number) => ({ params: Promise.resolve({ projectId: String(projectId), documentId: String(documentId) }) });

// 🌊 is two UTF-16 code units but one code point: "Reuters" starts at code point 14 (UTF-16 15).
const TEXT = "🌊 Blog intro.\nReuters: the council voted.\nAP: the plant is late.";
const cp = (needle: string) => Array.from(TEXT.slice(0, TEXT.indexOf(needle))).length;
const reuters = { start: cp("Reuters"), end: cp("\nAP") };

let mia: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let stranger: SessionUser;
let projectId: number;
let documentId: number;

beforeAll(async () => {
  [mia, ana, ben, stranger] = [await reviewer("mia"), await reviewer("ana"), await reviewer("ben"), await reviewer("sam")];
  projectId = await project();
  await addMember(projectId, mia, "manager");
  await addMember(projectId, ana, "annotator");
  await addMember(projectId, ben, "annotator");
  documentId = (await addDocument(projectId, { outlet: "Calder Free Press", text: TEXT })).documentId;
});

describe("marking re-published segments", () => {
  it("records a region with its original outlet (created on the spot), date and URL, audited", async () => {
    const result = await createSegment(ana, projectId, documentId, {
      ...reuters,
      outlet: "Reuters",
      originalDate: "2031-03-14",
      originalUrl: "https://reuters.example/levy",
    });
    expect(result).toMatchObject({
      ok: true,
      createdOutlet: true,
      segment: {
        start: 14,
        end: 41,
        originalOutletName: "Reuters",
        originalDate: "2031-03-14",
        originalUrl: "https://reuters.example/levy",
        createdByName: "ana",
      },
    });
    if (!result.ok) return;
    expect(
      await first(
        getDb()
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.entity, "segment"), eq(auditLog.entityId, result.segment.id))),
      ),
    ).toMatchObject({ action: "create", actorId: ana.id });
  });

  it("reuses an existing outlet by name in any letter case, and leaves date and URL optional", async () => {
    const outletsBefore = (await snapshotCounts(outlets)).rows;
    const result = await createSegment(ben, projectId, documentId, { start: cp("AP"), end: Array.from(TEXT).length, outlet: "calder free press" });
    expect(result).toMatchObject({
      ok: true,
      createdOutlet: false,
      segment: { originalOutletName: "Calder Free Press", originalDate: null, originalUrl: null },
    });
    expect((await snapshotCounts(outlets)).rows).toBe(outletsBefore);
    expect((await listSegments(mia, projectId, documentId))!.map((s) => s.originalOutletName)).toEqual(["Reuters", "Calder Free Press"]);
  });

  it.each([
    ["an end before the start", { start: 10, end: 5 }, 422, "The span must end after it starts (start 10, end 5)."],
    ["an empty region", { start: 5, end: 5 }, 422, "The span must end after it starts (start 5, end 5)."],
    ["a negative start", { start: -1, end: 5 }, 422, "The span cannot start before the beginning of the document (start -1)."],
    ["an end past the text", { start: 0, end: 999 }, 422, "The span ends at 999, past the end of the text."],
    ["fractional offsets", { start: 0.5, end: 5 }, 422, "The start offset must be a whole number of characters."],
    ["a region overlapping another", { start: cp("council"), end: cp("plant") }, 409, "This region overlaps the segment at 14–41 re-published from Reuters."],
    ["a region inside another", { start: cp("council"), end: cp("council") + 3 }, 409, "This region overlaps the segment at 14–41 re-published from Reuters."],
  ])("refuses %s with a message, writing nothing", async (_case, offsets, status, message) => {
    const before = await snapshotCounts(segments);
    const result = await createSegment(ana, projectId, documentId, { ...offsets, outlet: "Reuters" });
    expect(result).toMatchObject({ ok: false, status });
    if (!result.ok) expect(result.error).toContain(message);
    expect(await snapshotCounts(segments)).toEqual(before);
  });

  it.each([
    ["no original outlet", { outlet: " " }, "Name the outlet that first published this region."],
    ["a date in another format", { outlet: "AP", originalDate: "14 March 2031" }, "Give the original date as YYYY-MM-DD."],
    ["a URL that is not a web address", { outlet: "AP", originalUrl: "ftp://x" }, "Give the original web address, starting with http:// or https://."],
  ])("refuses %s, writing nothing (not even the outlet)", async (_case, fields, message) => {
    const before = [await snapshotCounts(segments), await snapshotCounts(outlets)];
    expect(await createSegment(ana, projectId, documentId, { start: 0, end: 2, ...fields })).toEqual({
      ok: false,
      status: 422,
      code: "invalid",
      error: message,
    });
    expect([await snapshotCounts(segments), await snapshotCounts(outlets)]).toEqual(before);
  });

  it("refuses a segment on a document of another project, or by a non-member, with 404", async () => {
    const elsewhere = (await addDocument(await project(), { text: "Another project's text." })).documentId;
    const before = [await snapshotCounts(segments), await snapshotCounts(outlets)];
    expect(await createSegment(ana, projectId, elsewhere, { start: 0, end: 3, outlet: "New Outlet" })).toMatchObject({ ok: false, status: 404 });
    expect(await createSegment(stranger, projectId, documentId, { start: 0, end: 2, outlet: "New Outlet" })).toMatchObject({ ok: false, status: 404 });
    expect([await snapshotCounts(segments), await snapshotCounts(outlets)]).toEqual(before);
    expect(await listSegments(stranger, projectId, documentId)).toBeNull();
    expect(await listSegments(ana, projectId, elsewhere)).toBeNull();
  });

  it("lets the segment's author or a manager remove it, audited; not another annotator", async () => {
    const [first, second] = (await listSegments(mia, projectId, documentId))!;
    expect(await deleteSegment(ben, projectId, documentId, first!.id)).toMatchObject({ ok: false, status: 403 });
    expect(await deleteSegment(ana, projectId, documentId, first!.id)).toEqual({ ok: true });
    expect(await deleteSegment(mia, projectId, documentId, second!.id)).toEqual({ ok: true });
    expect(await deleteSegment(mia, projectId, documentId, second!.id)).toMatchObject({ ok: false, status: 404 });
    expect(await listSegments(mia, projectId, documentId)).toEqual([]);
    const deletions = await getDb()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "segment"), eq(auditLog.action, "delete")));
    expect(deletions.map((d) => (d.before as { originalOutletName: string }).originalOutletName)).toEqual(["Reuters", "Calder Free Press"]);
  });
});

describe("/api/projects/:projectId/documents/:documentId/segments", () => {
  it("creates (201), lists and deletes (204) a segment", async () => {
    await signInAs(ana);
    const created = await createRoute(
      request("POST", { ...reuters, outlet: "Reuters", originalDate: null, originalUrl: "" }),
      onDocument(projectId, documentId),
    );
    expect(created.status).toBe(201);
    const { segment } = (await created.json()) as { segment: { id: number } };
    const listed = await listRoute(request("GET"), onDocument(projectId, documentId));
    expect(await listed.json()).toEqual({
      segments: [expect.objectContaining({ id: segment.id, start: reuters.start, end: reuters.end, originalOutletName: "Reuters" })],
    });
    const params = { params: Promise.resolve({ projectId: String(projectId), documentId: String(documentId), segmentId: String(segment.id) }) };
    expect((await deleteRoute(request("DELETE"), params)).status).toBe(204);
  });

  it("answers 401, 422, 409 and 404 with a message, writing nothing", async () => {
    await signInAs(null);
    expect((await listRoute(request("GET"), onDocument(projectId, documentId))).status).toBe(401);
    await signInAs(ana);
    await createRoute(request("POST", { ...reuters, outlet: "Reuters" }), onDocument(projectId, documentId));
    const before = await snapshotCounts(segments);
    const bad = await createRoute(request("POST", { start: "0", end: 4, outlet: "AP", extra: 1 }), onDocument(projectId, documentId));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "invalid", fieldErrors: { start: expect.any(String) } });
    const overlap = await createRoute(request("POST", { start: 0, end: reuters.start + 1, outlet: "AP" }), onDocument(projectId, documentId));
    expect(overlap.status).toBe(409);
    expect(await overlap.json()).toMatchObject({ error: expect.stringContaining("overlaps the segment") });
    await signInAs(stranger);
    expect((await listRoute(request("GET"), onDocument(projectId, documentId))).status).toBe(404);
    expect((await createRoute(request("POST", { start: 0, end: 2, outlet: "AP" }), onDocument(projectId, documentId))).status).toBe(404);
    expect(await snapshotCounts(segments)).toEqual(before);
  });
});
