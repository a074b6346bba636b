// Runs before every request. Two cheap, early checks; the real authorization happens in
// lib/server next to the data, on every read and write.
//  1. Cross-site request forgery: a state-changing request must come from this origin.
//     SameSite=Lax already keeps the session cookie off cross-site POSTs; this also covers
//     route handlers and same-site subdomains.
//  2. A request without a session cookie for a private page goes to /login at once.
//  3. Security headers: a Content-Security-Policy with a fresh nonce per request. Next reads the
//     nonce from the request's own CSP header and puts it on every script it renders.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, generateNonce, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

const PUBLIC_PATHS = ["/login", "/setup"];
const SESSION_COOKIE = "pd_session"; // same name as lib/server/session.ts (proxy stays dependency-free)

function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return host !== null && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function withSecurityHeaders(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = generateNonce();
  const csp = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request)) {
    return withSecurityHeaders(new NextResponse("Cross-origin requests are refused.", { status: 403 }), csp);
  }
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // The JSON API answers 401 itself; only pages are sent to the sign-in form.
  const isApi = pathname.startsWith("/api/");
  if (!isPublic && !isApi && !request.cookies.has(SESSION_COOKIE) && request.method === "GET") {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return withSecurityHeaders(NextResponse.redirect(login), csp);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("Content-Security-Policy", csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: forwarded } }), csp);
}

export const config = {
  // Everything but Next's own assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
