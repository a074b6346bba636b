// The export endpoint for scripts, called with real Requests against a real database:
// who may use it (a personal API token, or a session cookie), who is refused and how, and
// that nothing else accepts a token. Only next/headers is mocked (see helpers.ts).
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as exportRoute } from "@/app/api/projects/[projectId]/export/route";
import { GET as summaryRoute } from "@/app/projects/[projectId]/export/summary/route";
import { GET as listSpans, POST as createSpan } from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/route";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { setUserDisabled } from "@/lib/server/users";
import { proxy } from "@/proxy";
import { addMember, admin, project, reviewer, signInAs } from "./helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

const TEXTS = ["Tap 👍🏽 then “قال الوزير” — ok", "The mayor said the bridge would open in May.", "A third article, plain."];

let manager: SessionUser;
let annotator: SessionUser;
let stranger: SessionUser;
let projectId: number;
let documentIds: number[];

async function token(user: SessionUser, name = "script"): Promise<{ id: number; token: string }> {
  const result = await createApiToken(user, { name });
  if (!result.ok) throw new Error(result.error);
  return result;
}

function get(query: string, authorization?: string): Request {
  return new Request(`http://127.0.0.1:3000/api/projects/x/export?${query}`, {
    headers: authorization === undefined ? {} : { authorization },
  });
}

const at = (id: number | string) => ({ params: Promise.resolve({ projectId: String(id) }) });
const bearer = (t: string): string => `Bearer ${t}`;
const JSONL = "format=jsonl&layer=all";

beforeAll(async () => {
  await admin();
  manager = await reviewer("maya");
  annotator = await reviewer("ana");
  stranger = await reviewer("sam");
  projectId = await project();
  await addMember(projectId, manager, "manager");
  await addMember(projectId, annotator, "annotator");
  const result = await importDocuments(
    { kind: "system", label: "test" },
    projectId,
    TEXTS.map((text) => ({ text })),
    {},
  );
  if (!result.ok) throw new Error("import failed");
  documentIds = result.documents.map((d) => d.id);
});

async function expectUnauthenticated(response: Response): Promise<void> {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
  expect(await response.json()).toMatchObject({ code: "unauthenticated", error: expect.any(String) });
}

