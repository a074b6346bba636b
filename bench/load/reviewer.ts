// One simulated reviewer. After signing in it repeats a fixed cycle until the deadline: open the
// project's document list, open a document, read its spans, create four spans, edit two (with
// the version the server last gave), delete one, read the spans again. So the mix is fixed:
// per 11 requests, 1 list page, 1 document page, 2 span lists, 4 creates, 2 edits, 1 delete.
import type { Client, Reply } from "./http";
import type { Recorder, RouteKey } from "./stats";
import { seededRandom } from "./texts";

export interface LoadDocument {
  id: number;
  /** The stored text as code points: offsets and `exact` are computed in them, as DESIGN.md says. */
  chars: string[];
  /** Code-point [start, end) of each run of non-space characters. */
  words: [number, number][];
}

export function loadDocument(id: number, text: string): LoadDocument {
  const chars = Array.from(text);
  const words: [number, number][] = [];
  let start = -1;
  chars.forEach((c, i) => {
    const space = /\s/.test(c);
    if (!space && start < 0) start = i;
    if (space && start >= 0) {
      words.push([start, i]);
      start = -1;
    }
  });
  if (start >= 0) words.push([start, chars.length]);
  return { id, chars, words };
}

export interface ReviewerContext {
  client: Client;
  recorder: Recorder;
  projectId: number;
  documents: LoadDocument[];
  index: number;
  thinkMs: number;
  deadline: number;
}

interface OwnSpan {
  id: number;
  version: number;
  kind: string;
}

const KINDS = ["claim", "opinion", "quote"] as const;
const ATTRIBUTES = {
  claim: { certainty: "probable", checkworthy: "yes" },
  opinion: { holder: "author", sentiment: -1 },
  quote: { speaker_text: "a spokesperson", speaker_type: "unnamed_person", mode: "direct" },
} as const;

async function timed(ctx: ReviewerContext, route: RouteKey, expected: number, path: string, method = "GET", body?: unknown): Promise<Reply | null> {
  try {
    const reply = await ctx.client.request(path, { method, body: body === undefined ? undefined : JSON.stringify(body) });
    ctx.recorder.record(route, reply.status, reply.ms, reply.body, expected);
    return reply.status === expected ? reply : null;
  } catch (error) {
    ctx.recorder.recordNetworkError(route, error);
    return null;
  }
}

const json = <T>(reply: Reply | null): T | null => (reply === null ? null : (JSON.parse(reply.body) as T));

async function think(ctx: ReviewerContext, random: () => number): Promise<void> {
  if (ctx.thinkMs > 0) await new Promise((r) => setTimeout(r, random() * 2 * ctx.thinkMs));
}

/** A run of 1–25 whole words somewhere in the document. */
function randomSpan(doc: LoadDocument, random: () => number): { start: number; end: number; exact: string } {
  const first = Math.floor(random() * doc.words.length);
  const last = Math.min(doc.words.length - 1, first + Math.floor(random() * 25));
  const start = doc.words[first]![0];
  const end = doc.words[last]![1];
  return { start, end, exact: doc.chars.slice(start, end).join("") };
}

async function cycle(ctx: ReviewerContext, round: number, random: () => number): Promise<void> {
  const doc = ctx.documents[(ctx.index * 7 + round) % ctx.documents.length]!;
  const base = `/api/projects/${ctx.projectId}/documents/${doc.id}/annotations`;
  const steps: (() => Promise<unknown>)[] = [
    () => timed(ctx, "list", 200, `/projects/${ctx.projectId}`),
    () => timed(ctx, "page", 200, `/projects/${ctx.projectId}/documents/${doc.id}`),
  ];
  let mine: OwnSpan[] = [];
  steps.push(async () => {
    mine = json<{ annotations: OwnSpan[] }>(await timed(ctx, "spans", 200, base))?.annotations ?? mine;
  });
  for (let k = 0; k < 4; k++) {
    steps.push(async () => {
      const kind = KINDS[(round + k) % 3]!;
      const created = json<OwnSpan>(await timed(ctx, "create", 201, base, "POST", { kind, ...randomSpan(doc, random), attributes: ATTRIBUTES[kind] }));
      if (created !== null) mine.push(created);
    });
  }
  for (let k = 0; k < 2; k++) {
    steps.push(async () => {
      const span = mine[mine.length - 1 - k];
      if (span === undefined) return;
      const edited = json<OwnSpan>(await timed(ctx, "edit", 200, `${base}/${span.id}`, "PATCH", { version: span.version, note: `edited in round ${round}` }));
      if (edited !== null) span.version = edited.version;
    });
  }
  steps.push(async () => {
    const span = mine.shift();
    if (span !== undefined) await timed(ctx, "remove", 200, `${base}/${span.id}`, "DELETE", { version: span.version });
  });
  steps.push(() => timed(ctx, "spans", 200, base));
  for (const step of steps) {
    if (performance.now() >= ctx.deadline) return;
    await step();
    await think(ctx, random);
  }
}

/** Runs cycles until the deadline (a performance.now() time); requests started before it finish. */
export async function runReviewer(ctx: ReviewerContext): Promise<void> {
  const random = seededRandom(1000 + ctx.index);
  for (let round = 0; performance.now() < ctx.deadline; round++) await cycle(ctx, round, random);
}
