// Keyboard vs mouse: the same ten spans of a sample article tagged both ways in Chromium,
// counting every key press and every mouse action, timing both and printing the figures
// (bench/RESULTS.md records them). The sample is read from ../shared/corpus at run time; a
// generated article stands in when the corpus is absent.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { splitParagraphs } from "@/lib/text";
import { nextUntaggedSentence, sentenceRanges, type TextRange } from "@/lib/text/sentences";
import { moveEdge, snapToWords, toCodePoints, type CodePoints } from "@/lib/text/snap";
import { cursorAfter, paragraphStep, wordStep } from "@/lib/workspace/cursor";
import { launchBrowser, setUpFirstAdmin, startServer, type TestServer } from "./harness";
import { drag, dragPoints, importAndOpen, storedText } from "./keyboard-helpers";
import { apiSpans, waitSaved } from "./workspace-helpers";

type Kind = "claim" | "opinion" | "quote";
interface Target extends TextRange {
  kind: Kind;
}

const SAMPLE = path.resolve(process.cwd(), "..", "shared", "corpus", "000_bc5b35d7452cbeee.txt");
const DIGIT: Record<Kind, string> = { claim: "1", opinion: "2", quote: "3" };
const BUTTON: Record<Kind, string> = { claim: "Claim", opinion: "Opinion", quote: "Attributed quote" };
// Keystroke-Level Model operator times (Card, Moran & Newell 1980): a key press by an average
// typist, pointing with a mouse, a button press and release, moving a hand between devices.
const KLM = { K: 0.28, P: 1.1, B: 0.2, H: 0.4 };

/** A stand-in article when the corpus is absent: plain sentences and some quotes, deterministic. */
function generatedArticle(): string {
  const subjects = ["The council", "The minister", "A spokesperson", "The report", "Residents", "The agency"];
  const verbs = ["announced", "questioned", "rejected", "described", "expected", "reviewed"];
  const objects = ["the new budget", "a plan for the harbour", "the delayed bridge", "rising water prices", "the annual audit"];
  const lines: string[] = [];
  for (let p = 0; p < 8; p++) {
    const sentences: string[] = [];
    for (let s = 0; s < 4; s++) {
      const i = p * 4 + s;
      const plain = `${subjects[i % 6]} ${verbs[(i * 5) % 6]} ${objects[(i * 7) % 5]} on ${["Monday", "Tuesday", "Friday"][i % 3]}.`;
      sentences.push(i % 5 === 2 ? `“We will look at ${objects[i % 5]} again,” ${subjects[(i + 1) % 6]!.toLowerCase()} said.` : plain);
    }
    lines.push(sentences.join(" "));
  }
  return lines.join("\n");
}

/** Ten spans a reviewer would tag: whole sentences as claims and opinions, quoted words as quotes. */
function chooseTargets(chars: CodePoints): Target[] {
  const targets: Target[] = [];
  for (const sentence of sentenceRanges(chars)) {
    const words = snapToWords(chars, sentence.start, sentence.end);
    if (words === null || chars.slice(words.start, words.end).join("").split(/\s+/).length < 4) continue;
    const open = chars.indexOf("“", sentence.start);
    const close = open >= 0 && open < sentence.end ? chars.indexOf("”", open) : -1;
    const quoted = close > open && close <= sentence.end ? snapToWords(chars, open + 1, close) : null;
    if (quoted !== null) targets.push({ ...quoted, kind: "quote" });
    else targets.push({ ...words, kind: targets.length % 2 === 0 ? "claim" : "opinion" });
    if (targets.length === 10) break;
  }
  return targets;
}

interface Sim {
  cursor: TextRange | null;
  caret: number;
  mine: TextRange[];
}

const same = (a: TextRange | null, b: TextRange): boolean => a !== null && a.start === b.start && a.end === b.end;

/** Keys that select `t` by `n` and then trimming edges, or null if `n` does not land around it. */
function bySentence(chars: CodePoints, sentences: TextRange[], sim: Sim, t: TextRange): string[] | null {
  let r = nextUntaggedSentence(chars, sentences, sim, sim.mine);
  if (r === null || r.start > t.start || r.end < t.end) return null;
  const keys = ["n"];
  // moveEdge returns the span itself when it cannot move: stop there rather than loop.
  while (r.start < t.start) {
    const next = moveEdge(chars, r, "start", "narrow");
    if (next === r) return null;
    r = next;
    keys.push("Alt+Shift+ArrowRight");
  }
  while (r.end > t.end) {
    const next = moveEdge(chars, r, "end", "narrow");
    if (next === r) return null;
    r = next;
    keys.push("Shift+ArrowLeft");
  }
  return same(r, t) ? keys : null;
}

