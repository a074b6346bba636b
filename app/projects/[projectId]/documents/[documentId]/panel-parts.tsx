"use client";
// Smaller pieces of the side panel: save status, keys, mark done, span history,
// and deleted spans with restore.
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { KIND_LABELS, type AnnotationDto } from "@/lib/validation/annotations";
import type { AnnotationsApi, HistoryEntry } from "./api-client";
import type { SaveStates } from "./use-span-store";
import type { WorkspaceSpan, WorkspaceState } from "./workspace-state";

function SaveStatus({ live, onRetryAll }: { live: SaveStates; onRetryAll: () => void }): ReactNode {
  // Subscribed on its own: a tag's "Saving…" shows in the tag's frame, while the rest of the
  // workspace renders after it.
  const states = useSyncExternalStore(live.subscribe, live.read, live.read);
  const failed = states.failed;
  const conflicts = states.conflict;
  const saving = states.saving > 0;
  if (conflicts > 0 && failed === 0) {
    return (
      <p className="save-status failed" role="status" data-state="conflict">
        {conflicts} change{conflicts === 1 ? "" : "s"} not saved: changed elsewhere.
      </p>
    );
  }
  if (failed > 0) {
    return (
      <p className="save-status failed" role="alert">
        {failed} change{failed === 1 ? "" : "s"} not saved.{" "}
        <button type="button" className="button small" onClick={onRetryAll}>
          Retry
        </button>
      </p>
    );
  }
  return (
    <p className="save-status" role="status" data-state={saving ? "saving" : "saved"}>
      {saving ? "Saving…" : "All changes saved"}
    </p>
  );
}

export function PanelHeader({
  projectId,
  saveStates,
  frozen,
  notice,
  api,
  onFrozen,
  onRetryAll,
  onDismiss,
}: {
  projectId: number;
  /** How many spans are in each save state (running totals). */
  saveStates: SaveStates;
  frozen: boolean;
  notice: WorkspaceState["notice"];
  api: AnnotationsApi;
  onFrozen: () => void;
  onRetryAll: () => void;
  onDismiss: () => void;
}): ReactNode {
  const [error, setError] = useState<string | null>(null);
  async function markDone(): Promise<void> {
    const result = await api.markDone();
    if (result.ok) onFrozen();
    else setError(result.error);
  }
  return (
    <div className="panel-header">
      <div className="panel-row">
        <SaveStatus live={saveStates} onRetryAll={onRetryAll} />
        {frozen ? (
          <span className="badge ok">Done</span>
        ) : (
          <button type="button" className="button small" onClick={() => void markDone()}>
            Mark document done
          </button>
        )}
      </div>
      {frozen ? (
        <p className="notice">
          You marked this document done, so your spans are frozen. A manager can reopen it. <a href={`/queue/next?project=${projectId}`}>Next document</a>
        </p>
      ) : null}
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className={`notice ${notice.tone}`} role="alert">
          {notice.text}{" "}
          <button type="button" className="button link small" onClick={onDismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
    </div>
  );
}

export function SpanTools({ span, api, canEdit, onDelete }: { span: WorkspaceSpan; api: AnnotationsApi; canEdit: boolean; onDelete: () => void }): ReactNode {
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  async function loadHistory(): Promise<void> {
    if (span.saved === null) return setHistory([]);
    const result = await api.history(span.saved.id);
    setHistory(result.ok ? result.data.entries : []);
  }
  return (
    <div className="span-tools">
      <div className="row-actions">
        {canEdit ? (
          <button type="button" className="button small danger" onClick={onDelete}>
            Delete span
          </button>
        ) : null}
        <button type="button" className="button small" onClick={() => void loadHistory()}>
          History
        </button>
      </div>
      {history !== null ? (
        <ol className="history" aria-label="Span history">
          {history.length === 0 ? <li className="meta">No saved history yet.</li> : null}
          {history.map((h, i) => (
            <li key={i}>
              <strong>{h.action}</strong> by {h.actorName ?? "system"} <span className="meta">{new Date(h.at).toLocaleString()}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

export function DeletedSpans({ api, canEdit, onRestored }: { api: AnnotationsApi; canEdit: boolean; onRestored: (dto: AnnotationDto) => void }): ReactNode {
  const [deleted, setDeleted] = useState<AnnotationDto[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function load(): Promise<void> {
    const result = await api.deleted();
    if (result.ok) setDeleted(result.data.annotations.filter((a) => a.deletedAt !== null));
  }
  async function restore(id: number, version: number): Promise<void> {
    const result = await api.restore(id, version);
    if (!result.ok) return setError(result.error);
    onRestored(result.data);
    setDeleted((d) => d?.filter((a) => a.id !== id) ?? null);
  }
  return (
    <section className="deleted-spans" aria-label="Deleted spans">
      {deleted === null ? (
        <button type="button" className="button link small" onClick={() => void load()}>
          Show deleted spans
        </button>
      ) : (
        <>
          <h2>Deleted spans</h2>
          {deleted.length === 0 ? <p className="meta">None.</p> : null}
          <ul>
            {deleted.map((a) => (
              <li key={a.id}>
                {KIND_LABELS[a.kind]}: “{a.exact.slice(0, 60)}”
                {canEdit ? (
                  <button type="button" className="button small" onClick={() => void restore(a.id, a.version)}>
                    Restore
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
