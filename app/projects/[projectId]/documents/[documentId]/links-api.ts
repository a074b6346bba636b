// The workspace's calls to the claim-link API: a span's link and suggested matches, link, unlink.
import type { LinkedSpan, MatchSuggestion } from "@/lib/server/claim-links";
import type { ApiResult } from "./api-client";

export type { LinkedSpan, MatchSuggestion };

export interface MatchesDto {
  link: { linkId: number | null; spans: LinkedSpan[] };
  suggestions: MatchSuggestion[];
}

async function call<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json" } });
  } catch {
    return { ok: false, status: 0, retryable: true, error: "The server could not be reached." };
  }
  const body = response.status === 204 ? {} : ((await response.json().catch(() => ({}))) as Record<string, unknown>);
  if (response.ok) return { ok: true, data: body as T };
  const error = typeof body.error === "string" ? body.error : `The server answered ${response.status}.`;
  return { ok: false, status: response.status, retryable: response.status >= 500, error };
}

export function linksApi(projectId: number, documentId: number) {
  return {
    matches: (annotationId: number) =>
      call<MatchesDto>(`/api/projects/${projectId}/documents/${documentId}/annotations/${annotationId}/matches`, { method: "GET" }),
    link: (annotationId: number, otherAnnotationId: number) =>
      call<{ linkId: number; spans: LinkedSpan[] }>(`/api/projects/${projectId}/claim-links`, {
        method: "POST",
        body: JSON.stringify({ annotationId, otherAnnotationId }),
      }),
    unlink: (annotationId: number) => call<Record<string, never>>(`/api/projects/${projectId}/claim-links/${annotationId}`, { method: "DELETE" }),
  };
}

export type LinksApi = ReturnType<typeof linksApi>;
