// The workspace's calls to the annotation API. Every call resolves to a result, never
// throws: a network failure is { ok: false, retryable: true } so the saver can retry it.
import type { AnnotationDto, HistoryEntry, SourceDto, SpanFields } from "@/lib/validation/annotations";
import type { UpdateSourceInput } from "@/lib/validation/sources";

export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; status: number; retryable: boolean; error: string; code?: string; current?: AnnotationDto; existing?: SourceDto };

export async function call<T>(url: string, init: RequestInit): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init.headers } });
  } catch {
    return { ok: false, status: 0, retryable: true, error: "The server could not be reached." };
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return { ok: true, data: body as T };
  return {
    ok: false,
    status: response.status,
    retryable: response.status >= 500 || response.status === 429,
    error: typeof body.error === "string" ? body.error : `The server answered ${response.status}.`,
    code: typeof body.code === "string" ? body.code : undefined,
    current: (body.current as AnnotationDto | undefined) ?? undefined,
    existing: (body.existing as SourceDto | undefined) ?? undefined,
  };
}

export type SpanPayload = SpanFields;

export function annotationsApi(projectId: number, documentId: number) {
  const base = `/api/projects/${projectId}/documents/${documentId}`;
  return {
    create: (payload: SpanPayload) => call<AnnotationDto>(`${base}/annotations`, { method: "POST", body: JSON.stringify(payload) }),
    update: (id: number, version: number, payload: Partial<SpanPayload>) =>
      call<AnnotationDto>(`${base}/annotations/${id}`, { method: "PATCH", body: JSON.stringify({ ...payload, version }) }),
    remove: (id: number, version: number) => call<AnnotationDto>(`${base}/annotations/${id}`, { method: "DELETE", body: JSON.stringify({ version }) }),
    restore: (id: number, version: number) => call<AnnotationDto>(`${base}/annotations/${id}/restore`, { method: "POST", body: JSON.stringify({ version }) }),
    history: (id: number) => call<{ entries: HistoryEntry[] }>(`${base}/annotations/${id}/history`, { method: "GET" }),
    deleted: () => call<{ annotations: AnnotationDto[] }>(`${base}/annotations?deleted=1`, { method: "GET" }),
    markDone: () => call<{ status: string }>(`${base}/status`, { method: "POST", body: JSON.stringify({ done: true }) }),
  };
}

export type AnnotationsApi = ReturnType<typeof annotationsApi>;

export type { HistoryEntry, SourceDto };

export function sourcesApi(projectId: number) {
  const base = `/api/projects/${projectId}/sources`;
  return {
    search: (q: string) => call<{ sources: SourceDto[] }>(`${base}?q=${encodeURIComponent(q)}`, { method: "GET" }),
    create: (input: { name: string; kind: string; affiliation?: string }) => call<{ source: SourceDto }>(base, { method: "POST", body: JSON.stringify(input) }),
    // The Sources page's curation calls (managers and adjudicators).
    update: (id: number, input: UpdateSourceInput) =>
      call<{ source: SourceDto; warnings: string[] }>(`${base}/${id}`, { method: "PATCH", body: JSON.stringify(input) }),
    merge: (from: number, into: number) =>
      call<{ mergeId: number; kept: SourceDto; moved: number }>(`${base}/merge`, { method: "POST", body: JSON.stringify({ from, into }) }),
    undoMerge: (mergeId: number) =>
      call<{ restored: SourceDto; movedBack: number; left: number }>(`${base}/merges/${mergeId}/undo`, { method: "POST", body: "{}" }),
  };
}