/** Keys that walk the cursor to `t` by paragraphs and words, then widen its end. */
function byWalking(chars: CodePoints, starts: number[], sim: Sim, t: TextRange): string[] | null {
  const keys: string[] = [];
  const step = (key: string, next: TextRange | null): TextRange | null => {
    keys.push(key);
    return next;
  };
  let cur = sim.cursor ?? step("ArrowRight", wordStep(chars, { start: sim.caret, end: sim.caret }, 1));
  while (cur !== null) {
    const below = paragraphStep(chars, starts, cur, false, 1);
    if (below === null || below.start > t.start) break;
    cur = step("ArrowDown", below);
  }
  while (cur !== null && cur.start < t.start) cur = step("ArrowRight", wordStep(chars, cur, 1));
  while (cur !== null && cur.start === t.start && cur.end < t.end) {
    const wider = moveEdge(chars, cur, "end", "widen");
    if (wider === cur) break;
    cur = step("Shift+ArrowRight", wider);
  }
  return same(cur, t) ? keys : null;
}

/** The fewest keys the workspace's rules need to tag each target in turn. */
function planKeys(chars: CodePoints, targets: Target[]): string[][] {
  const sentences = sentenceRanges(chars);
  const starts = splitParagraphs(chars.join("")).map((p) => p.start);
  const sim: Sim = { cursor: null, caret: 0, mine: [] };
  return targets.map((t) => {
    const options = [bySentence(chars, sentences, sim, t), byWalking(chars, starts, sim, t)].filter((k): k is string[] => k !== null);
    if (options.length === 0) throw new Error(`no key path to ${chars.slice(t.start, t.end).join("")}`);
    const keys = [...options.sort((a, b) => a.length - b.length)[0]!, DIGIT[t.kind]];
    Object.assign(sim, { cursor: cursorAfter(chars, t), caret: t.end, mine: [...sim.mine, t] });
    return keys;
  });
}

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: "texts" }), launchBrowser()]);
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await setUpFirstAdmin(page, server.baseUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function storedTargets(): Promise<string[]> {
  await waitSaved(page);
  return (await apiSpans(page)).map((s) => `${s.start}-${s.end} ${s.kind}`).sort();
}

it("tags the same ten spans of a sample article with fewer actions by keyboard than by mouse", async () => {
  const corpus = existsSync(SAMPLE);
  const article = corpus ? readFileSync(SAMPLE, "utf8") : generatedArticle();
  await importAndOpen(page, server.baseUrl, "Keyboard path", article);
  const chars = toCodePoints(await storedText(page));
  const targets = chooseTargets(chars);
  expect(targets).toHaveLength(10);
  const expected = targets.map((t) => `${t.start}-${t.end} ${t.kind}`).sort();

  // Keyboard: one click to put the focus in the text, then keys only.
  const plan = planKeys(chars, targets);
  const keyboardStart = performance.now();
  const first = await dragPoints(page, 0, 1);
  await page.mouse.click(first.x1, first.y1);
  for (const key of plan.flat()) await page.keyboard.press(key);
  expect(await storedTargets()).toEqual(expected);
  const keyboardSeconds = (performance.now() - keyboardStart) / 1000;

  // Mouse: the same spans in a copy of the article (the importer refuses the same text twice).
  await importAndOpen(page, server.baseUrl, "Mouse path", `${article}\n(copy for the mouse path)`);
  const mouseStart = performance.now();
  let moves = 0;
  let presses = 0;
  for (const t of targets) {
    await drag(page, await dragPoints(page, t.start, t.end)); // point, press, point, release
    await page.getByRole("button", { name: BUTTON[t.kind], exact: true }).click(); // point, click
    moves += 3;
    presses += 2;
  }
  expect(await storedTargets()).toEqual(expected);
  const mouseSeconds = (performance.now() - mouseStart) / 1000;

  const keys = plan.flat().length;
  const keyboardActions = keys + 2; // plus the focusing click: one pointing move and one press
  const mouseActions = moves + presses;
  const klmKeyboard = keys * KLM.K + KLM.P + KLM.B + KLM.H;
  const klmMouse = moves * KLM.P + presses * KLM.B;
  const counts = targets.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.kind]: (acc[t.kind] ?? 0) + 1 }), {});
  console.log(
    [
      `[keyboard-vs-mouse] article: ${corpus ? path.basename(SAMPLE) : "generated stand-in"} (${chars.length} code points); ten spans: ${JSON.stringify(counts)}`,
      `[keyboard-vs-mouse] keys per span: ${plan.map((k) => k.length).join(" ")} (${plan.map((k) => k.join(" ")).join(" | ")})`,
      `[keyboard-vs-mouse] keyboard: ${keys} key presses + 1 click to focus = ${keyboardActions} actions; ${keyboardSeconds.toFixed(2)} s driven; KLM estimate for a person ${klmKeyboard.toFixed(1)} s`,
      `[keyboard-vs-mouse] mouse:    ${moves} pointer moves + ${presses} button presses = ${mouseActions} actions; ${mouseSeconds.toFixed(2)} s driven; KLM estimate for a person ${klmMouse.toFixed(1)} s`,
    ].join("\n"),
  );
  expect(keyboardActions).toBeLessThan(mouseActions);
});
