// Server-only: uses jsdom and node:crypto.
export { ImportError, type ImportErrorCode } from "./errors";
export { decodeUtf8Strict } from "./decode";
export { extractHtmlArticle, type HtmlArticle } from "./html";
export { parseMarkdownText, parsePlainText, type TitledText } from "./text-formats";
export { ACCEPTED_EXTENSIONS, detectFormat, looksLikeHtml, type ImportFormat } from "./formats";
export {
  prepareDocument,
  MAX_IMPORT_BYTES,
  type ImportInput,
  type PreparedDocument,
} from "./prepare";
