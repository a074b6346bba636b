// What the demo's two fictional reviewers marked in the three demo articles, which claims the
// team linked across outlets, and how far the review got. Spans name their text, never their
// offsets: the loader finds each phrase in the frozen text (it must occur exactly once) and
// computes the code-point offsets from it, so editing an article cannot leave a span adrift.
import type { AnnotationKind } from "@/lib/validation/annotations";
import type { DemoReviewerKey } from "./demo-people";

export interface DemoSpan {
  key: string;
  /** Index into DEMO_ARTICLES. */
  article: 0 | 1 | 2;
  kind: AnnotationKind;
  phrase: string;
  attributes: Record<string, unknown>;
  /** A name in DEMO_SOURCES: becomes the quote's source_id. */
  speaker?: string;
  /** The key of the span (by the same reviewer) this one is nested in. */
  parent?: string;
  /** Who marked it: both reviewers, or only one. */
  by: "both" | DemoReviewerKey;
  /** How Jonas marked it differently: attributes are merged over Amara's, unless the kind differs. */
  jonas?: { phrase?: string; kind?: AnnotationKind; attributes?: Record<string, unknown> };
}

const certain = { certainty: "certain", checkworthy: "yes" };
const author = (sentiment: number, bias: "lexical" | "informational" | "none") => ({ holder: "author", sentiment, bias });
const said = (speaker_text: string, speaker_type: string, mode: string, cue: string, content_type: string) => ({
  speaker_text,
  speaker_type,
  mode,
  cue,
  content_type,
});

