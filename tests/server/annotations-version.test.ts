// A save names the version it was made against. Only that exact version may win: an older
// one means another tab changed the span, and a newer one was never handed out, so both are
// refused the same way (409 "stale" with the span as it is now) and nothing changes.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { annotations } from "@/db/tables";
import { POST as restore } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/restore/route";
import { DELETE, PATCH } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/route";
import { createAnnotation, deleteAnnotation, restoreAnnotation, updateAnnotation } from "@/lib/server/annotations";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import type { AnnotationDto } from "@/lib/validation/annotations";
import { addMember, admin, project, reviewer, signInAs } from "./helpers";
import { first } from "@/db/rows";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

const TEXT = "The minister said the bridge will open in May.";

let ana: SessionUser;
let projectId: number;
let documentId: number;

beforeAll(async () => {
  await admin();
  ana = await reviewer("ana");
  projectId = await project();
  await addMember(projectId, ana, "annotator");
  const result = await importDocuments({ kind: "system", label: "test" }, projectId, [{ text: TEXT }], {});
  if (!result.ok) throw new Error("import failed");
  documentId = result.documents[0]!.id;
});

async function span(): Promise<AnnotationDto> {
  const result = await createAnnotation(ana, projectId, documentId, { kind: "claim", start: 4, end: 12, exact: "minister" });
  if (!result.ok) throw new Error(result.error);
  return result.annotation;
}

const stored = async (id: number) => (await first(getDb().select().from(annotations).where(eq(annotations.id, id))))!;
const call = (method: string, body?: unknown): Request =>
  new Request("http://localhost/api/x", {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: "http://localhost" },
  });
const at = (annotationId: number) => ({
  params: Promise.resolve({ projectId: String(projectId), documentId: String(documentId), annotationId: String(annotationId) }),
});

describe("a save naming a version newer than the stored one", () => {
  it("is refused by edit and delete exactly like an older one, and nothing changes", async () => {
    const s = await span();
    await updateAnnotation(ana, projectId, documentId, s.id, { version: 1, note: "v2" });
    for (const version of [1, 7]) {
      const edit = await updateAnnotation(ana, projectId, documentId, s.id, { version, note: "late" });
      expect(edit).toMatchObject({ ok: false, status: 409, code: "stale", current: { id: s.id, version: 2, note: "v2" } });
      expect(await deleteAnnotation(ana, projectId, documentId, s.id, version)).toMatchObject({
        ok: false,
        status: 409,
        code: "stale",
        current: { version: 2 },
      });
    }
    expect(await stored(s.id)).toMatchObject({ version: 2, note: "v2", deletedAt: null });
  });

  it("is refused with 409 and the current span through PATCH and DELETE", async () => {
    const s = await span();
    await signInAs(ana);
    const patched = await PATCH(call("PATCH", { version: 7, note: "from the future" }), at(s.id));
    expect(patched.status).toBe(409);
    expect(await patched.json()).toMatchObject({ code: "stale", current: { id: s.id, version: 1, note: "" } });
    const deleted = await DELETE(call("DELETE", { version: 7 }), at(s.id));
    expect(deleted.status).toBe(409);
    expect(await deleted.json()).toMatchObject({ code: "stale", current: { version: 1 } });
    expect(await stored(s.id)).toMatchObject({ version: 1, note: "", deletedAt: null });
  });

  it("is refused by restore, which checks the version like every other change", async () => {
    const s = await span();
    const removed = await deleteAnnotation(ana, projectId, documentId, s.id, 1);
    expect(removed).toMatchObject({ ok: true, annotation: { version: 2 } });
    for (const version of [1, 7]) {
      expect(await restoreAnnotation(ana, projectId, documentId, s.id, version)).toMatchObject({
        ok: false,
        status: 409,
        code: "stale",
        current: { version: 2 },
      });
    }
    await signInAs(ana);
    const response = await restore(call("POST", { version: 7 }), at(s.id));
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "stale", current: { version: 2 } });
    expect((await stored(s.id)).deletedAt).not.toBeNull();
    const ok = await restore(call("POST", { version: 2 }), at(s.id));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 3, deletedAt: null });
  });
});
