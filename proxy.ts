// Runs before every request. Two cheap, early checks; the real authorization happens in
// lib/server next to the data, on every read and write.
//  1. Cross-site request forgery: a state-changing request must come from this origin.
//     SameSite=Lax already keeps the session cookie off cross-site POSTs; this also covers
//     route handlers and same-site subdomains.
//  2. A request without a session cookie for a private page goes to /login at once.
import { NextResponse, type NextRequest } from "next/server";

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

export function proxy(request: NextRequest): NextResponse {
  if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && !isSameOrigin(request)) {
    return new NextResponse("Cross-origin requests are refused.", { status: 403 });
  }
  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  // The JSON API answers 401 itself; only pages are sent to the sign-in form.
  const isApi = pathname.startsWith("/api/");
  if (!isPublic && !isApi && !request.cookies.has(SESSION_COOKIE) && request.method === "GET") {
    const login = new URL("/login", request.url);
    if (pathname !== "/") login.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  return NextResponse.next();
}

export const config = {
  // Everything but Next's own assets.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
