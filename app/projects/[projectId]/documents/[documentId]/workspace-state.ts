// Workspace state: the reviewer's spans as the server last confirmed them (`saved`) and as
// the reviewer sees them now (`draft`). Edits show at once; a refused save returns the span
// to `saved`, so the screen never claims something the database does not hold.
// What is derived from the spans (index, counts) is updated with each change in `live`.
import { liveSpans, updateLive, type IndexedSpan, type LiveSpans, type SaveState } from "@/lib/workspace/live-spans";
import { plainSpan } from "@/lib/workspace/loaded-span";
import type { AnnotationDto } from "@/lib/validation/annotations";

export type { SaveState };
export type WorkspaceIndexed = IndexedSpan<WorkspaceSpan>;

export interface WorkspaceSpan {
  /** Stable React key and lookup key: the server id, or a temporary "new-N" until created. */
  key: string;
  draft: AnnotationDto;
  saved: AnnotationDto | null;
  state: SaveState;
  error?: string;
}

export interface WorkspaceState {
  spans: Map<string, WorkspaceSpan>;
  /** The spans on screen in reading order, with counts; kept in step with `spans`. */
  live: LiveSpans<WorkspaceSpan>;
  activeKey: string | null;
  notice: { tone: "error" | "info"; text: string } | null;
}

export type Action =
  | { type: "add"; span: AnnotationDto; key: string }
  | { type: "edit"; key: string; changes: Partial<AnnotationDto>; attributePatch?: Record<string, unknown> }
  | { type: "remove"; key: string }
  | { type: "saving"; key: string }
  | { type: "saved"; key: string; dto: AnnotationDto | null }
  | { type: "failed"; key: string; error: string }
  | { type: "refused"; key: string; error: string }
  | { type: "conflict"; key: string; error: string; current: AnnotationDto | null }
  | { type: "take-server"; key: string }
  | { type: "restored"; dto: AnnotationDto }
  | { type: "activate"; key: string | null }
  | { type: "notice"; notice: WorkspaceState["notice"] };

function patchAttributes(current: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

export function spanKey(dto: AnnotationDto): string {
  return String(dto.id);
}

/** A span the reviewer just tagged, as the workspace holds it until the server has created it. */
export function newDraft(
  tempId: number,
  documentId: number,
  me: { id: number; name: string },
  span: Pick<AnnotationDto, "kind" | "start" | "end" | "exact" | "parentId">,
): AnnotationDto {
  const now = new Date().toISOString();
  return {
    ...span,
    id: -tempId,
    documentId,
    annotatorId: me.id,
    annotatorName: me.name,
    layer: "annotator",
    prefix: "",
    suffix: "",
    attributes: {},
    note: "",
    version: 0,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
  };
}

export function initialState(spans: AnnotationDto[]): WorkspaceState {
  const rows = new Map(spans.map((s) => [spanKey(s), { key: spanKey(s), draft: s, saved: s, state: "saved" as const }]));
  return { spans: rows, live: liveSpans(rows.values()), activeKey: null, notice: null };
}

/**
 * Puts `next` under `key` (null removes it) and updates what is derived from the spans. The map
 * is changed in place (copying 10,000 entries took ~1.3 ms and fed the garbage collector on every
 * change): a render always reads the latest spans, and the new `live` says what changed.
 */
function setSpan(state: WorkspaceState, key: string, next: WorkspaceSpan | null): WorkspaceState {
  const spans = state.spans;
  const before = spans.get(key);
  if (next === null) spans.delete(key);
  else spans.set(key, next);
  const live = updateLive(state.live, key, before, next ?? undefined);
  return { ...state, spans, live, activeKey: next === null && state.activeKey === key ? null : state.activeKey };
}

function withSpan(state: WorkspaceState, key: string, update: (span: WorkspaceSpan) => WorkspaceSpan | null): WorkspaceState {
  const span = state.spans.get(key);
  if (span === undefined) return state;
  return setSpan(state, key, update(span));
}

export function reducer(state: WorkspaceState, action: Action): WorkspaceState {
  switch (action.type) {
    case "add":
      return { ...setSpan(state, action.key, { key: action.key, draft: action.span, saved: null, state: "saving" }), activeKey: action.key };
    case "edit":
      return withSpan(state, action.key, (s) => {
        // The spans the page loaded with read their fields from the page's columns: copy them out.
        const draft = { ...plainSpan(s.draft), ...action.changes };
        // Attribute edits merge into the attributes as they are now, not as the form last saw them.
        if (action.attributePatch) draft.attributes = patchAttributes(draft.attributes, action.attributePatch);
        return { ...s, draft };
      });
    case "remove":
      return withSpan(state, action.key, () => null);
    case "saving":
      return withSpan(state, action.key, (s) => ({ ...s, state: "saving", error: undefined }));
    case "saved":
      // A deleted span comes back as null: drop it. Otherwise the server's copy wins.
      return withSpan(state, action.key, (s) =>
        action.dto === null ? null : { ...s, draft: mergeServerFields(s.draft, action.dto), saved: action.dto, state: "saved", error: undefined },
      );
    case "failed":
      return withSpan(state, action.key, (s) => ({ ...s, state: "failed", error: action.error }));
    case "refused":
      return {
        ...withSpan(state, action.key, (s) => (s.saved === null ? null : { ...s, draft: s.saved, state: "saved", error: undefined })),
        notice: { tone: "error", text: action.error },
      };
    case "conflict":
      return withSpan(state, action.key, (s) => ({ ...s, state: "conflict", error: action.error, saved: action.current ?? s.saved }));
    case "take-server":
      return withSpan(state, action.key, (s) => (s.saved === null ? null : { ...s, draft: s.saved, state: "saved", error: undefined }));
    case "restored": {
      const key = spanKey(action.dto);
      return { ...setSpan(state, key, { key, draft: action.dto, saved: action.dto, state: "saved" }), activeKey: key };
    }
    case "activate":
      return { ...state, activeKey: action.key };
    case "notice":
      return { ...state, notice: action.notice };
  }
}

// While a save is in flight the reviewer may keep editing; the content they see stays theirs
// (a queued save will send it) and only the fields the server owns are taken from its answer.
function mergeServerFields(draft: AnnotationDto, dto: AnnotationDto): AnnotationDto {
  const { id, version, prefix, suffix, createdAt, updatedAt, annotatorId, annotatorName, documentId, layer, deletedAt } = dto;
  return { ...plainSpan(draft), id, version, prefix, suffix, createdAt, updatedAt, annotatorId, annotatorName, documentId, layer, deletedAt };
}