export const DEMO_SPANS: DemoSpan[] = [
  // Coastal Wire Service: reporting, every statement attributed.
  {
    key: "wire-vote",
    article: 0,
    by: "both",
    kind: "claim",
    phrase: "The city council voted 5–2 on Thursday to add a monthly levy to household water bills to pay for a desalination plant at Kessler Point",
    attributes: certain,
  },
  {
    key: "wire-levy-9",
    article: 0,
    by: "both",
    kind: "quote",
    phrase: "The levy will add $9 a month to a typical bill starting in July",
    speaker: "Port Calder finance office",
    attributes: said("the city’s finance office", "named_org", "indirect", "according to figures presented by", "claim"),
    jonas: { kind: "claim", attributes: certain },
  },
  {
    key: "wire-240m",
    article: 0,
    by: "both",
    kind: "claim",
    phrase: "The plant is expected to cost $240 million and supply about a fifth of the city’s water by 2035",
    attributes: { certainty: "probable", checkworthy: "yes" },
    jonas: { phrase: "The plant is expected to cost $240 million" },
  },
  {
    key: "wire-brandt",
    article: 0,
    by: "both",
    kind: "quote",
    phrase: "We have had three drought summers in five years. Doing nothing is also a decision",
    speaker: "Ilse Brandt",
    attributes: { ...said("Mayor Ilse Brandt", "named_person", "direct", "told", "mixed"), addressee: "reporters" },
  },
  {
    key: "wire-droughts",
    article: 0,
    by: "both",
    kind: "claim",
    phrase: "We have had three drought summers in five years",
    parent: "wire-brandt",
    attributes: certain,
  },
  {
    key: "wire-reyes-renters",
    article: 0,
    by: "both",
    kind: "quote",
    phrase: "the levy would fall hardest on renters, whose landlords can pass the cost on",
    speaker: "Tomas Reyes",
    attributes: said("Councillor Tomas Reyes", "named_person", "indirect", "said", "opinion"),
  },
  {
    key: "wire-reyes-loan",
    article: 0,
    by: "amara",
    kind: "quote",
    phrase: "for the plant to be funded through a state loan instead",
    speaker: "Tomas Reyes",
    attributes: said("He", "named_person", "indirect", "called for", "opinion"),
  },
  {
    key: "wire-ratepayers",
    article: 0,
    by: "both",
    kind: "quote",
    phrase: "the group was studying a legal challenge",
    speaker: "Calder Ratepayers Association",
    attributes: said("A spokesperson for the Calder Ratepayers Association", "unnamed_person", "indirect", "said", "claim"),
  },
  {
    key: "wire-permit",
    article: 0,
    by: "both",
    kind: "claim",
    phrase: "The state environment agency has not yet approved the plant’s discharge permit",
    attributes: certain,
  },
  {
    key: "wire-agency",
    article: 0,
    by: "both",
    kind: "quote",
    phrase: "a decision was unlikely before autumn",
    speaker: "State environment agency",
    attributes: said("An agency official, who was not authorised to speak publicly", "unnamed_person", "indirect", "said", "claim"),
    jonas: { attributes: { speaker_type: "unnamed_group" } },
  },

  // The Harbor Ledger: reporting mixed with the paper's own voice, for the levy.
  {
    key: "ledger-rare",
    article: 1,
    by: "both",
    kind: "opinion",
    phrase: "Port Calder’s council did something rare on Thursday: it planned for the next drought instead of the last one",
    attributes: author(2, "lexical"),
    jonas: { attributes: { sentiment: 1 } },
  },
  {
    key: "ledger-levy-9",
    article: 1,
    by: "both",
    kind: "claim",
    phrase: "The 5–2 vote approves a $9 monthly levy to build a desalination plant at Kessler Point",
    attributes: certain,
  },
  {
    key: "ledger-engineers",
    article: 1,
    by: "both",
    kind: "quote",
    phrase: "the plant would cover about 20 percent of demand by 2035",
    speaker: "Port Calder city engineers",
    attributes: said("City engineers", "unnamed_group", "indirect", "say", "claim"),
  },
  {
    key: "ledger-restrictions",
    article: 1,
    by: "jonas",
    kind: "opinion",
    phrase: "enough to end the summer restrictions that have hit small businesses hard",
    attributes: author(1, "informational"),
  },
  {
    key: "ledger-vos-customers",
    article: 1,
    by: "both",
    kind: "quote",
    phrase: "Every summer we lose customers because we can’t water the patio plants, let alone run the misting fans",
    speaker: "Lena Vos",
    attributes: said("Lena Vos, who owns a café on Harbor Street", "named_person", "direct", "said", "claim"),
  },
  {
    key: "ledger-vos-lunch",
    article: 1,
    by: "both",
    kind: "quote",
    phrase: "Nine dollars is less than one lunch",
    speaker: "Lena Vos",
    attributes: said("Lena Vos", "named_person", "direct", "said", "opinion"),
  },
  { key: "ledger-critics", article: 1, by: "both", kind: "claim", phrase: "Critics on the council warned about renters", attributes: certain },
  {
    key: "ledger-hardship",
    article: 1,
    by: "both",
    kind: "opinion",
    phrase: "the council should adopt the hardship discount its own staff proposed",
    attributes: author(1, "none"),
  },
  { key: "ledger-do-nothing", article: 1, by: "both", kind: "opinion", phrase: "amounts to a plan to do nothing", attributes: author(-2, "lexical") },
  { key: "ledger-hale", article: 1, by: "both", kind: "claim", phrase: "Governor Hale has twice refused", attributes: certain },
  {
    key: "ledger-divided",
    article: 1,
    by: "both",
    kind: "claim",
    phrase: "Environmental groups remain divided",
    attributes: { certainty: "underspecified", checkworthy: "no" },
  },
  {
    key: "ledger-chen-monitor",
    article: 1,
    by: "both",
    kind: "quote",
    phrase: "must be monitored from day one",
    speaker: "Marisol Chen",
    attributes: said("Marisol Chen of the Calder Bay Alliance", "named_person", "mixed", "said", "opinion"),
  },
  {
    key: "ledger-chen-permit",
    article: 1,
    by: "both",
    kind: "quote",
    phrase: "the alliance would not oppose the permit",
    speaker: "Marisol Chen",
    attributes: said("Marisol Chen", "named_person", "indirect", "adding", "claim"),
  },

  // Calder Free Press: a blog against the levy; the review of this one is still open.
  {
    key: "press-rammed",
    article: 2,
    by: "both",
    kind: "opinion",
    phrase: "the council majority rammed through a levy",
    attributes: author(-2, "lexical"),
    jonas: { attributes: { sentiment: -1 } },
  },
  { key: "press-108", article: 2, by: "both", kind: "claim", phrase: "will cost every household at least $108 a year", attributes: certain },
  { key: "press-never", article: 2, by: "both", kind: "opinion", phrase: "a plant that may never get its permit", attributes: author(-1, "informational") },
  {
    key: "press-240m",
    article: 2,
    by: "both",
    kind: "claim",
    phrase: "The price tag is $240 million",
    attributes: certain,
    jonas: { phrase: "The price tag is $240 million before the inevitable overruns" },
  },
  { key: "press-overruns", article: 2, by: "amara", kind: "opinion", phrase: "before the inevitable overruns", attributes: author(-1, "lexical") },
  {
    key: "press-elsewhere",
    article: 2,
    by: "both",
    kind: "claim",
    phrase: "Desalination projects elsewhere have run far over budget",
    attributes: { certainty: "underspecified", checkworthy: "yes" },
  },
  {
    key: "press-no-reason",
    article: 2,
    by: "both",
    kind: "opinion",
    phrase: "there is no reason to think Kessler Point will be different",
    attributes: author(-1, "informational"),
  },
  {
    key: "press-stood-up",
    article: 2,
    by: "jonas",
    kind: "opinion",
    phrase: "one of only two members who stood up for ratepayers",
    attributes: author(1, "lexical"),
  },
  {
    key: "press-reyes",
    article: 2,
    by: "both",
    kind: "quote",
    phrase: "We are asking people who already can’t afford rent to bankroll a project that isn’t even approved.",
    speaker: "Tomas Reyes",
    attributes: said("Councillor Tomas Reyes", "named_person", "direct", "put it plainly", "opinion"),
  },
  {
    key: "press-insiders",
    article: 2,
    by: "both",
    kind: "quote",
    phrase: "the mayor wanted the vote done before the state agency rules on the discharge permit, so that the money would already be committed",
    attributes: said("Insiders at City Hall", "unnamed_group", "indirect", "say", "claim"),
  },
  {
    key: "press-sue",
    article: 2,
    by: "both",
    kind: "quote",
    phrase: "it is preparing to sue",
    speaker: "Calder Ratepayers Association",
    attributes: said("The Calder Ratepayers Association", "named_org", "indirect", "says", "claim"),
  },
  {
    key: "press-referendum",
    article: 2,
    by: "both",
    kind: "opinion",
    phrase: "Voters deserved a referendum, not a rushed Thursday-night vote",
    attributes: author(-2, "lexical"),
  },
  {
    key: "press-brandt",
    article: 2,
    by: "both",
    kind: "quote",
    phrase: "doing nothing is also a decision",
    speaker: "Ilse Brandt",
    attributes: said("Mayor Brandt", "named_person", "direct", "claims", "opinion"),
  },
  {
    key: "press-struggling",
    article: 2,
    by: "both",
    kind: "opinion",
    phrase: "So is taxing people who are already struggling",
    attributes: author(-2, "lexical"),
  },
];

/** Claims the team linked across outlets: every listed span, by either reviewer, in one link. */
export const DEMO_LINKS: { label: string; spans: string[] }[] = [
  { label: "A $9 a month levy", spans: ["wire-levy-9", "ledger-levy-9", "press-108"] },
  { label: "The plant costs $240 million", spans: ["wire-240m", "press-240m"] },
  { label: "“Doing nothing is also a decision”", spans: ["wire-brandt", "ledger-do-nothing", "press-brandt"] },
  { label: "The levy falls hardest on renters", spans: ["wire-reyes-renters", "ledger-critics", "press-reyes"] },
];

/** Articles each reviewer marked done; the editor settled gold where both are done. */
export const DEMO_DONE: Record<DemoReviewerKey, number[]> = { amara: [0, 1, 2], jonas: [0, 1] };
export const DEMO_SETTLED: number[] = [0, 1];
