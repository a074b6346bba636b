// POST { from, into }: a curator merges source `from` into `into` → { mergeId, kept, moved }.
// The same id twice → 422; a source not in this project → 404; an annotator → 403.
import { mergeSources } from "@/lib/server/sources";
import { mergeSourcesSchema } from "@/lib/validation/sources";
import { begin, failureResponse, readBody } from "../../../../_lib";

type Params = { params: Promise<{ projectId: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, mergeSourcesSchema);
  if (!body.ok) return body.response;
  const result = await mergeSources(user, ids.projectId, body.data);
  if (!result.ok) return failureResponse(result);
  return Response.json({ mergeId: result.mergeId, kept: result.kept, moved: result.moved });
}
