// The people of the demo project: the team that annotated it and the speakers its articles
// quote. All fiction, like the articles. The team's accounts cannot sign in (see
// lib/server/demo/people.ts): they exist so a newcomer sees a comparison already filled in.

export type DemoReviewerKey = "amara" | "jonas";

export interface DemoAccount {
  username: string;
  displayName: string;
}

/** Two reviewers who annotated every article, and the editor who settled the gold layer. */
export const DEMO_REVIEWERS: Record<DemoReviewerKey, DemoAccount> = {
  amara: { username: "demo.amara", displayName: "Amara Quist (demo reviewer)" },
  jonas: { username: "demo.jonas", displayName: "Jonas Feld (demo reviewer)" },
};

export const DEMO_ADJUDICATOR: DemoAccount = { username: "demo.ines", displayName: "Ines Marlow (demo editor)" };

export type DemoSourceKind = "person" | "organization" | "government";

export interface DemoSource {
  name: string;
  kind: DemoSourceKind;
  affiliation?: string;
  description?: string;
}

/** The speakers the articles quote, as the demo's sources registry holds them. */
export const DEMO_SOURCES: DemoSource[] = [
  { name: "Ilse Brandt", kind: "person", affiliation: "Mayor of Port Calder" },
  { name: "Tomas Reyes", kind: "person", affiliation: "Port Calder city council" },
  { name: "Lena Vos", kind: "person", affiliation: "Café owner, Harbor Street" },
  { name: "Marisol Chen", kind: "person", affiliation: "Calder Bay Alliance" },
  {
    name: "Calder Ratepayers Association",
    kind: "organization",
    description: "Quoted through an unnamed spokesperson in one article and by name in another.",
  },
  {
    name: "State environment agency",
    kind: "government",
    description: "Quoted through an official who was not named.",
  },
  { name: "Port Calder finance office", kind: "government", affiliation: "City of Port Calder" },
  { name: "Port Calder city engineers", kind: "government", affiliation: "City of Port Calder" },
];

export interface DemoRating {
  outlet: string;
  axis: "left_right" | "reliability" | "stance";
  values: Record<DemoReviewerKey, number>;
  rationale: string;
}

/** Each reviewer's perspective ratings of the three outlets, on the project's default axes. */
export const DEMO_RATINGS: DemoRating[] = [
  {
    outlet: "Coastal Wire Service",
    axis: "left_right",
    values: { amara: 0, jonas: 0.5 },
    rationale: "Straight wire copy; both sides quoted at similar length.",
  },
  { outlet: "Coastal Wire Service", axis: "reliability", values: { amara: 48, jonas: 46 }, rationale: "Figures attributed to their source; no loaded words." },
  { outlet: "Coastal Wire Service", axis: "stance", values: { amara: 0, jonas: 0 }, rationale: "Reports the vote without taking a side on the levy." },
  { outlet: "The Harbor Ledger", axis: "left_right", values: { amara: -2, jonas: -1.5 }, rationale: "Favours public investment; editorial voice throughout." },
  {
    outlet: "The Harbor Ledger",
    axis: "reliability",
    values: { amara: 40, jonas: 42 },
    rationale: "Facts check out, but opinion is mixed into the reporting.",
  },
  { outlet: "The Harbor Ledger", axis: "stance", values: { amara: 2, jonas: 1 }, rationale: "Argues for the levy and quotes mainly its supporters." },
  {
    outlet: "Calder Free Press",
    axis: "left_right",
    values: { amara: 4, jonas: 3.5 },
    rationale: "Anti-tax framing; speaks for ratepayers against the council.",
  },
  {
    outlet: "Calder Free Press",
    axis: "reliability",
    values: { amara: 22, jonas: 26 },
    rationale: "Unnamed insiders and loaded verbs; the $108 figure is right.",
  },
  { outlet: "Calder Free Press", axis: "stance", values: { amara: -2, jonas: -2 }, rationale: "Opposes the levy in every paragraph." },
];
