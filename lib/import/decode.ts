import { describeSource, ImportError } from "./errors";

/**
 * Refuses rather than repairs: a lenient decoder would silently put U+FFFD in
 * place of bad bytes and the frozen text would no longer match the file.
 * The decoder strips a leading BOM (ignoreBOM defaults to false).
 */
export function decodeUtf8Strict(bytes: Uint8Array, fileName?: string): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("not_utf8", `${describeSource(fileName)} is not valid UTF-8 text. Save it as UTF-8 and import it again.`);
  }
}

/** A JS string can hold lone surrogates, which no UTF-8 file can; refuse them the same way. */
export function assertWellFormed(text: string, fileName?: string): void {
  if (/[\uD800-\uDFFF]/u.test(text)) {
    throw new ImportError("not_utf8", `${describeSource(fileName)} contains an unpaired surrogate and cannot be stored as UTF-8 text.`);
  }
}
