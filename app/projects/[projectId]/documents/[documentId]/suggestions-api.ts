// The workspace's calls to the suggestion API (app/api/…/suggestions): list, accept, reject and
// accept all. Like every workspace call, each resolves to a result and never throws.
import type { AnnotationDto, SourceDto } from "@/lib/validation/annotations";
import type { SuggestionDto } from "@/lib/validation/suggestions";
import { call } from "./api-client";

export interface AcceptedDto {
  key: string;
  annotation: AnnotationDto;
  source: SourceDto | null;
  newSource: boolean;
}

export function suggestionsApi(projectId: number, documentId: number) {
  const base = `/api/projects/${projectId}/documents/${documentId}/suggestions`;
  const post = <T>(path: string, body: unknown) => call<T>(`${base}${path}`, { method: "POST", body: JSON.stringify(body) });
  return {
    list: () => call<{ suggestions: SuggestionDto[] }>(base, { method: "GET" }),
    accept: (key: string) => post<AcceptedDto>("/accept", { key }),
    reject: (key: string) => post<{ key: string }>("/reject", { key }),
    acceptAll: (minConfidence: number) => post<{ accepted: AcceptedDto[]; skipped: number }>("/accept-all", { minConfidence }),
  };
}

export type SuggestionsApi = ReturnType<typeof suggestionsApi>;
