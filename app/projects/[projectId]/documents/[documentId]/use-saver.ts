"use client";
// Sends the reviewer's changes to the server one at a time, in the order they were made, so
// an edit never overtakes the creation of its span. Network failures and server errors are
// retried; a refusal (bad offsets, stale version, frozen layer) is shown and rolled back.
import { useCallback, useEffect, useRef, type Dispatch, type RefObject } from "react";
import type { AnnotationDto } from "@/lib/validation/annotations";
import type { AnnotationsApi, ApiResult, SpanPayload } from "./api-client";
import type { Action, WorkspaceSpan, WorkspaceState } from "./workspace-state";

type OpType = "create" | "update" | "delete";
interface Op {
  type: OpType;
  key: string;
}

const RETRY_DELAYS_MS = [0, 400, 1500];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function payloadOf(span: AnnotationDto): SpanPayload {
  const { kind, start, end, exact, attributes, note, parentId } = span;
  return { kind, start, end, exact, attributes, note, parentId };
}

async function withRetries(send: () => Promise<ApiResult<AnnotationDto>>): Promise<ApiResult<AnnotationDto>> {
  let result: ApiResult<AnnotationDto> = { ok: false, status: 0, retryable: true, error: "Not sent." };
  for (const delay of RETRY_DELAYS_MS) {
    if (delay > 0) await sleep(delay);
    result = await send();
    if (result.ok || !result.retryable) return result;
  }
  return result;
}

function sendOp(api: AnnotationsApi, op: Op, span: WorkspaceSpan): (() => Promise<ApiResult<AnnotationDto>>) | null {
  if (op.type === "create") return () => api.create(payloadOf(span.draft));
  if (span.saved === null) return null; // its creation has not succeeded; retrying that sends the latest draft
  const version = span.saved.version;
  if (op.type === "delete") return () => api.remove(span.saved!.id, version);
  return () => api.update(span.saved!.id, version, payloadOf(span.draft));
}

export interface Saver {
  enqueue: (type: OpType, key: string) => void;
  retry: (span: WorkspaceSpan) => void;
}

export function useSaver(api: AnnotationsApi, dispatch: Dispatch<Action>, stateRef: RefObject<WorkspaceState>): Saver {
  const queue = useRef<Op[]>([]);
  const running = useRef(false);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    while (queue.current.length > 0) {
      const op = queue.current.shift()!;
      const span = stateRef.current.spans.get(op.key);
      if (span === undefined) continue;
      const send = sendOp(api, op, span);
      if (send === null) {
        if (op.type === "delete") dispatch({ type: "remove", key: op.key });
        continue;
      }
      // A new span is "saving" from the start: no render needed to say so again.
      if (span.state !== "saving") dispatch({ type: "saving", key: op.key });
      const result = await withRetries(send);
      if (result.ok) dispatch({ type: "saved", key: op.key, dto: op.type === "delete" ? null : result.data });
      else if (result.code === "stale") dispatch({ type: "conflict", key: op.key, error: result.error, current: result.current ?? null });
      else if (result.retryable) dispatch({ type: "failed", key: op.key, error: result.error });
      else dispatch({ type: "refused", key: op.key, error: result.error });
    }
    running.current = false;
  }, [api, dispatch, stateRef]);

  const enqueue = useCallback(
    (type: OpType, key: string) => {
      // One pending update per span is enough: it sends the latest draft when its turn comes.
      const pending = queue.current.some((op) => op.key === key && op.type === type && type !== "delete");
      if (!pending) queue.current.push({ type, key });
      void run();
    },
    [run],
  );

  const retry = useCallback(
    (span: WorkspaceSpan) => {
      if (span.saved === null) enqueue("create", span.key);
      else if (span.draft.deletedAt !== null) enqueue("delete", span.key);
      else enqueue("update", span.key);
    },
    [enqueue],
  );

  // Warn before leaving while changes are still on their way.
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      const unsaved = [...stateRef.current.spans.values()].some((s) => s.state === "saving" || s.state === "failed");
      if (unsaved) event.preventDefault();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [stateRef]);

  return { enqueue, retry };
}
