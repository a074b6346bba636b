// The authorization matrix of the JSON route handlers under app/api: every handler × (signed
// out, non-member, annotator, manager), one test per cell, each on a fresh project, with a
// request that is valid for the member making it. Signed out is 401 before anything else; a
// non-member gets the 404 of a missing project; members get the designed status. Only
// next/headers is mocked, to hand over the cookie of a real session.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import * as claimLink from "@/app/api/projects/[projectId]/claim-links/[annotationId]/route";
import * as claimLinks from "@/app/api/projects/[projectId]/claim-links/route";
import * as history from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/history/route";
import * as matches from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/matches/route";
import * as restore from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/restore/route";
import * as annotation from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/[annotationId]/route";
import * as annotations from "@/app/api/projects/[projectId]/documents/[documentId]/annotations/route";
import * as segment from "@/app/api/projects/[projectId]/documents/[documentId]/segments/[segmentId]/route";
import * as segments from "@/app/api/projects/[projectId]/documents/[documentId]/segments/route";
import * as status from "@/app/api/projects/[projectId]/documents/[documentId]/status/route";
import * as suggestionsAcceptAll from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/accept-all/route";
import * as suggestionsAccept from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/accept/route";
import * as suggestionsReject from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/reject/route";
import * as suggestions from "@/app/api/projects/[projectId]/documents/[documentId]/suggestions/route";
import * as exportRoute from "@/app/api/projects/[projectId]/export/route";
import * as source from "@/app/api/projects/[projectId]/sources/[sourceId]/route";
import * as mergeRoute from "@/app/api/projects/[projectId]/sources/merge/route";
import * as undoRoute from "@/app/api/projects/[projectId]/sources/merges/[mergeId]/undo/route";
import * as sources from "@/app/api/projects/[projectId]/sources/route";
import { markDocumentDone } from "@/lib/server/assignments";
import { createSegment } from "@/lib/server/segments";
import { mergeSources } from "@/lib/server/sources";
import type { SessionUser } from "@/lib/server/session";
import { suggest } from "@/lib/suggest";
import { ownSpans, RETOLD, STORY, storySpans, TEXT } from "./authz-matrix-helpers";
import { addMember, project, reviewer } from "./helpers";
import { auditCount } from "./members-helpers";
import { addSource } from "./sources-helpers";
import { addDocument, signInAs } from "./outlets-helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);

const ROLES = ["signed out", "non-member", "annotator", "manager"] as const;
type Member = "annotator" | "manager";

interface Fixture {
  p: number;
  /** The annotator's and the manager's own spans on it; the annotator's segment (0–5). */
  doc: number;
  /** A document the annotator has marked done, for a manager to reopen. */
  done: number;
  spans: Record<Member, { live: number; deleted: number }>;
  /** Each member's spans on the second document of the story (`doc` and `done` are in it too), for claim links. */
  links: Record<Member, { match: number; linked: number }>;
  segment: number;
  users: Record<Member, SessionUser>;
}

type Send = (request: Request) => Promise<Response>;
/** The handler with the URL's ids, and the body, for a member (the signed out and the non-member send the annotator's). */
interface Prepared {
  send: Send;
  body?: unknown;
  query?: string;
}
type Call = (f: Fixture, as: Member) => Prepared | Promise<Prepared>;

/** Binds a handler to the ids Next.js would pass it, as strings. */
function to<K extends string>(handler: (request: Request, context: { params: Promise<Record<K, string>> }) => Promise<Response>, ids: Record<K, number>): Send {
  const params = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, String(v)])) as Record<K, string>;
  return (request) => handler(request, { params: Promise.resolve(params) });
}

let n = 0;
const docIds = (f: Fixture) => ({ projectId: f.p, documentId: f.doc });
const other = (as: Member): Member => (as === "manager" ? "annotator" : "manager");

/** A new document of the fixture's project holding a direct quote, and the key of its first suggestion. */
async function quoted(f: Fixture): Promise<{ ids: { projectId: number; documentId: number }; key: string }> {
  const text = `“The levy is fair and the river will pay for itself,” Mayor Rana Haddad said at meeting ${++n}.`;
  return { ids: { projectId: f.p, documentId: (await addDocument(f.p, { text })).documentId }, key: suggest(text)[0]!.key };
}

