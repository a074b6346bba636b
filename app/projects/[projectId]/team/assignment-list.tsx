"use client";
// The project's assignments, each removable by a manager after a confirmation that says what
// stays: the reviewer's spans. One <dialog> serves every row (showModal traps focus, Esc
// cancels and focus returns to the row's button).
import { useActionState, useEffect, useRef, useState, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import type { ProjectAssignmentRow } from "@/lib/server/assignment-removal";
import { TableRegion } from "@/app/table-region";
import { removeAssignmentAction } from "./actions";

const STATUS_LABELS: Record<ProjectAssignmentRow["status"], string> = { todo: "To do", in_progress: "In progress", submitted: "Done" };

function ConfirmRemoval({ projectId, target, onClose }: { projectId: number; target: ProjectAssignmentRow | null; onClose: () => void }): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, action] = useActionState(async (prev: Awaited<ReturnType<typeof removeAssignmentAction>>, data: FormData) => {
    const result = await removeAssignmentAction(prev, data);
    onClose();
    return result;
  }, EMPTY_FORM_STATE);
  useEffect(() => {
    const el = dialog.current;
    if (el === null) return;
    if (target !== null && !el.open) el.showModal();
    if (target === null && el.open) el.close();
  }, [target]);
  return (
    <>
      <FormMessage message={state.message} ok={state.ok} />
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="remove-assignment-title" onClose={onClose}>
        {target === null ? null : (
          <form action={action} className="stack">
            <h3 id="remove-assignment-title">
              Remove {target.displayName} from “{target.title}”?
            </h3>
            <p>
              The document leaves their queue. Spans they made on it stay, in the document and in review
              {target.status === "submitted" ? "; their layer no longer counts as done" : ""}. The removal is recorded in the audit log.
            </p>
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="documentId" value={target.documentId} />
            <input type="hidden" name="userId" value={target.userId} />
            <div className="row-actions">
              <SubmitButton pendingText="Removing…">Remove assignment</SubmitButton>
              <button type="button" className="button" onClick={onClose} autoFocus>
                Cancel
              </button>
            </div>
          </form>
        )}
      </dialog>
    </>
  );
}

export function AssignmentList({ projectId, rows }: { projectId: number; rows: ProjectAssignmentRow[] }): ReactNode {
  const [target, setTarget] = useState<ProjectAssignmentRow | null>(null);
  return (
    <div className="stack">
      <ConfirmRemoval projectId={projectId} target={target} onClose={() => setTarget(null)} />
      {rows.length === 0 ? (
        <p className="empty">No assignments yet.</p>
      ) : (
        <TableRegion label="Assignments">
          <table className="table">
            <caption className="visually-hidden">Assignments of this project</caption>
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Reviewer</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.documentId}-${r.userId}`}>
                  <td>{r.title}</td>
                  <td>{r.displayName}</td>
                  <td>{STATUS_LABELS[r.status]}</td>
                  <td>
                    <button type="button" className="button small danger" onClick={() => setTarget(r)} aria-label={`Remove ${r.displayName} from “${r.title}”`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </div>
  );
}
