// Fuzzing every JSON route handler under app/api (found on disk) with bodies no route accepts:
// wrong-typed fields, random JSON, text that is not JSON, bytes that are not UTF-8, huge and
// deeply nested bodies, any content type, random query strings and malformed ids, signed in
// as a manager, an annotator, an outsider, with a forged cookie, or not at all. Every answer
// is a 2xx or a 4xx with a message (never a 5xx, never a throw), a handler that reads its body
// refuses all of these with a 4xx, and a refusal writes nothing.
import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/session";
import { fuzz } from "../../fuzz-seed";
import { ownSpans, RETOLD, STORY, storySpans, TEXT } from "../authz-matrix-helpers";
import { addMember, presentCookie, project, reviewer, signInAs } from "../helpers";
import { auditCount } from "../members-helpers";
import { addDocument } from "../outlets-helpers";
import { createSegment } from "@/lib/server/segments";
import { mergeSources } from "@/lib/server/sources";
import { addSource } from "../sources-helpers";
import { BAD_IDS, contentType, fuzzBody, fuzzQuery, type FuzzBody } from "./bodies";
import { loadRoutes, routeFiles, type Route } from "./routes";

vi.mock("next/headers", async () => (await import("../helpers")).nextHeadersMock);

const HERE = import.meta.url;
const TIMEOUT = 120_000;
const WHO = ["manager", "annotator", "outsider", "forged cookie", "signed out"] as const;
type Who = (typeof WHO)[number];

interface World {
  users: Record<"manager" | "annotator" | "outsider", SessionUser>;
  /** A value for each id a route's URL can name, valid for the fixture. */
  ids: Record<string, string>;
}

let routes: Route[];
let world: World;

beforeAll(async () => {
  routes = await loadRoutes();
  const users = { manager: await reviewer("mona"), annotator: await reviewer("ana"), outsider: await reviewer("nico") };
  const p = await project();
  await addMember(p, users.manager, "manager");
  await addMember(p, users.annotator, "annotator");
  const doc = (await addDocument(p, { text: TEXT, story: STORY })).documentId;
  const retold = (await addDocument(p, { text: RETOLD, story: STORY })).documentId;
  const segment = await createSegment(users.annotator, p, doc, { start: 0, end: 5, outlet: "Harbor Ledger" });
  if (!segment.ok) throw new Error(segment.error);
  const spans = await ownSpans(users.manager, p, doc);
  await storySpans(users.manager, p, doc, retold);
  const sourceId = await addSource(p, "Kept speaker");
  const merge = await mergeSources(users.manager, p, { from: await addSource(p, "Merged speaker"), into: sourceId });
  if (!merge.ok) throw new Error(merge.error);
  const ids = { projectId: String(p), documentId: String(doc), annotationId: String(spans.live), segmentId: String(segment.segment.id) };
  world = { users, ids: { ...ids, sourceId: String(sourceId), mergeId: String(merge.mergeId) } };
}, TIMEOUT);

async function signIn(who: Who): Promise<void> {
  if (who === "signed out") await signInAs(null);
  else if (who === "forged cookie") presentCookie("forged-session-token");
  else await signInAs(world.users[who]);
}

function buildRequest(route: Route, body: FuzzBody, type: string | undefined, query: string, authorization: string | undefined): Request {
  const headers = new Headers({ origin: "http://localhost" });
  if (type !== undefined) headers.set("content-type", type);
  if (authorization !== undefined) headers.set("authorization", authorization);
  const withBody = route.method !== "GET" && route.method !== "HEAD" && body.body !== undefined;
  return new Request(`http://localhost/api/fuzz${query}`, { method: route.method, headers, body: withBody ? body.body : undefined });
}

/** Reads the whole answer, so a stream that fails after its headers (an export) fails here. */
async function settle(response: Response): Promise<{ status: number; text: string }> {
  return { status: response.status, text: await response.text() };
}

/** `value` now and then, else undefined. */
const sometimes = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });

// Mostly members and the fixture's own ids, so most requests get past sign-in and the URL to the body.
const call = fc.record({
  route: fc.nat(),
  who: fc.oneof({ weight: 6, arbitrary: fc.constantFrom<Who>("manager", "annotator") }, { weight: 1, arbitrary: fc.constantFrom(...WHO) }),
  body: fuzzBody,
  type: contentType,
  query: fuzzQuery,
  badId: sometimes(fc.tuple(fc.nat(), fc.constantFrom(...BAD_IDS))),
  authorization: sometimes(fc.constantFrom("Bearer pdt_forged", "Bearer ", "Basic YTpi", "pdt_x")),
});

describe("every JSON route handler under random requests", () => {
  it("finds the route files on disk and can give every id their URLs name", () => {
    expect(routeFiles().length).toBeGreaterThan(0);
    expect(routes.length).toBeGreaterThanOrEqual(routeFiles().length);
    const unknown = routes.flatMap((r) => r.params.filter((p) => world.ids[p] === undefined).map((p) => `${r.name}: ${p}`));
    expect(unknown, "a route names an id this fuzz fixture has no value for: add it to world.ids").toEqual([]);
    // The handlers known to read a body are recognised as such, so their 4xx rule applies.
    expect(routes.filter((r) => r.readsBody).map((r) => r.name)).toContain("POST projects/[projectId]/documents/[documentId]/annotations");
  });

  it(
    "answers every request with a 2xx or a 4xx with a message, refuses every bad body with a 4xx, and writes nothing when it refuses",
    async () => {
      await fuzz(
        "routeBodies",
        fc.asyncProperty(call, async ({ route: pick, who, body, type, query, badId, authorization }) => {
          const route = routes[pick % routes.length]!;
          const params = Object.fromEntries(route.params.map((name) => [name, world.ids[name]!]));
          if (badId !== undefined && route.params.length > 0) params[route.params[badId[0] % route.params.length]!] = badId[1];
          await signIn(who);
          const audits = await auditCount();
          const response = await route.handler(buildRequest(route, body, type, query, authorization), { params: Promise.resolve(params) });
          const { status, text } = await settle(response);
          expect(status, `${route.name} answered ${status} to ${body.label}: ${text.slice(0, 300)}`).toBeGreaterThanOrEqual(200);
          expect(status, `${route.name} answered ${status} to ${body.label}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (route.readsBody) expect(status, `${route.name} accepted ${body.label}`).toBeGreaterThanOrEqual(400);
          if (status < 400) return;
          expect(JSON.parse(text)).toMatchObject({ error: expect.stringMatching(/\S/) });
          expect(await auditCount()).toBe(audits);
        }),
        HERE,
      );
    },
    TIMEOUT,
  );
});