const CALLS: Record<string, Call> = {
  "GET sources": (f) => ({ send: to(sources.GET, { projectId: f.p }) }),
  "POST sources": (f) => ({ send: to(sources.POST, { projectId: f.p }), body: { name: `The mayor ${++n}`, kind: "person" } }),
  "PATCH sources/:id": async (f) => ({
    send: to(source.PATCH, { projectId: f.p, sourceId: await addSource(f.p, `Speaker ${++n}`) }),
    body: { addAliases: ["S."] },
  }),
  "POST sources/merge": async (f) => ({
    send: to(mergeRoute.POST, { projectId: f.p }),
    body: { from: await addSource(f.p, `Dup ${++n}`), into: await addSource(f.p, `Kept ${++n}`) },
  }),
  "POST sources/merges/:id/undo": async (f) => {
    const merged = await mergeSources(f.users.manager, f.p, { from: await addSource(f.p, `Dup ${++n}`), into: await addSource(f.p, `Kept ${++n}`) });
    return { send: to(undoRoute.POST, { projectId: f.p, mergeId: merged.ok ? merged.mergeId : 0 }) };
  },
  "GET segments": (f) => ({ send: to(segments.GET, docIds(f)) }),
  "POST segments": (f) => ({ send: to(segments.POST, docIds(f)), body: { start: 6, end: 12, outlet: "Wire Service" } }),
  "DELETE segments/:id (the annotator's)": (f) => ({ send: to(segment.DELETE, { ...docIds(f), segmentId: f.segment }) }),
  "GET annotations": (f) => ({ send: to(annotations.GET, docIds(f)) }),
  "POST annotations": (f) => ({ send: to(annotations.POST, docIds(f)), body: { kind: "claim", start: 18, end: 23, exact: "mayor" } }),
  "PATCH annotations/:id (own)": (f, as) => ({
    send: to(annotation.PATCH, { ...docIds(f), annotationId: f.spans[as].live }),
    body: { version: 1, note: "checked" },
  }),
  "PATCH annotations/:id (another reviewer's)": (f, as) => ({
    send: to(annotation.PATCH, { ...docIds(f), annotationId: f.spans[other(as)].live }),
    body: { version: 1, note: "checked" },
  }),
  "DELETE annotations/:id (own)": (f, as) => ({ send: to(annotation.DELETE, { ...docIds(f), annotationId: f.spans[as].live }), body: { version: 1 } }),
  "POST annotations/:id/restore (own)": (f, as) => ({ send: to(restore.POST, { ...docIds(f), annotationId: f.spans[as].deleted }) }),
  "GET annotations/:id/history (own)": (f, as) => ({ send: to(history.GET, { ...docIds(f), annotationId: f.spans[as].live }) }),
  "GET status": (f) => ({ send: to(status.GET, docIds(f)) }),
  "POST status { done }": (f) => ({ send: to(status.POST, docIds(f)), body: { done: true } }),
  "POST status { reopen } (the annotator's layer)": (f) => ({
    send: to(status.POST, { projectId: f.p, documentId: f.done }),
    body: { reopen: f.users.annotator.id },
  }),
  "GET export": (f) => ({ send: to(exportRoute.GET, { projectId: f.p }), query: "?format=jsonl&layer=all" }),
  "POST claim-links (own span to own span in the story's other document)": (f, as) => ({
    send: to(claimLinks.POST, { projectId: f.p }),
    body: { annotationId: f.spans[as].live, otherAnnotationId: f.links[as].match },
  }),
  "DELETE claim-links/:id (own linked span)": (f, as) => ({ send: to(claimLink.DELETE, { projectId: f.p, annotationId: f.links[as].linked }) }),
  "GET annotations/:id/matches (own)": (f, as) => ({ send: to(matches.GET, { ...docIds(f), annotationId: f.spans[as].live }) }),
  "GET suggestions": (f) => ({ send: to(suggestions.GET, docIds(f)) }),
  "POST suggestions/accept": async (f) => {
    const { ids, key } = await quoted(f);
    return { send: to(suggestionsAccept.POST, ids), body: { key } };
  },
  "POST suggestions/reject": async (f) => {
    const { ids, key } = await quoted(f);
    return { send: to(suggestionsReject.POST, ids), body: { key } };
  },
  "POST suggestions/accept-all": async (f) => ({ send: to(suggestionsAcceptAll.POST, (await quoted(f)).ids), body: { minConfidence: 0.5 } }),
};

// Columns: signed out, non-member, annotator, manager.
const EXPECTED: Record<keyof typeof CALLS, number[]> = {
  "GET sources": [401, 404, 200, 200],
  "POST sources": [401, 404, 201, 201],
  // Curating the registry is for managers and adjudicators: a merge rewrites other reviewers' spans.
  "PATCH sources/:id": [401, 404, 403, 200],
  "POST sources/merge": [401, 404, 403, 200],
  "POST sources/merges/:id/undo": [401, 404, 403, 200],
  "GET segments": [401, 404, 200, 200],
  "POST segments": [401, 404, 201, 201],
  "DELETE segments/:id (the annotator's)": [401, 404, 204, 204],
  "GET annotations": [401, 404, 200, 200],
  "POST annotations": [401, 404, 201, 201],
  "PATCH annotations/:id (own)": [401, 404, 200, 200],
  // Blind mode hides the manager's span from the annotator (404); the manager sees it but does not own it (403).
  "PATCH annotations/:id (another reviewer's)": [401, 404, 404, 403],
  "DELETE annotations/:id (own)": [401, 404, 200, 200],
  "POST annotations/:id/restore (own)": [401, 404, 200, 200],
  "GET annotations/:id/history (own)": [401, 404, 200, 200],
  "GET status": [401, 404, 200, 200],
  "POST status { done }": [401, 404, 200, 200],
  "POST status { reopen } (the annotator's layer)": [401, 404, 403, 200],
  // Export is for managers and adjudicators: an annotator may be blind to the others' spans.
  "GET export": [401, 404, 403, 200],
  "POST claim-links (own span to own span in the story's other document)": [401, 404, 200, 200],
  "DELETE claim-links/:id (own linked span)": [401, 404, 204, 204],
  "GET annotations/:id/matches (own)": [401, 404, 200, 200],
  // Suggestions are each member's own: any member lists and settles them on their layer.
  "GET suggestions": [401, 404, 200, 200],
  "POST suggestions/accept": [401, 404, 201, 201],
  "POST suggestions/reject": [401, 404, 200, 200],
  "POST suggestions/accept-all": [401, 404, 200, 200],
};

