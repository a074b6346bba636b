// A project whose article has three direct quotes (a registry speaker, a named speaker not yet in
// the registry, an unnamed one), for the suggestion tests. Everything is made through the app's
// own import, membership and sources code; the suggestions come from the real lib/suggest.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db";
import { suggestionDecisions, type SuggestionDecision } from "@/db/tables";
import type { SessionUser } from "@/lib/server/session";
import { listSuggestionsForMember } from "@/lib/server/suggestions";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { addMember, project, reviewer } from "./helpers";
import { addDocument } from "./outlets-helpers";
import { addSource } from "./sources-helpers";

export const ARTICLE = [
  "Harbor council votes on the flood levy",
  "“The levy is fair and the river will pay for itself,” Mayor Rana Haddad said on Tuesday.",
  "Critics were unconvinced. “This plan is reckless and nobody has costed it,” said Tom Okafor, a councillor for the eastern ward.",
  "“We have waited ten years for a decision,” a spokesperson for the harbour authority told reporters.",
].join("\n\n");

/** Words inside each quote, to find its suggestion whatever punctuation the suggester keeps. */
export const QUOTES = { haddad: "levy is fair", okafor: "plan is reckless", spokesperson: "waited ten years" } as const;

export interface SuggestWorld {
  p: number;
  doc: number;
  manager: SessionUser;
  ana: SessionUser;
  ben: SessionUser;
  /** The registry's "Rana Haddad" (alias "Mayor Haddad"). */
  haddad: number;
}

let n = 0;

export async function suggestWorld(text = ARTICLE): Promise<SuggestWorld> {
  const p = await project();
  const [manager, ana, ben] = [await reviewer(), await reviewer(), await reviewer()];
  await addMember(p, manager, "manager");
  await addMember(p, ana, "annotator");
  await addMember(p, ben, "annotator");
  const doc = (await addDocument(p, { text, title: `Levy ${++n}` })).documentId;
  return { p, doc, manager, ana, ben, haddad: await addSource(p, "Rana Haddad", ["Mayor Haddad"]) };
}

/** The member's open suggestions, failing the test on a refusal. */
export async function open(user: SessionUser, w: SuggestWorld, doc = w.doc): Promise<SuggestionDto[]> {
  const listed = await listSuggestionsForMember(user, w.p, doc);
  if (!listed.ok) throw new Error(listed.error);
  return listed.suggestions;
}

/** The suggestion whose quoted text holds `words`. */
export function byWords(list: readonly SuggestionDto[], words: string): SuggestionDto {
  const found = list.find((s) => s.exact.includes(words));
  expect(found, `a suggestion holding “${words}” among ${JSON.stringify(list.map((s) => s.exact))}`).toBeDefined();
  return found!;
}

export async function decisionsOf(user: SessionUser): Promise<SuggestionDecision[]> {
  return await getDb().select().from(suggestionDecisions).where(eq(suggestionDecisions.userId, user.id));
}
