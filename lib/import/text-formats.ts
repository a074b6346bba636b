import { codePointLength, sliceCodePoints } from "../text";

/** A title found in a file (a first line, a heading, a page title) is cut to what a list can show. */
export const FOUND_TITLE_MAX = 120;
/** A title someone typed is kept whole up to the form's own limit. */
export const GIVEN_TITLE_MAX = 300;

/**
 * Collapses whitespace and, past `max` code points, cuts at the last word boundary and adds
 * "…" (the result, ellipsis included, is at most `max`); null when nothing is left. A text
 * without spaces in its first half (CJK, a URL) is cut mid-word rather than to a stub.
 */
export function cleanTitle(raw: string | null | undefined, max: number = GIVEN_TITLE_MAX): string | null {
  const title = (raw ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (title === "") return null;
  if (codePointLength(title) <= max) return title;
  const cut = sliceCodePoints(title, 0, max - 1);
  // When the cut falls just before a space, the last word is whole and stays.
  const space = sliceCodePoints(title, max - 1, max) === " " ? cut.length : cut.lastIndexOf(" ");
  const head = space > 0 && codePointLength(cut.slice(0, space)) >= max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:–—-]+$/u, "")}…`;
}

export interface TitledText {
  title: string | null;
  text: string;
}

function firstNonEmptyLine(text: string): string | null {
  for (const line of text.split(/\r\n?|\n/)) {
    if (line.trim() !== "") return line;
  }
  return null;
}

/** Plain text: the first non-empty line is the title candidate; the text is unchanged. */
export function parsePlainText(text: string): TitledText {
  return { title: cleanTitle(firstNonEmptyLine(text), FOUND_TITLE_MAX), text };
}

/**
 * Markdown is annotated as the plain text it is, so the text is unchanged; a
 * leading ATX heading (`# Title`) is taken as the title candidate.
 */
export function parseMarkdownText(md: string): TitledText {
  const first = firstNonEmptyLine(md);
  const heading = first === null ? null : /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(first);
  return { title: cleanTitle(heading?.[1], FOUND_TITLE_MAX), text: md };
}
