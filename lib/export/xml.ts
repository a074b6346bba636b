// XML escaping for the XML-based writers. XML 1.0 cannot carry every string our documents can
// hold: C0 controls other than tab, newline and carriage return, lone surrogates, U+FFFE and
// U+FFFF are not characters of the language at all, not even as &#N; references. Text is
// normalized on import but such characters survive it (a form feed pasted from a PDF), so the
// writers replace each with U+FFFD and say so, rather than emit a file no parser will open.

/** Anything XML 1.0 cannot hold: a lone surrogate is matched only when it is not part of a pair. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const REPLACEMENT_CHARACTER = "\uFFFD";

export interface XmlSafeText {
  text: string;
  /** How many characters were replaced by U+FFFD. */
  replaced: number;
}

/**
 * Replaces what XML 1.0 cannot hold by U+FFFD. Each replaced character is one UTF-16 unit and
 * one code point, as U+FFFD is, so every offset into the text stays valid.
 */
export function xmlSafe(text: string): XmlSafeText {
  let replaced = 0;
  const safe = text.replace(NOT_XML, () => {
    replaced++;
    return REPLACEMENT_CHARACTER;
  });
  return { text: safe, replaced };
}

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

// In an attribute, tab, newline and carriage return must be character references: a parser
// normalizes literal ones to spaces (XML 1.0 §3.3.3), which would shift no offsets but would
// change the text, and our sofa text holds newlines.
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Escapes element content. The input must already be xmlSafe. */
export function escapeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!);
}

/** Escapes a double- or single-quoted attribute value. The input must already be xmlSafe. */
export function escapeXmlAttr(value: string): string {
  return value.replace(/[&<>"'\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}
