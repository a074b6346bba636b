"use client";
// The details form (title, outlet, story, author, date, URL) and the delete confirmation.
// The form carries the values it was loaded with, so a save after someone else's is refused
// with what they changed, and the values typed here stay in the fields.
import { useActionState, useState, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/app/components";
import type { DeletionImpact } from "@/lib/server/document-edit";
import { METADATA_FIELDS, type MetadataField, type MetadataValues } from "@/lib/validation/documents";
import { deleteDocumentAction, saveDetailsAction, type DetailsState } from "./actions";

const FIELDS: Record<MetadataField, { label: string; type: string; list?: string; hint?: string }> = {
  title: { label: "Title", type: "text" },
  outlet: { label: "Outlet", type: "text", list: "details-outlets", hint: "Pick one or type a new name; empty for none." },
  story: { label: "Story", type: "text", list: "details-stories", hint: "Documents about the same event; empty for none." },
  author: { label: "Author", type: "text" },
  publishedAt: { label: "Publication date", type: "date" },
  url: { label: "URL", type: "url" },
};

interface FormProps {
  projectId: number;
  documentId: number;
  values: MetadataValues;
  outlets: string[];
  stories: string[];
}

export function DetailsForm({ projectId, documentId, values, outlets, stories }: FormProps): ReactNode {
  const [state, action] = useActionState<DetailsState, FormData>(saveDetailsAction, { values, loaded: values });
  const shown = state.values ?? values;
  const loaded = state.loaded ?? values;
  const errors = state.errors ?? {};
  return (
    <form action={action} noValidate className="card stack" aria-labelledby="details-heading">
      <h2 id="details-heading">Details</h2>
      <FormMessage message={state.message} ok={state.ok} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="documentId" value={documentId} />
      {METADATA_FIELDS.map((f) => (
        <input key={f} type="hidden" name={`loaded_${f}`} value={loaded[f]} />
      ))}
      <div className="metadata-grid">
        {METADATA_FIELDS.map((f) => {
          const { label, type, list, hint } = FIELDS[f];
          const id = `details-${f}`;
          const now = state.changed?.includes(f) ? `Now saved as: ${loaded[f] === "" ? "(empty)" : loaded[f]}` : null;
          const describedBy = [hint ? `${id}-hint` : null, now ? `${id}-now` : null, errors[f] ? `${id}-error` : null].filter(Boolean).join(" ");
          return (
            <div className="field" key={f}>
              <label htmlFor={id}>{label}</label>
              <input
                id={id}
                name={f}
                type={type}
                list={list}
                defaultValue={shown[f]}
                required={f === "title"}
                aria-invalid={errors[f] ? true : undefined}
                aria-describedby={describedBy || undefined}
              />
              {hint ? (
                <p className="hint" id={`${id}-hint`}>
                  {hint}
                </p>
              ) : null}
              {now ? (
                <p className="notice" id={`${id}-now`}>
                  {now}
                </p>
              ) : null}
              {errors[f] ? (
                <p className="field-error" id={`${id}-error`}>
                  {errors[f]}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <datalist id="details-outlets">
        {outlets.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id="details-stories">
        {stories.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <div>
        <SubmitButton pendingText="Saving…">Save details</SubmitButton>
      </div>
    </form>
  );
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** "12 spans by 2 reviewers, 3 gold spans, …": what the deletion takes with it. */
export function describeImpact(impact: DeletionImpact): string {
  const parts = [
    `${plural(impact.spans, "span")} by ${plural(impact.reviewers, "reviewer")}`,
    plural(impact.goldSpans, "gold span"),
    plural(impact.segments, "re-published segment"),
    plural(impact.ratings, "rating"),
    plural(impact.links, "claim link"),
    plural(impact.assignments, "assignment"),
  ];
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export function DeleteDocument({
  projectId,
  documentId,
  title,
  impact,
}: {
  projectId: number;
  documentId: number;
  title: string;
  impact: DeletionImpact;
}): ReactNode {
  const [asking, setAsking] = useState(false);
  const [state, action] = useActionState(deleteDocumentAction, {});
  return (
    <section className="card stack" aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete this document</h2>
      <FormMessage message={state.message} />
      {!asking ? (
        <div>
          <button type="button" className="button danger" onClick={() => setAsking(true)}>
            Delete document…
          </button>
        </div>
      ) : (
        <form action={action} className="stack" role="alertdialog" aria-labelledby="delete-question" aria-describedby="delete-impact">
          <p id="delete-question">
            <strong>Delete “{title}”?</strong>
          </p>
          <p id="delete-impact" data-testid="delete-impact">
            This also deletes {describeImpact(impact)}. Links between other documents stay. The deletion is recorded in the audit log and cannot be undone here.
          </p>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="documentId" value={documentId} />
          <div style={{ display: "flex", gap: "0.6rem", flexWrap: "wrap" }}>
            <SubmitButton pendingText="Deleting…">Yes, delete the document</SubmitButton>
            <button type="button" className="button" onClick={() => setAsking(false)} autoFocus>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
