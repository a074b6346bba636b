// A small deterministic tokenizer for the token-based exports (CoNLL). It need not be clever,
// only stable and never coarser than the word edges spans snap to (lib/text/snap.ts), so that a
// span tagged in the app starts and ends on token edges. Offsets are code points, like spans.

export interface Token {
  text: string;
  /** Code point offsets into the document text, end exclusive. */
  start: number;
  end: number;
  /** A sentence may end after this token (a line break or sentence-final punctuation follows). */
  sentenceEnd: boolean;
}

// Separators never belong to a token. This is wider than what Python's str.split() treats as
// whitespace (which includes U+001C–U+001F and U+0085, unlike JavaScript's \s), so a token
// never holds anything a CoNLL reader would split on.
const SEPARATOR = /[\s\p{Cc}\p{Z}\p{Cf}]/u;
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/u;
const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]/u;
// Between two word characters these belong to the word: don't, ex-minister, 5.5, and the
// zero-width (non-)joiners and soft hyphen that Persian, Indic and hyphenated text put inside words.
const JOINERS = new Set(["'", "’", "-", "‐", ".", "\u200C", "\u200D", "\u00AD"]);
// What continues a symbol or emoji: combining marks and variation selectors, skin tones, tag characters.
const EXTENDS = /[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}]/u;
const REGIONAL_INDICATOR = /\p{Regional_Indicator}/u;
const ZWJ = "\u200D";

const TERMINALS = new Set([".", "!", "?", "…", "‼", "⁇", "⁈", "⁉", "。", "！", "？", "؟", "۔"]);
// Closing quotes and brackets after a sentence end still belong to that sentence: pay.”
const CLOSER = /^[\p{Pf}\p{Pe}"']$/u;

// The classes of the 128 ASCII characters, worked out once with the expressions above: most of
// an English article is ASCII, and a table lookup costs far less than a Unicode-property regex
// test, which the tokenizer otherwise makes several times per character.
const ASCII_WORD = new Uint8Array(128);
const ASCII_SEPARATOR = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = WORD.test(String.fromCharCode(c)) ? 1 : 0;
  ASCII_SEPARATOR[c] = SEPARATOR.test(String.fromCharCode(c)) ? 1 : 0;
}

/** `ch` is one code point, or "" past either end of the text (never a word character). */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? ASCII_WORD[c] === 1 : WORD.test(ch);
}

function isSeparatorChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c < 128 ? ASCII_SEPARATOR[c] === 1 : SEPARATOR.test(ch);
}

function isWordAt(chars: readonly string[], i: number): boolean {
  const ch = chars[i];
  if (ch === undefined) return false;
  if (isWordChar(ch)) return true;
  return JOINERS.has(ch) && isWordChar(chars[i - 1] ?? "") && isWordChar(chars[i + 1] ?? "");
}

function isSeparatorAt(chars: readonly string[], i: number): boolean {
  return isSeparatorChar(chars[i]!) && !isWordAt(chars, i);
}

/** The end of the symbol, punctuation mark or emoji sequence starting at `i`. */
function symbolEnd(chars: readonly string[], i: number): number {
  let e = i + 1;
  if (REGIONAL_INDICATOR.test(chars[i]!) && REGIONAL_INDICATOR.test(chars[e] ?? "")) e++;
  for (;;) {
    const ch = chars[e];
    if (ch === undefined) return e;
    if (EXTENDS.test(ch)) e++;
    else if (ch === ZWJ && chars[e + 1] !== undefined && !SEPARATOR.test(chars[e + 1]!)) e += 2;
    else return e;
  }
}

/** Splits text into words, numbers, punctuation marks and emoji; never an empty token. */
export function tokenize(text: string): Token[] {
  const chars = Array.from(text);
  const tokens: Token[] = [];
  let i = 0;
  // The UTF-16 offset of chars[i], so a token's text is one slice of `text`.
  let unit = 0;
  let lineBreak = false;
  while (i < chars.length) {
    if (isSeparatorAt(chars, i)) {
      if (LINE_BREAK.test(chars[i]!)) lineBreak = true;
      unit += chars[i]!.length;
      i++;
      continue;
    }
    let e = i + 1;
    if (isWordAt(chars, i)) {
      while (e < chars.length && isWordAt(chars, e)) e++;
    } else {
      e = symbolEnd(chars, i);
    }
    const previous = tokens[tokens.length - 1];
    if (previous !== undefined && lineBreak) previous.sentenceEnd = true;
    lineBreak = false;
    let end = unit;
    for (let k = i; k < e; k++) end += chars[k]!.length;
    tokens.push({ text: text.slice(unit, end), start: i, end: e, sentenceEnd: false });
    i = e;
    unit = end;
  }
  markSentenceEnds(tokens);
  return tokens;
}

/** A sentence ends after final punctuation and any closing quotes or brackets that follow it. */
function markSentenceEnds(tokens: Token[]): void {
  let pending = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (TERMINALS.has(token.text)) pending = true;
    else if (pending && !CLOSER.test(token.text)) {
      tokens[i - 1]!.sentenceEnd = true;
      pending = false;
    }
    if (token.sentenceEnd) pending = false;
  }
  const last = tokens[tokens.length - 1];
  if (last !== undefined) last.sentenceEnd = true;
}
