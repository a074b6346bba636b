"use client";
// Assignment forms for managers: every document to N reviewers (balanced), or one document
// to one reviewer by hand.
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { ROLE_LABELS } from "@/lib/validation/members";
import { assignAction, autoAssignAction } from "./actions";

export interface Option {
  id: number;
  label: string;
}

export interface Reviewer extends Option {
  role: keyof typeof ROLE_LABELS;
}

export function AutoAssignForm({ projectId, reviewers, perDocument }: { projectId: number; reviewers: Reviewer[]; perDocument: number }): ReactNode {
  const [state, action] = useActionState(autoAssignAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="card stack" aria-labelledby="auto-assign-heading">
      <h3 id="auto-assign-heading">Assign automatically</h3>
      <p className="meta">Shares the documents evenly; documents a reviewer already has are skipped, and running it again only tops up.</p>
      <FormMessage message={state.errors?.userIds ?? state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <Field
        label="Reviewers per document"
        name="perDocument"
        type="number"
        required
        defaultValue={state.values?.perDocument ?? String(perDocument)}
        error={state.errors?.perDocument}
      />
      <fieldset className="reviewer-choice">
        <legend>Share between</legend>
        {reviewers.map((r) => (
          <label key={r.id}>
            <input type="checkbox" name="userIds" value={r.id} defaultChecked={r.role === "annotator"} /> {r.label}{" "}
            <span className="meta">({ROLE_LABELS[r.role].toLowerCase()})</span>
          </label>
        ))}
      </fieldset>
      <SubmitButton pendingText="Assigning…">Assign every document</SubmitButton>
    </form>
  );
}

function Choice({
  id,
  name,
  label,
  options,
  value,
  error,
}: {
  id: string;
  name: string;
  label: string;
  options: Option[];
  value?: string;
  error?: string;
}): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} required defaultValue={value ?? ""} aria-invalid={error ? true : undefined}>
        <option value="" disabled>
          Choose a {label.toLowerCase()}
        </option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

export function AssignForm({ projectId, documents, reviewers }: { projectId: number; documents: Option[]; reviewers: Option[] }): ReactNode {
  const [state, action] = useActionState(assignAction, EMPTY_FORM_STATE);
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={action} className="card stack" aria-labelledby="hand-assign-heading">
      <h3 id="hand-assign-heading">Assign by hand</h3>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <Choice id="assign-document" name="documentId" label="Document" options={documents} value={v.documentId} error={state.errors?.documentId} />
      <Choice id="assign-reviewer" name="userId" label="Reviewer" options={reviewers} value={v.userId} error={state.errors?.userId} />
      <SubmitButton pendingText="Assigning…">Assign</SubmitButton>
    </form>
  );
}
