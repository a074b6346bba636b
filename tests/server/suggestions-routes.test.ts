// The suggestion route handlers with a real session cookie on a real migrated SQLite: what they
// answer, and that every kind of bad input gets a 4xx with a message (never a 5xx) and writes
// nothing. Only next/headers is mocked, to hand over the cookie.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as acceptAllRoute from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/accept-all/route";
import * as acceptRoute from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/accept/route";
import * as rejectRoute from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/reject/route";
import * as listRoute from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/route";
import { updateSuggestionSettings } from "@/lib/server/suggestions-settings";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { signInAs } from "./helpers";
import { auditCount } from "./members-helpers";
import { byWords, decisionsOf, QUOTES, suggestWorld, type SuggestWorld } from "./suggestions-helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

type Handler = (request: Request, context: { params: Promise<{ projectId: string; documentId: string }> }) => Promise<Response>;

let w: SuggestWorld;

function send(handler: Handler, body?: string | object, ids: { p: number; doc: number } = { p: w.p, doc: w.doc }): Promise<Response> {
  const request = new Request("http://localhost/api/x", {
    method: body === undefined ? "GET" : "POST",
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: "http://localhost" },
  });
  return handler(request, { params: Promise.resolve({ projectId: String(ids.p), documentId: String(ids.doc) }) });
}

async function list(): Promise<SuggestionDto[]> {
  const response = await send(listRoute.GET);
  expect(response.status).toBe(200);
  return ((await response.json()) as { suggestions: SuggestionDto[] }).suggestions;
}

beforeAll(async () => {
  w = await suggestWorld();
});

describe("the suggestion routes", () => {
  it("list, accept (201 with the span and its source) and reject (200)", async () => {
    await signInAs(w.ana);
    const before = await list();
    const haddad = byWords(before, QUOTES.haddad);
    const accepted = await send(acceptRoute.POST, { key: haddad.key });
    expect(accepted.status).toBe(201);
    expect(await accepted.json()).toMatchObject({
      key: haddad.key,
      newSource: false,
      source: { id: w.haddad },
      annotation: { kind: "quote", exact: haddad.exact, attributes: { source_id: w.haddad } },
    });
    const spokesperson = byWords(before, QUOTES.spokesperson);
    const rejected = await send(rejectRoute.POST, { key: spokesperson.key });
    expect(rejected.status).toBe(200);
    expect(await rejected.json()).toEqual({ key: spokesperson.key });
    expect((await list()).map((s) => s.key)).toEqual(before.map((s) => s.key).filter((k) => k !== haddad.key && k !== spokesperson.key));
  });

  it("accept all answers the accepted spans and how many were skipped", async () => {
    const fresh = await suggestWorld();
    await signInAs(fresh.ben);
    const response = await send(acceptAllRoute.POST, { minConfidence: 0 }, { p: fresh.p, doc: fresh.doc });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { accepted: { annotation: { kind: string } }[]; skipped: number };
    expect(body.accepted.length).toBeGreaterThanOrEqual(3);
    expect(body.accepted.every((a) => a.annotation.kind === "quote")).toBe(true);
    expect(body.skipped).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ["not JSON", acceptRoute.POST, "{key:", 400, /not valid JSON/],
    ["no key", acceptRoute.POST, {}, 422, /key must be the suggestion's key/],
    ["a key that is not offsets", rejectRoute.POST, { key: "the levy" }, 422, /key must be the suggestion's key/],
    ["a key with a negative offset", acceptRoute.POST, { key: "-1:5" }, 422, /key must be the suggestion's key/],
    ["a key as a number", acceptRoute.POST, { key: 12 }, 422, /key must be the suggestion's key/],
    ["an unknown field", rejectRoute.POST, { key: "0:3", why: "no" }, 422, /Unknown field “why”/],
    ["a key the text does not yield", acceptRoute.POST, { key: "0:3" }, 409, /no longer yields suggestion 0:3/],
    ["a key past the end of the text", rejectRoute.POST, { key: "5000:6000" }, 409, /no longer yields/],
    ["no threshold", acceptAllRoute.POST, {}, 422, /minConfidence must be a number/],
    ["a threshold above 1", acceptAllRoute.POST, { minConfidence: 1.5 }, 422, /runs from 0 to 1/],
    ["a threshold as text", acceptAllRoute.POST, { minConfidence: "0.8" }, 422, /minConfidence must be a number/],
  ] as const)("refuse %s with %i and a message, writing nothing", async (_label, handler, body, status, message) => {
    await signInAs(w.ben);
    const audits = await auditCount();
    const decisions = (await decisionsOf(w.ben)).length;
    const response = await send(handler, body);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await auditCount()).toBe(audits);
    expect(await decisionsOf(w.ben)).toHaveLength(decisions);
  });

  it("refuse a decided suggestion with 409 “decided”", async () => {
    await signInAs(w.ana);
    const [decision] = await decisionsOf(w.ana);
    const response = await send(acceptRoute.POST, { key: decision!.key });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "decided", error: expect.stringMatching(/already accepted or rejected/) });
  });

  it("answer 409 “disabled” when the project has suggestions off, 404 to a non-member and 401 signed out", async () => {
    const fresh = await suggestWorld();
    const ids = { p: fresh.p, doc: fresh.doc };
    await signInAs(w.ana);
    expect((await send(listRoute.GET, undefined, ids)).status).toBe(404);
    await signInAs(null);
    expect((await send(listRoute.GET, undefined, ids)).status).toBe(401);
    expect((await updateSuggestionSettings(fresh.manager, fresh.p, { enabled: false, cues: [] })).ok).toBe(true);
    await signInAs(fresh.ana);
    for (const [handler, body] of [
      [listRoute.GET, undefined],
      [acceptRoute.POST, { key: "0:3" }],
      [rejectRoute.POST, { key: "0:3" }],
      [acceptAllRoute.POST, { minConfidence: 0.5 }],
    ] as const) {
      const response = await send(handler, body, ids);
      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ code: "disabled", error: expect.stringMatching(/turned off for this project/) });
    }
  });
});
