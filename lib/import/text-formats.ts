import { codePointLength, sliceCodePoints } from "../text";

/** Longer first lines are a paragraph, not a title; cut them to something a list can show. */
export const MAX_TITLE_CODE_POINTS = 200;

/** Collapses whitespace and shortens at a word boundary; null when nothing is left. */
export function cleanTitle(raw: string | null | undefined): string | null {
  const title = (raw ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
  if (title === "") return null;
  if (codePointLength(title) <= MAX_TITLE_CODE_POINTS) return title;
  const cut = sliceCodePoints(title, 0, MAX_TITLE_CODE_POINTS - 1);
  const space = cut.lastIndexOf(" ");
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
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
  return { title: cleanTitle(firstNonEmptyLine(text)), text };
}

/**
 * Markdown is annotated as the plain text it is, so the text is unchanged; a
 * leading ATX heading (`# Title`) is taken as the title candidate.
 */
export function parseMarkdownText(md: string): TitledText {
  const first = firstNonEmptyLine(md);
  const heading = first === null ? null : /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/.exec(first);
  return { title: cleanTitle(heading?.[1]), text: md };
}
