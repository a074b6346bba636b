// The response headers that limit what a successful injection could do. Pure, so the proxy and
// the tests build exactly the same policy.
//
// Scripts: only Next's own, each carrying this request's nonce ('strict-dynamic' lets those
// load their chunks); no inline or injected script runs. Styles keep 'unsafe-inline' because
// React's style attributes and the SVG charts' <style> elements need it, and a style cannot
// run code. Nothing may frame the app, post a form elsewhere or load plugins.
import staticHeaders from "./static-headers.json";

/** A fresh, unguessable nonce: 16 random bytes in base64. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  nonce: string;
  /** next dev evaluates code for its error overlay and fast refresh; production never does. */
  development?: boolean;
}

export function contentSecurityPolicy({ nonce, development = false }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/**
 * Headers every response carries, whatever produced it: nosniff; a Referrer-Policy of
 * same-origin, so a link out to an article's source does not tell it which project or document
 * pointed there; X-Frame-Options for browsers that ignore frame-ancestors; no camera,
 * microphone, location, payment or USB. Kept in JSON because next.config.js (plain JS) applies
 * the same list to static assets.
 */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = staticHeaders;
