// The demo project loaded into a new database, so a newcomer sees something real at once.
// Everything here is fiction written for Provenance Desk: the town, the outlets, the people
// and the quotes. Three outlets with different slants cover one story.

export const DEMO_PROJECT = {
  name: "Demo: the Port Calder water levy",
  description: "Three fictional outlets cover one fictional story. Try reading each and comparing how they source and slant it.",
  guidelines: [
    "# Demo guidelines",
    "",
    "- **Claim**: a checkable statement about the world (“the levy adds $9 a month”).",
    "- **Opinion**: an evaluation, prediction or recommendation (“a reckless gamble”).",
    "- **Attributed quote**: words the article attributes to someone; record who said it and how.",
  ].join("\n"),
};

export const DEMO_STORY = "Port Calder council approves the desalination water levy";

export interface DemoArticle {
  title: string;
  outlet: { name: string; domain: string; kind: "newspaper" | "wire" | "blog"; country: string };
  author: string;
  publishedAt: string;
  url: string;
  text: string;
}

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    title: "Council approves water levy to fund Kessler Point desalination plant",
    outlet: { name: "Coastal Wire Service", domain: "coastalwire.example", kind: "wire", country: "XX" },
    author: "Dana Ruiz",
    publishedAt: "2031-03-14",
    url: "https://coastalwire.example/2031/03/14/port-calder-water-levy",
    text: [
      "PORT CALDER — The city council voted 5–2 on Thursday to add a monthly levy to household water bills to pay for a desalination plant at Kessler Point.",
      "The levy will add $9 a month to a typical bill starting in July, according to figures presented by the city’s finance office. The plant is expected to cost $240 million and supply about a fifth of the city’s water by 2035.",
      "“We have had three drought summers in five years. Doing nothing is also a decision,” Mayor Ilse Brandt told reporters after the vote.",
      "Councillor Tomas Reyes, who voted against, said the levy would fall hardest on renters, whose landlords can pass the cost on. He called for the plant to be funded through a state loan instead.",
      "A spokesperson for the Calder Ratepayers Association said the group was studying a legal challenge.",
      "The state environment agency has not yet approved the plant’s discharge permit. An agency official, who was not authorised to speak publicly, said a decision was unlikely before autumn.",
    ].join("\n\n"),
  },
  {
    title: "Port Calder finally bets on a water future it can count on",
    outlet: { name: "The Harbor Ledger", domain: "harborledger.example", kind: "newspaper", country: "XX" },
    author: "Priya Okafor",
    publishedAt: "2031-03-15",
    url: "https://harborledger.example/news/2031/water-levy-vote",
    text: [
      "After years of rationing notices and brown lawns, Port Calder’s council did something rare on Thursday: it planned for the next drought instead of the last one.",
      "The 5–2 vote approves a $9 monthly levy to build a desalination plant at Kessler Point. City engineers say the plant would cover about 20 percent of demand by 2035, enough to end the summer restrictions that have hit small businesses hard.",
      "“Every summer we lose customers because we can’t water the patio plants, let alone run the misting fans,” said Lena Vos, who owns a café on Harbor Street. “Nine dollars is less than one lunch.”",
      "Critics on the council warned about renters. Those concerns deserve an answer, and the council should adopt the hardship discount its own staff proposed.",
      "But the alternative offered by the levy’s opponents, waiting for a state loan that Governor Hale has twice refused, amounts to a plan to do nothing.",
      "Environmental groups remain divided. Marisol Chen of the Calder Bay Alliance said the brine discharge “must be monitored from day one,” while adding that the alliance would not oppose the permit.",
    ].join("\n\n"),
  },
  {
    title: "Another tax on your tap: council rams through desalination levy",
    outlet: { name: "Calder Free Press", domain: "calderfreepress.example", kind: "blog", country: "XX" },
    author: "Rick Hollander",
    publishedAt: "2031-03-15",
    url: "https://calderfreepress.example/2031/03/another-tax-on-your-tap",
    text: [
      "Port Calder families just got another bill. On Thursday the council majority rammed through a levy that will cost every household at least $108 a year for a plant that may never get its permit.",
      "The price tag is $240 million before the inevitable overruns. Desalination projects elsewhere have run far over budget, and there is no reason to think Kessler Point will be different.",
      "Councillor Tomas Reyes, one of only two members who stood up for ratepayers, put it plainly: “We are asking people who already can’t afford rent to bankroll a project that isn’t even approved.”",
      "Insiders at City Hall say the mayor wanted the vote done before the state agency rules on the discharge permit, so that the money would already be committed.",
      "The Calder Ratepayers Association says it is preparing to sue, and it should. Voters deserved a referendum, not a rushed Thursday-night vote.",
      "Mayor Brandt claims that “doing nothing is also a decision.” So is taxing people who are already struggling.",
    ].join("\n\n"),
  },
];
