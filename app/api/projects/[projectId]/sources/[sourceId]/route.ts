// PATCH: a curator edits a source (body: updateSourceSchema) → { source, warnings }. Another
// source's name → 409 { code: "duplicate", existing }; an annotator → 403; unknown → 404.
import { updateSource } from "@/lib/server/sources";
import { updateSourceSchema } from "@/lib/validation/sources";
import { begin, failureResponse, readBody } from "../../../../_lib";

type Params = { params: Promise<{ projectId: string; sourceId: string }> };

export async function PATCH(request: Request, { params }: Params): Promise<Response> {
  const start = await begin(params);
  if (start instanceof Response) return start;
  const { user, ids } = start;
  const body = await readBody(request, updateSourceSchema);
  if (!body.ok) return body.response;
  const result = await updateSource(user, ids.projectId, ids.sourceId, body.data);
  return result.ok ? Response.json({ source: result.source, warnings: result.warnings }) : failureResponse(result);
}
