"use client";
// A reviewer's genre (a label) or stance (a number on the project's stance axis) for the document.
import { useActionState, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { RatingScale } from "@/app/rating-scale";
import { formatRating } from "@/lib/perspective/stats";
import { rateDocumentAction } from "./actions";

interface Props {
  projectId: number;
  documentId: number;
  axis: { key: string; label: string; min?: number; max?: number; step?: number };
  /** The choices of a labelled axis (genre); absent for a numeric one (stance). */
  choices?: readonly string[];
  mine: { value: number | null; label: string | null; rationale: string } | null;
}

export function DocumentRatingForm({ projectId, documentId, axis, choices, mine }: Props): ReactNode {
  const [state, action] = useActionState(rateDocumentAction, EMPTY_FORM_STATE);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const id = `doc-${axis.key}`;
  const range = axis.min === undefined || axis.max === undefined ? "" : ` (${formatRating(axis.min)} to ${formatRating(axis.max)})`;
  return (
    <form action={action} className="stack rating-form" aria-label={`Your ${axis.label.toLowerCase()}`}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="axis" value={axis.key} />
      <div className="field">
        <label htmlFor={id}>
          Your {axis.label.toLowerCase()}
          {range}
        </label>
        {choices === undefined ? (
          <input
            id={id}
            name="value"
            type="number"
            min={axis.min}
            max={axis.max}
            step={axis.step}
            defaultValue={v.value ?? mine?.value ?? ""}
            aria-describedby={`${id}-scale`}
          />
        ) : (
          <select id={id} name="label" defaultValue={v.label ?? mine?.label ?? ""} aria-describedby={`${id}-scale`}>
            <option value="">Choose…</option>
            {choices.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        )}
        {e.value || e.label ? <p className="field-error">{e.value ?? e.label}</p> : null}
        <RatingScale axis={axis} id={`${id}-scale`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-rationale`}>Rationale for the {axis.label.toLowerCase()}</label>
        <textarea id={`${id}-rationale`} name="rationale" rows={2} defaultValue={v.rationale ?? mine?.rationale} />
        {e.rationale ? <p className="field-error">{e.rationale}</p> : null}
      </div>
      <FormMessage message={state.message ?? e.axis} ok={state.ok} />
      <SubmitButton pendingText="Saving…">{mine === null ? "Save" : "Update"}</SubmitButton>
    </form>
  );
}
