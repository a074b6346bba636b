// How project guidelines (Markdown written by a manager, read by every member) may turn into
// HTML. Guidelines are untrusted input: raw HTML in them is never rendered (react-markdown
// drops it), and the tree that Markdown makes is sanitised with GitHub's schema
// (rehype-sanitize), which removes event handlers, style, script and any URL whose protocol is
// not http(s), mailto, irc(s) or xmpp. GitHub's schema also prefixes every id with
// "user-content-" so a heading or footnote cannot shadow a global (DOM clobbering).
import { defaultSchema } from "rehype-sanitize";

export const CLOBBER_PREFIX = defaultSchema.clobberPrefix ?? "user-content-";

/** GitHub's schema as rehype-sanitize ships it; kept in one place so every renderer uses it. */
export const GUIDELINES_SCHEMA: typeof defaultSchema = defaultSchema;

export interface LinkProps {
  href?: string;
  target?: "_blank";
  rel?: string;
  /** Opens another site: say so to the reader. */
  external: boolean;
}

const WEB = /^https?:\/\//i;

/**
 * Where a link in the guidelines goes and how it opens. Links to other sites open in a new tab
 * with rel="noopener noreferrer", so the opened page gets no handle on this one and learns
 * nothing of where it was linked from. A link to "#name" is pointed at the prefixed id the
 * sanitiser gave that element, as GitHub does. A link the sanitiser emptied (javascript: and
 * the like) gets no href at all.
 */
export function linkProps(href: string | undefined | null): LinkProps {
  const url = (href ?? "").trim();
  if (url === "") return { external: false };
  if (url.startsWith("#")) {
    const name = url.slice(1);
    return { href: name.startsWith(CLOBBER_PREFIX) ? url : `#${CLOBBER_PREFIX}${name}`, external: false };
  }
  if (WEB.test(url)) return { href: url, target: "_blank", rel: "noopener noreferrer", external: true };
  return { href: url, external: false };
}
