import { countWords, codePointLength, normalizeText } from "../text";
import { sha256Hex } from "../text/hash";
import { assertWellFormed, decodeUtf8Strict } from "./decode";
import { describeSource, ImportError } from "./errors";
import { detectFormat, formatFromFileName, type ImportFormat } from "./formats";
import { extractHtmlArticle } from "./html";
import { cleanTitle, FOUND_TITLE_MAX, parseMarkdownText, parsePlainText } from "./text-formats";

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

interface ImportMetadata {
  fileName?: string;
  /** Overrides any title found in the content. */
  title?: string;
  author?: string;
  publishedAt?: string;
  url?: string;
}

/** Either the file's bytes or already-decoded text (a paste, a CLI argument), not both. */
export type ImportInput = ImportMetadata & ({ bytes: Uint8Array; text?: undefined } | { text: string; bytes?: undefined });

/** What the file itself says, before anything given overrides it; null where it says nothing. */
export interface FoundMetadata {
  title: string | null;
  /** The outlet's name as the page gives it (og:site_name, publisher). */
  outlet: string | null;
  author: string | null;
  /** YYYY-MM-DD */
  publishedAt: string | null;
  url: string | null;
}

export interface PreparedDocument {
  title: string;
  /** Normalized and frozen: every annotation offset points into it. */
  text: string;
  textSha256: string;
  /** In code points, the unit of every stored offset. */
  charCount: number;
  wordCount: number;
  format: ImportFormat;
  author?: string;
  publishedAt?: string;
  url?: string;
  siteName?: string;
  found: FoundMetadata;
}

interface Extracted {
  title: string | null;
  text: string;
  author?: string | null;
  publishedAt?: string | null;
  siteName?: string | null;
  url?: string | null;
}

function formatMegabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function assertSize(byteLength: number, fileName: string | undefined): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError(
      "too_large",
      `${describeSource(fileName)} is ${formatMegabytes(byteLength)}; the import limit is ${formatMegabytes(MAX_IMPORT_BYTES)} (${MAX_IMPORT_BYTES} bytes).`,
    );
  }
}

/** Size before decoding, so an oversized upload is never decoded or parsed. */
function readText(input: ImportInput): string {
  if (input.bytes !== undefined) {
    if (input.text !== undefined) throw new TypeError("prepareDocument: pass bytes or text, not both");
    assertSize(input.bytes.byteLength, input.fileName);
    return decodeUtf8Strict(input.bytes, input.fileName);
  }
  const text = input.text ?? "";
  assertSize(Buffer.byteLength(text, "utf8"), input.fileName);
  assertWellFormed(text, input.fileName);
  return text.replace(/^\uFEFF/, "");
}

function extract(format: ImportFormat, raw: string, url: string | undefined, fileName: string | undefined): Extracted {
  if (format === "markdown") return parseMarkdownText(raw);
  if (format === "text") return parsePlainText(raw);
  const article = extractHtmlArticle(raw, url, fileName);
  return {
    title: cleanTitle(article.title, FOUND_TITLE_MAX),
    text: article.text,
    author: article.author,
    publishedAt: article.publishedAt,
    siteName: article.siteName,
    url: article.url,
  };
}

function optional(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim() ?? "";
  return trimmed === "" ? undefined : trimmed;
}

function missingTitleMessage(format: ImportFormat, fileName: string | undefined): string {
  const where = format === "html" ? "the page has no <title> or headline" : 'it does not start with a "# Title" heading';
  return `${describeSource(fileName)} has no title (${where}). Enter a title for it.`;
}

/**
 * Validates and normalizes one document for import. Throws `ImportError`
 * (too_large, not_utf8, unsupported_type, empty, missing_title, too_complex) with a
 * message meant for the person importing.
 */
export function prepareDocument(input: ImportInput): PreparedDocument {
  const { fileName } = input;
  if (fileName !== undefined && fileName !== "") formatFromFileName(fileName);
  const raw = readText(input);
  const format = detectFormat(fileName, raw);
  const extracted = extract(format, raw, optional(input.url), fileName);

  const text = normalizeText(extracted.text);
  if (text.trim() === "") {
    throw new ImportError("empty", `${describeSource(fileName)} has no text to annotate.`);
  }
  const title = cleanTitle(input.title) ?? extracted.title;
  if (title === null) {
    throw new ImportError("missing_title", missingTitleMessage(format, fileName));
  }

  const found: FoundMetadata = {
    title: extracted.title,
    outlet: optional(extracted.siteName) ?? null,
    author: optional(extracted.author) ?? null,
    publishedAt: optional(extracted.publishedAt) ?? null,
    url: optional(extracted.url) ?? null,
  };
  const document: PreparedDocument = {
    title,
    text,
    textSha256: sha256Hex(text),
    charCount: codePointLength(text),
    wordCount: countWords(text),
    format,
    found,
  };
  const author = optional(input.author) ?? found.author ?? undefined;
  const publishedAt = optional(input.publishedAt) ?? found.publishedAt ?? undefined;
  const url = optional(input.url) ?? found.url ?? undefined;
  const siteName = found.outlet ?? undefined;
  if (author !== undefined) document.author = author;
  if (publishedAt !== undefined) document.publishedAt = publishedAt;
  if (url !== undefined) document.url = url;
  if (siteName !== undefined) document.siteName = siteName;
  return document;
}
