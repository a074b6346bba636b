import { describeSource, ImportError } from "./errors";

export type ImportFormat = "text" | "markdown" | "html";

export const ACCEPTED_EXTENSIONS: readonly string[] = [".txt", ".md", ".markdown", ".html", ".htm"];

const FORMAT_BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  ".txt": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
};

/** Lower-cased extension with its dot (".md"), or "" when the name has none. */
export function fileExtension(fileName: string): string {
  const base = fileName.slice(fileName.replace(/\\/g, "/").lastIndexOf("/") + 1);
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(dot).toLowerCase() : "";
}

/** Checked before reading the bytes, so a PDF is refused for what it is, not as "not UTF-8". */
export function formatFromFileName(fileName: string): ImportFormat {
  const format = FORMAT_BY_EXTENSION[fileExtension(fileName)];
  if (format === undefined) {
    throw new ImportError("unsupported_type", `${describeSource(fileName)} can't be imported: accepted file types are ${ACCEPTED_EXTENSIONS.join(", ")}.`);
  }
  return format;
}

/**
 * Whether text is a whole HTML page (doctype or <html> first, after comments).
 * Only the start is looked at; this decides how to parse, it does not parse.
 */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  return /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i.test(head);
}

/**
 * Extension first; a .txt or pasted text that is really a saved web page is
 * read as HTML, since annotating its markup would be useless.
 */
export function detectFormat(fileName: string | undefined, text: string): ImportFormat {
  const byName = fileName === undefined || fileName === "" ? "text" : formatFromFileName(fileName);
  return byName === "text" && looksLikeHtml(text) ? "html" : byName;
}
