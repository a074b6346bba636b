// warmStory against a real database: it fills the match-suggestion cache for a whole story,
// so the next suggestMatches reads no candidate row, returns exactly what an unwarmed call
// returns, and still refuses whoever may not see the span. warmComparison likewise fills the
// comparison's span cache with the layer its default view shows.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { documents } from "@/db/tables";
import { createAnnotation } from "@/lib/server/annotations";
import { suggestMatches } from "@/lib/server/claim-links";
import { loadComparison } from "@/lib/server/compare";
import { compareQueries } from "@/lib/server/compare/queries";
import { stampsOf } from "@/lib/server/compare/span-cache";
import { warmComparison } from "@/lib/server/compare/spans";
import { loads } from "@/lib/server/claim-links/candidates";
import { warmStory } from "@/lib/server/claim-links/warm";
import { importDocuments } from "@/lib/server/documents";
import type { SessionUser } from "@/lib/server/session";
import { addMember, project, reviewer } from "./helpers";
import { first } from "@/db/rows";

const TEXTS = [
  "The levy will add $9 a month to a typical water bill. The plant will cost $240 million.",
  "Households will pay $9 more per month on water bills. Governor Hale refused a state loan.",
  "The price tag is $240 million before overruns. The levy adds $9 a month to every water bill.",
];

let p: number;
let docs: number[];
let storyId: number;
let active: number;
let mona: SessionUser;
let ana: SessionUser;
let stranger: SessionUser;

/** Drops the process cache, as a fresh server process starts. */
const forget = (): void => {
  delete (globalThis as { __claimLinkCandidates?: unknown }).__claimLinkCandidates;
};

async function mark(user: SessionUser, doc: number, text: string, needle: string): Promise<number> {
  const start = text.indexOf(needle);
  const made = await createAnnotation(user, p, doc, { kind: "claim", start, end: start + needle.length, exact: needle });
  if (!made.ok) throw new Error(made.error);
  return made.annotation.id;
}

beforeAll(async () => {
  mona = await reviewer("warm-mona");
  ana = await reviewer("warm-ana");
  stranger = await reviewer("warm-stranger");
  p = await project("Warm levy");
  await addMember(p, mona, "manager");
  await addMember(p, ana, "annotator");
  docs = [];
  for (const [i, text] of TEXTS.entries()) {
    const result = await importDocuments({ kind: "system", label: "test" }, p, [{ text }], { title: `Doc ${i}`, story: "Levy" });
    if (!result.ok) throw new Error(result.problems.map((x) => x.message).join("; "));
    docs.push(result.documents[0]!.id);
  }
  storyId = (await first(getDb().select({ storyId: documents.storyId }).from(documents).where(eq(documents.id, docs[0]!))))!.storyId!;
  active = await mark(mona, docs[0]!, TEXTS[0]!, "The levy will add $9 a month to a typical water bill.");
  await mark(mona, docs[1]!, TEXTS[1]!, "Households will pay $9 more per month on water bills.");
  await mark(ana, docs[1]!, TEXTS[1]!, "Households will pay $9 more per month on water bills.");
  await mark(mona, docs[2]!, TEXTS[2]!, "The levy adds $9 a month to every water bill.");
  await mark(ana, docs[2]!, TEXTS[2]!, "The price tag is $240 million before overruns.");
});

describe("warmStory", () => {
  it("fills the cache so the next suggestion reads no candidate row and ranks exactly as an unwarmed call", async () => {
    forget();
    const unwarmed = await suggestMatches(mona, p, docs[0]!, active);
    expect(unwarmed.ok && unwarmed.suggestions.length).toBe(3);

    forget();
    const before = loads.rows;
    const warming = warmStory(storyId);
    // It yields before the first document: the caller's request is not held up by the build.
    expect(loads.rows).toBe(before);
    await warming;
    expect(loads.rows - before).toBe(5); // every live span of the story's three documents

    const after = loads.rows;
    const warmed = await suggestMatches(mona, p, docs[0]!, active);
    expect(loads.rows).toBe(after);
    expect(warmed).toEqual(unwarmed);
  });

  it("re-reads only a document whose spans changed since it was warmed", async () => {
    await warmStory(storyId);
    const before = loads.rows;
    const added = await mark(mona, docs[1]!, TEXTS[1]!, "Governor Hale refused a state loan.");
    await warmStory(storyId);
    expect(loads.rows - before).toBe(3); // document 1's three live spans, nothing else
    const result = await suggestMatches(mona, p, docs[0]!, active);
    expect(loads.rows - before).toBe(3);
    expect(result.ok && result.suggestions.some((s) => s.annotationId === added)).toBe(false); // shares no term
  });

  it("grants nothing: a non-member still gets 404 from a warm cache", async () => {
    await warmStory(storyId);
    const result = await suggestMatches(stranger, p, docs[0]!, active);
    expect(result).toMatchObject({ ok: false, status: 404 });
  });
});

describe("warmComparison", () => {
  it("caches every document's pooled layer, and the comparison then equals an unwarmed one", async () => {
    const queries = compareQueries();
    const cached = async (): Promise<boolean[]> => {
      const stamps = await stampsOf(queries, docs);
      return docs.map((id) => queries.cache.get(`${id}:all`, stamps.get(id) ?? "0") !== null);
    };
    expect(await cached()).toEqual([false, false, false]);
    await warmComparison(p, storyId);
    expect(await cached()).toEqual([true, true, true]);
    const warmed = await loadComparison(mona, p, storyId, { reviewerId: null });
    // A fresh connection has an empty span cache: the same comparison, read from the rows.
    const { closeDb } = await import("@/db");
    await closeDb();
    const unwarmed = await loadComparison(mona, p, storyId, { reviewerId: null });
    expect(warmed.ok && warmed.view.input.spans.length).toBe(6);
    expect(warmed).toEqual(unwarmed);
  });
});
