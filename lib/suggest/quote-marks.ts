// Finds the spans of text inside quotation marks, in one linear pass over the marks.
// Works on an array of code points, so every index is the code-point offset spans store.
// A mark can open or close depending on what stands beside it (a straight " does both; ’ is
// usually an apostrophe), so each mark is classified by its neighbours, then every opener is
// paired with the next closer of its style. Quotes of another style inside a quote are left
// inside it (nesting), and a quote that never closes in its paragraph is dropped, unless the
// next paragraph opens with the same mark (the English convention for a quote running over
// paragraphs).
import type { CodePoints } from "@/lib/text/snap";

export interface QuotedSpan {
  /** Index of the opening mark; content is open + 1 … close (exclusive). */
  readonly open: number;
  readonly close: number;
  readonly style: string;
  readonly paragraphs: number;
}

interface MarkToken {
  readonly at: number;
  readonly mark: string;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  readonly paragraph: number;
}

// Which marks close a quote opened by each mark, and the style named in the evidence.
const STYLES: Record<string, { closers: string; name: string }> = {
  "“": { closers: '”"', name: "curly double quotes" },
  "„": { closers: "“”", name: "German low-high quotes" },
  "”": { closers: "“”", name: "right-to-left or Nordic double quotes" },
  '"': { closers: '"”', name: "straight double quotes" },
  "‘": { closers: "’'", name: "curly single quotes" },
  "‚": { closers: "‘’", name: "German low-high single quotes" },
  "'": { closers: "'’", name: "straight single quotes" },
  "«": { closers: "»", name: "guillemets" },
  "»": { closers: "«", name: "reversed guillemets" },
  "「": { closers: "」", name: "corner brackets" },
  "『": { closers: "』", name: "white corner brackets" },
};
const MARKS = new Set(["“", "”", "„", '"', "‘", "’", "‚", "'", "«", "»", "「", "」", "『", "』"]);
const WORDISH = /[\p{L}\p{N}\p{M}]/u;
const BLANK = /\s/u;
const OPEN_CONTEXT = /[\s([{\-–—/:]/u;

function isBlankOrEdge(ch: string | undefined): boolean {
  return ch === undefined || BLANK.test(ch);
}

/**
 * ’ or ' in a word (don’t), after a plural or name's last s before a lower-case word (Jones’
 * son: the price is that ‘a mess’ and … cannot close there), or for a decade (’90s).
 */
function isApostrophe(chars: CodePoints, i: number): boolean {
  const before = chars[i - 1];
  const after = chars[i + 1];
  const wordBefore = before !== undefined && WORDISH.test(before);
  const wordAfter = after !== undefined && WORDISH.test(after);
  if (wordBefore && wordAfter) return true;
  if (chars[i] !== "‘" && before === "s" && after === " " && /\p{Ll}/u.test(chars[i + 2] ?? "")) return true;
  if (/\d/.test(after ?? "") && /\d/.test(chars[i + 2] ?? "") && !/\d/.test(chars[i + 3] ?? "")) return true;
  return false;
}

function classify(chars: CodePoints, i: number, paragraph: number): MarkToken | null {
  const mark = chars[i]!;
  const before = chars[i - 1];
  const after = chars[i + 1];
  if ((mark === "’" || mark === "'" || mark === "‘") && isApostrophe(chars, i)) return null;
  const openSide = before === undefined || OPEN_CONTEXT.test(before) || MARKS.has(before);
  const closeSide = isBlankOrEdge(after) || !WORDISH.test(after!);
  // Guillemets are never apostrophes, and French sets them off with spaces: « comme ça ».
  const spaced = mark === "«" || mark === "»";
  const canOpen = STYLES[mark] !== undefined && openSide && (spaced || !isBlankOrEdge(after));
  const canClose = (spaced && mark === "»") || (!isBlankOrEdge(before) && (closeSide || !openSide));
  if (!canOpen && !canClose) return null;
  return { at: i, mark, canOpen, canClose, paragraph };
}

function markTokens(chars: CodePoints): MarkToken[] {
  const tokens: MarkToken[] = [];
  let paragraph = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === "\n") paragraph++;
    else if (MARKS.has(ch)) {
      const token = classify(chars, i, paragraph);
      if (token !== null) tokens.push(token);
    }
  }
  return tokens;
}

/** For each token index and closing mark, the index of the next token that can close with it. */
function nextClosers(tokens: readonly MarkToken[]): Map<string, Int32Array> {
  const table = new Map<string, Int32Array>();
  for (const mark of MARKS) {
    const next = new Int32Array(tokens.length + 1).fill(-1);
    for (let k = tokens.length - 1; k >= 0; k--) {
      next[k] = tokens[k]!.canClose && tokens[k]!.mark === mark ? k : next[k + 1]!;
    }
    table.set(mark, next);
  }
  return table;
}

/** The first non-blank character of each paragraph, to see whether it reopens a quote. */
function paragraphOpeners(chars: CodePoints): string[] {
  const firsts: string[] = [];
  let seeking = true;
  for (const ch of chars) {
    if (ch === "\n") {
      if (seeking) firsts.push("");
      seeking = true;
    } else if (seeking && !BLANK.test(ch)) {
      firsts.push(ch);
      seeking = false;
    }
  }
  if (seeking) firsts.push("");
  return firsts;
}

/** For each paragraph p, the last paragraph r such that p + 1 … r all open with the same mark. */
function sameOpenerReach(firsts: readonly string[]): Int32Array {
  const reach = new Int32Array(firsts.length);
  for (let p = firsts.length - 1; p >= 0; p--) {
    const next = firsts[p + 1];
    if (next === undefined || next === "") reach[p] = p;
    else reach[p] = firsts[p + 2] === next ? Math.max(reach[p + 1]!, p + 1) : p + 1;
  }
  return reach;
}

function closerFor(tokens: readonly MarkToken[], table: Map<string, Int32Array>, k: number): number {
  let best = -1;
  for (const closer of STYLES[tokens[k]!.mark]!.closers) {
    const c = table.get(closer)![k + 1]!;
    if (c >= 0 && (best < 0 || c < best)) best = c;
  }
  return best;
}

/** Every quoted span, in text order, none overlapping. */
export function findQuotedSpans(chars: CodePoints): QuotedSpan[] {
  const tokens = markTokens(chars);
  const table = nextClosers(tokens);
  const firsts = paragraphOpeners(chars);
  const reach = sameOpenerReach(firsts);
  const spans: QuotedSpan[] = [];
  let k = 0;
  while (k < tokens.length) {
    const token = tokens[k]!;
    const c = token.canOpen ? closerFor(tokens, table, k) : -1;
    if (c < 0) {
      k++;
      continue;
    }
    const closing = tokens[c]!;
    const p = token.paragraph;
    const runsOn = closing.paragraph === p || (firsts[p + 1] === token.mark && closing.paragraph <= reach[p]!);
    if (!runsOn) {
      k++;
      continue;
    }
    spans.push({ open: token.at, close: closing.at, style: STYLES[token.mark]!.name, paragraphs: closing.paragraph - token.paragraph + 1 });
    k = c + 1;
  }
  return spans;
}
