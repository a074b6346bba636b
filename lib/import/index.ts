// Server-only: uses jsdom and node:crypto.
export { ImportError, type ImportErrorCode } from "./errors";
export { decodeUtf8Strict } from "./decode";
export { extractHtmlArticle, type HtmlArticle } from "./html";
export { cleanTitle, FOUND_TITLE_MAX, GIVEN_TITLE_MAX, parseMarkdownText, parsePlainText, type TitledText } from "./text-formats";
export { toIsoDate } from "./dates";
export { readPageMetadata, type PageMetadata } from "./page-metadata";
export { ACCEPTED_EXTENSIONS, detectFormat, looksLikeHtml, type ImportFormat } from "./formats";
export { prepareDocument, MAX_IMPORT_BYTES, type FoundMetadata, type ImportInput, type PreparedDocument } from "./prepare";
export { matchOutlet, resolveMetadata, type KnownOutlet, type MetadataFields, type ResolvedMetadata } from "./item-metadata";