describe("a valid token", () => {
  it("downloads a jsonl export: one line per document, with the file's type and name", async () => {
    await signInAs(null);
    const { token: t } = await token(manager);
    const response = await exportRoute(get(JSONL, bearer(t)), at(projectId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/json/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment;.*filename="?[^"]+\.jsonl"?/);
    const lines = (await response.text()).split("\n").filter((line) => line !== "");
    const records = lines.map((line) => JSON.parse(line) as { id: number; text: string | null });
    expect(records.map((r) => r.id).sort((a, b) => a - b)).toEqual([...documentIds].sort((a, b) => a - b));
    expect(records.map((r) => r.text).sort()).toEqual([...TEXTS].sort());
  });

  it("passes the query through: text=0 leaves the text out, documents=… narrows the scope", async () => {
    const { token: t } = await token(manager);
    const response = await exportRoute(get(`${JSONL}&text=0&documents=${documentIds[1]}`, bearer(t)), at(projectId));
    expect(response.status).toBe(200);
    const records = (await response.text())
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as { id: number; text: unknown });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ id: documentIds[1], text: null });
  });

  it("marks the token's last use", async () => {
    const { id, token: t } = await token(manager);
    const lastUsed = async (): Promise<unknown> => (await getDb().get<[number | null]>(sql`select last_used_at from api_tokens where id = ${id}`))![0];
    expect(await lastUsed()).toBeNull();
    const before = Date.now();
    await (await exportRoute(get(JSONL, bearer(t)), at(projectId))).text();
    expect(await lastUsed()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("answers a bad choice with 400 naming the choices", async () => {
    const { token: t } = await token(manager);
    const response = await exportRoute(get("format=docx&layer=gold", bearer(t)), at(projectId));
    expect(response.status).toBe(400);
    expect((await response.json()) as { error: string }).toMatchObject({ error: expect.stringMatching(/jsonl.*csv.*w3c/) });
  });
});

describe("the session cookie", () => {
  it("lets a signed-in manager download without a token", async () => {
    await signInAs(manager);
    const response = await exportRoute(get(JSONL), at(projectId));
    expect(response.status).toBe(200);
    expect((await response.text()).split("\n").filter((l) => l !== "")).toHaveLength(TEXTS.length);
  });

  it("is not a fallback for a bad token: a bad bearer header is 401 even when signed in", async () => {
    await signInAs(manager);
    await expectUnauthenticated(await exportRoute(get(JSONL, bearer(`pdt_${"a".repeat(52)}`)), at(projectId)));
  });
});

describe("refused", () => {
  it("answers 401 with a Bearer challenge when there is neither token nor session", async () => {
    await signInAs(null);
    await expectUnauthenticated(await exportRoute(get(JSONL), at(projectId)));
  });

  it("answers 401 to unknown, malformed and non-Bearer credentials, naming the token as invalid", async () => {
    await signInAs(null);
    const { token: t } = await token(manager);
    for (const header of [bearer(`pdt_${"b".repeat(52)}`), bearer("abc"), "Bearer", `Basic ${btoa("maya:pw")}`, bearer(t.slice(0, -1))]) {
      const response = await exportRoute(get(JSONL, header), at(projectId));
      expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
      await expectUnauthenticated(response);
    }
  });

  it("answers 401 to a revoked token", async () => {
    await signInAs(null);
    const { id, token: t } = await token(manager);
    expect((await exportRoute(get(JSONL, bearer(t)), at(projectId))).status).toBe(200);
    await revokeApiToken(manager, id);
    await expectUnauthenticated(await exportRoute(get(JSONL, bearer(t)), at(projectId)));
  });

  it("answers 401 to the token of a disabled user", async () => {
    await signInAs(null);
    const dan = await reviewer("dan");
    await addMember(projectId, dan, "manager");
    const { token: t } = await token(dan);
    expect((await exportRoute(get(JSONL, bearer(t)), at(projectId))).status).toBe(200);
    await setUserDisabled(await admin(), dan.id, true);
    await expectUnauthenticated(await exportRoute(get(JSONL, bearer(t)), at(projectId)));
  });

  it("answers a non-member 404, exactly as for a project that does not exist", async () => {
    await signInAs(null);
    const { token: t } = await token(stranger);
    const theirs = await exportRoute(get(JSONL, bearer(t)), at(projectId));
    const none = await exportRoute(get(JSONL, bearer(t)), at(999999));
    const malformedId = await exportRoute(get(JSONL, bearer(t)), at("abc"));
    expect([theirs.status, none.status, malformedId.status]).toEqual([404, 404, 404]);
    const body = await theirs.text();
    expect(body).toBe(await none.text());
    expect(body).not.toMatch(new RegExp(`${TEXTS[1]!.slice(0, 10)}|Project`));
  });

  it("answers an annotator 403 and sends no data", async () => {
    await signInAs(null);
    const { token: t } = await token(annotator);
    const response = await exportRoute(get(JSONL, bearer(t)), at(projectId));
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain(TEXTS[1]!.slice(0, 10));
  });
});

describe("a token anywhere else", () => {
  it("is ignored: the annotation routes answer 401 to a request with only a bearer header", async () => {
    await signInAs(null);
    const { token: t } = await token(manager);
    const headers = { authorization: bearer(t), "content-type": "application/json", origin: "http://localhost" };
    const body = JSON.stringify({ kind: "claim", start: 0, end: 3, exact: "Tap" });
    const ids = { params: Promise.resolve({ projectId: String(projectId), documentId: String(documentIds[0]) }) };
    expect((await createSpan(new Request("http://localhost/api/x", { method: "POST", headers, body }), ids)).status).toBe(401);
    expect((await listSpans(new Request("http://localhost/api/x", { headers }), ids)).status).toBe(401);
    expect((await getDb().get<[number]>(sql`select count(*) from annotations`))![0]).toBe(0);
  });
});

describe("the proxy in front of every route", () => {
  it("lets a cookie-less, cross-origin bearer GET through to the handler (no redirect, no refusal)", () => {
    const request = new NextRequest("http://127.0.0.1:3000/api/projects/1/export?format=jsonl", {
      headers: { authorization: bearer(`pdt_${"a".repeat(52)}`), origin: "https://ci.example.org" },
    });
    const response = proxy(request);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("the Export page's summary", () => {
  it("answers what the file would hold for a manager's session, and 403 for an annotator's", async () => {
    const request = (): Request => new Request(`http://127.0.0.1:3000/projects/${projectId}/export/summary?format=csv&layer=all`);
    await signInAs(manager);
    const response = await summaryRoute(request(), at(projectId));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ documentCount: TEXTS.length, spanCount: 0, layers: [] });
    await signInAs(annotator);
    expect((await summaryRoute(request(), at(projectId))).status).toBe(403);
  });
});