let people: Promise<{ annotator: SessionUser; manager: SessionUser; outsider: SessionUser }> | null = null;

async function fixture(): Promise<{ f: Fixture; outsider: SessionUser }> {
  people ??= (async () => ({ annotator: await reviewer("ana"), manager: await reviewer("mona"), outsider: await reviewer("nico") }))();
  const users = await people;
  const p = await project();
  await addMember(p, users.manager, "manager");
  await addMember(p, users.annotator, "annotator");
  const doc = (await addDocument(p, { text: TEXT, story: STORY })).documentId;
  const done = (await addDocument(p, { text: `${TEXT} Again.`, story: STORY })).documentId;
  const retold = (await addDocument(p, { text: RETOLD, story: STORY })).documentId;
  const made = await createSegment(users.annotator, p, doc, { start: 0, end: 5, outlet: "Harbor Ledger" });
  if (!made.ok) throw new Error(made.error);
  const marked = await markDocumentDone(users.annotator, p, done);
  if (!marked.ok) throw new Error(marked.error);
  const spans = { annotator: await ownSpans(users.annotator, p, doc), manager: await ownSpans(users.manager, p, doc) };
  const links = { annotator: await storySpans(users.annotator, p, doc, retold), manager: await storySpans(users.manager, p, doc, retold) };
  return { f: { p, doc, done, spans, links, segment: made.segment.id, users }, outsider: users.outsider };
}

function request(method: string, body: unknown, query = ""): Request {
  return new Request(`http://localhost/api/x${query}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { "content-type": "application/json", origin: "http://localhost" },
  });
}

const METHOD = /^[A-Z]+/;
const cells = Object.entries(EXPECTED).flatMap(([call, statuses]) => ROLES.map((role, i) => ({ call, role, expected: statuses[i]! })));

describe("authorization matrix of the JSON route handlers", () => {
  it.each(cells)("$call × $role → $expected", async ({ call, role, expected }) => {
    const { f, outsider } = await fixture();
    const as: Member = role === "manager" ? "manager" : "annotator";
    const { send, body, query } = await CALLS[call]!(f, as);
    await signInAs(role === "signed out" ? null : role === "non-member" ? outsider : f.users[as]);
    const audits = await auditCount();
    const response = await send(request(METHOD.exec(call)![0], body, query));
    expect(response.status).toBe(expected);
    if (expected >= 400) {
      expect(await response.json()).toMatchObject({ error: expect.any(String) });
      expect(await auditCount()).toBe(audits);
    }
  });
});

// Keep the matrix honest: a route file or handler added under app/api must get its rows here.
it("covers every route file under app/api and every handler each exports", () => {
  const files = readdirSync(path.join(process.cwd(), "app/api"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith("route.ts"));
  expect(files).toHaveLength(19);
  const modules = {
    sources,
    source,
    mergeRoute,
    undoRoute,
    segments,
    segment,
    annotations,
    annotation,
    restore,
    history,
    status,
    exportRoute,
    claimLinks,
    claimLink,
    matches,
    suggestions,
    suggestionsAccept,
    suggestionsReject,
    suggestionsAcceptAll,
  };
  const exported = Object.entries(modules).flatMap(([name, m]) => Object.keys(m).map((method) => `${name}.${method}`));
  expect(exported.sort()).toEqual(
    [
      "sources.GET",
      "sources.POST",
      "source.PATCH",
      "mergeRoute.POST",
      "undoRoute.POST",
      "segments.GET",
      "segments.POST",
      "segment.DELETE",
      "annotations.GET",
      "annotations.POST",
      "annotation.PATCH",
      "annotation.DELETE",
      "restore.POST",
      "history.GET",
      "status.GET",
      "status.POST",
      "exportRoute.GET",
      "claimLinks.POST",
      "claimLink.DELETE",
      "matches.GET",
      "suggestions.GET",
      "suggestionsAccept.POST",
      "suggestionsReject.POST",
      "suggestionsAcceptAll.POST",
    ].sort(),
  );
});
