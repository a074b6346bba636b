// Article texts for the load bench: a few dozen news-length documents. Paragraphs come from the
// sample corpus in ../shared/corpus when it is there (read at run time, never copied into the
// repository), else from a small generator. Either way each text is unique, since the importer
// refuses a second copy of a text in one project.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export interface ArticleSpec {
  title: string;
  outlet: string;
  story: string;
  publishedAt: string;
  text: string;
}

/** A small deterministic generator (mulberry32), so two runs import the same articles. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const SUBJECTS = [
  "The council",
  "The finance minister",
  "A spokesperson for the utility",
  "Residents of the harbour district",
  "The opposition leader",
  "Analysts at the regional bank",
  "The mayor’s office",
  "Two former officials",
];
const VERBS = ["approved", "questioned", "defended", "criticised", "delayed", "announced", "rejected", "welcomed"];
const OBJECTS = [
  "the water levy",
  "a plan to expand the desalination plant",
  "the draft budget",
  "new rules for rental housing",
  "the audit of last year’s contracts",
  "a tariff on imported steel",
];
const TAILS = [
  "on Thursday",
  "after a two-hour debate",
  "despite protests outside the hall",
  "according to figures seen by reporters",
  "in a statement released late on Monday",
  "— a move few had expected",
];
const SPEAKERS = ["a senior official", "the committee chair", "one resident", "a union representative", "an economist who asked not to be named"];

function generatedSentence(random: () => number): string {
  if (random() < 0.25) {
    return `“${pick(random, OBJECTS).replace(/^./, (c) => c.toUpperCase())} is ${pick(random, ["overdue", "a mistake", "the least bad option", "unfair to renters"])},” said ${pick(random, SPEAKERS)}.`;
  }
  return `${pick(random, SUBJECTS)} ${pick(random, VERBS)} ${pick(random, OBJECTS)} ${pick(random, TAILS)}.`;
}

function generatedParagraph(random: () => number): string {
  const sentences = 2 + Math.floor(random() * 4);
  return Array.from({ length: sentences }, () => generatedSentence(random)).join(" ");
}

/** The corpus's paragraphs of at least a few words, or [] when the folder is absent. */
export function corpusParagraphs(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .flatMap((name) => readFileSync(path.join(folder, name), "utf8").split(/\n\s*\n|\n/))
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 12);
}

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

// News articles run from a few hundred words to a few thousand; most sit near 800.
const LENGTHS = [450, 600, 750, 800, 900, 1000, 1200, 1500, 2200, 3000];

/**
 * `count` articles spread over `stories` stories, each covered by different outlets. A text is
 * a run of paragraphs up to its target length, headed by a line naming its number so that no two
 * texts are equal even when their paragraphs repeat.
 */
export function buildArticles(count: number, stories: number, paragraphs: string[], seed = 10): ArticleSpec[] {
  const random = seededRandom(seed);
  const articles: ArticleSpec[] = [];
  for (let i = 0; i < count; i++) {
    const target = LENGTHS[i % LENGTHS.length]!;
    const body: string[] = [`Article ${i + 1} of the load benchmark.`];
    let words = 0;
    while (words < target) {
      const paragraph = paragraphs.length > 0 ? pick(random, paragraphs) : generatedParagraph(random);
      body.push(paragraph);
      words += wordCount(paragraph);
    }
    const story = i % stories;
    articles.push({
      title: `Load article ${i + 1}: story ${story + 1}`,
      outlet: `Outlet ${(Math.floor(i / stories) % 8) + 1}`,
      story: `Load story ${story + 1}`,
      publishedAt: `2026-0${1 + (i % 9)}-1${i % 10}`,
      text: body.join("\n\n"),
    });
  }
  return articles;
}
