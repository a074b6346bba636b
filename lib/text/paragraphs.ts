import { codePointLength } from "./code-points";

/** One rendered paragraph; `start`/`end` are code point offsets into the document. */
export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/**
 * Splits on every newline (a blank line is just an empty paragraph, dropped),
 * so each line of the frozen text becomes one `<p>`. The newlines themselves
 * belong to no paragraph and cannot be selected. To map a selection back:
 * `paragraph.start + utf16ToCodePoint(paragraph.text, offsetInParagraph)`.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split("\n")) {
    const length = codePointLength(line);
    if (line.trim() !== "") {
      paragraphs.push({ start: offset, end: offset + length, text: line });
    }
    offset += length + 1;
  }
  return paragraphs;
}
