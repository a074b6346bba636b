// GET ?format=…&layer=…&kinds=…&story=…&outlet=…&documents=…&goldOnly=…&text=…: the project's
// annotations as a file, streamed as it is written. For scripts, authorised by a personal API
// token (`Authorization: Bearer pdt_…`); a signed-in browser may use its session cookie instead.
// This is the only route that reads the Authorization header: tokens are read-only because
// nothing else accepts them. prepareExport checks membership and role (404 / 403) and the
// choices (400 naming them); this handler only establishes who is asking.
import { authenticateApiToken, bearerToken } from "@/lib/server/api-tokens";
import { getCurrentSession } from "@/lib/server/auth";
import { prepareExport } from "@/lib/server/export";
import { streamResponse } from "@/lib/server/export/response";
import type { SessionUser } from "@/lib/server/session";
import { parseId } from "@/lib/validation/projects";
import { failureResponse, notFound } from "../../../_lib";

type Params = { params: Promise<{ projectId: string }> };

// RFC 6750 §3: a 401 names the scheme, and says when the token presented was the problem.
function unauthenticated(error: string, invalidToken: boolean): Response {
  const challenge = `Bearer realm="provenance-desk"${invalidToken ? ', error="invalid_token"' : ""}`;
  return Response.json({ error, code: "unauthenticated" }, { status: 401, headers: { "WWW-Authenticate": challenge } });
}

/** Who is asking: the token's owner when a token is sent (never falling back to the cookie), else the session's user. */
async function requester(request: Request): Promise<SessionUser | Response> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const user = await authenticateApiToken(bearerToken(authorization));
    return user ?? unauthenticated("This API token is not valid: it is unknown, revoked or malformed.", true);
  }
  const { user } = await getCurrentSession();
  return user ?? unauthenticated("Sign in, or send a personal API token as “Authorization: Bearer <token>”.", false);
}

/** The query string as an object; a key given more than once (kinds=claim&kinds=quote) keeps every value. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const user = await requester(request);
  if (user instanceof Response) return user;
  const projectId = parseId((await params).projectId);
  if (projectId === null) return notFound();
  const url = new URL(request.url);
  const prepared = await prepareExport(user, projectId, queryObject(url), url.origin);
  if ("ok" in prepared) return failureResponse(prepared);
  return streamResponse(prepared, request.signal);
}
