"use client";
// The outlet page's forms: a reviewer's rating on one axis (with the AllSides category shown
// live beside a left–right number), a published reference rating, and the admin's profile edit.
import { useActionState, useState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { EMPTY_FORM_STATE, type FormState } from "@/app/form-state";
import { RatingScale } from "@/app/rating-scale";
import { allSidesCategory, LEFT_RIGHT_AXIS } from "@/lib/perspective/allsides";
import { formatRating } from "@/lib/perspective/stats";
import type { PerspectiveAxis } from "@/lib/validation/projects";
import { deleteReferenceAction, rateOutletAction, recordReferenceAction, updateOutletAction } from "./actions";

/** A rating's number, with its AllSides category beside it on the left–right axis. */
export function RatingValue({ axisKey, value }: { axisKey: string; value: number }): ReactNode {
  const category = axisKey === LEFT_RIGHT_AXIS ? allSidesCategory(value) : null;
  return (
    <span className="rating-value">
      <strong>{formatRating(value)}</strong>
      {category ? (
        <span className="badge allsides" data-category={category}>
          {category}
        </span>
      ) : null}
    </span>
  );
}

function TextArea({
  label,
  name,
  state,
  defaultValue,
  rows = 3,
}: {
  label: string;
  name: string;
  state: FormState;
  defaultValue?: string;
  rows?: number;
}): ReactNode {
  const id = `${name}-${label.replace(/\W+/g, "-").toLowerCase()}`;
  const error = state.errors?.[name];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} rows={rows} defaultValue={state.values?.[name] ?? defaultValue} aria-invalid={error ? true : undefined} />
      {error ? <p className="field-error">{error}</p> : null}
    </div>
  );
}

interface RatingFormProps {
  projectId: number;
  outletId: number;
  axis: PerspectiveAxis;
  mine: { value: number | null; rationale: string } | null;
}

export function RatingForm({ projectId, outletId, axis, mine }: RatingFormProps): ReactNode {
  const [state, action] = useActionState(rateOutletAction, EMPTY_FORM_STATE);
  const [typed, setTyped] = useState(state.values?.value ?? (mine?.value === null || mine === null ? "" : String(mine.value)));
  const number = typed.trim() === "" ? Number.NaN : Number(typed);
  const inputId = `rate-${axis.key}`;
  return (
    <form action={action} className="stack rating-form" aria-label={`Your rating on ${axis.label}`}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="outletId" value={outletId} />
      <input type="hidden" name="axis" value={axis.key} />
      <div className="field">
        <label htmlFor={inputId}>
          Your rating on {axis.label} ({formatRating(axis.min)} to {formatRating(axis.max)})
        </label>
        <div className="inline">
          <input
            id={inputId}
            name="value"
            type="number"
            min={axis.min}
            max={axis.max}
            step={axis.step}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={state.errors?.value ? true : undefined}
            aria-describedby={`${inputId}-scale`}
          />
          {/* The AllSides category follows the number as it is typed. */}
          {axis.key === LEFT_RIGHT_AXIS && Number.isFinite(number) ? (
            <span className="badge allsides" data-category={allSidesCategory(number)} aria-live="polite">
              {allSidesCategory(number)}
            </span>
          ) : null}
        </div>
        {state.errors?.value ? <p className="field-error">{state.errors.value}</p> : null}
        <RatingScale axis={axis} id={`${inputId}-scale`} />
      </div>
      <TextArea label={`Rationale for ${axis.label}`} name="rationale" state={state} defaultValue={mine?.rationale} />
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pendingText="Saving…">{mine === null ? "Save rating" : "Update rating"}</SubmitButton>
    </form>
  );
}

export function ReferenceForm({ outletId }: { outletId: number }): ReactNode {
  const [state, action] = useActionState(recordReferenceAction, EMPTY_FORM_STATE);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.errors ?? {};
  return (
    <form action={action} className="stack" aria-label="Record a published rating" key={state.ok ? state.message : "form"}>
      <input type="hidden" name="outletId" value={outletId} />
      <Field label="Publisher" name="publisher" list="publishers" defaultValue={v.publisher} error={e.publisher} required />
      <datalist id="publishers">
        {["AllSides", "Ad Fontes Media", "Media Bias/Fact Check"].map((p) => (
          <option key={p} value={p} />
        ))}
      </datalist>
      <Field
        label="Measures"
        name="axis"
        list="reference-axes"
        defaultValue={v.axis}
        error={e.axis}
        hint="left_right, reliability, factual reporting…"
        required
      />
      <datalist id="reference-axes">
        {["left_right", "reliability", "bias", "factual_reporting"].map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <div className="metadata-grid">
        <Field label="Value" name="value" type="number" defaultValue={v.value} error={e.value} hint="On the publisher's scale." />
        <Field label="Label" name="label" defaultValue={v.label} error={e.label} hint="Such as “Lean Left”." />
      </div>
      <Field label="Date" name="retrievedAt" type="date" defaultValue={v.retrievedAt} error={e.retrievedAt} required />
      <Field label="Web address" name="url" type="url" defaultValue={v.url} error={e.url} required />
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pendingText="Recording…">Record published rating</SubmitButton>
    </form>
  );
}

export function DeleteReferenceButton({ outletId, referenceId, name }: { outletId: number; referenceId: number; name: string }): ReactNode {
  const [state, action] = useActionState(deleteReferenceAction, EMPTY_FORM_STATE);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="outletId" value={outletId} />
      <input type="hidden" name="referenceId" value={referenceId} />
      <button type="submit" className="button small" aria-label={`Remove ${name}`}>
        Remove
      </button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

interface ProfileProps {
  outlet: { id: number; name: string; domain: string | null; kind: string; country: string | null; notes: string };
  kinds: readonly string[];
}

export function OutletProfileForm({ outlet, kinds }: ProfileProps): ReactNode {
  const [state, action] = useActionState(updateOutletAction, EMPTY_FORM_STATE);
  const v = state.values ?? {};
  const e = state.errors ?? {};
  return (
    <form action={action} className="stack" aria-label="Edit the outlet's profile">
      <input type="hidden" name="outletId" value={outlet.id} />
      <div className="metadata-grid">
        <Field label="Name" name="name" defaultValue={v.name ?? outlet.name} error={e.name} required />
        <Field label="Domain" name="domain" defaultValue={v.domain ?? outlet.domain ?? ""} error={e.domain} hint="example.com" />
        <div className="field">
          <label htmlFor="outlet-kind">Kind</label>
          <select id="outlet-kind" name="kind" defaultValue={v.kind ?? outlet.kind}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k.replace("_", " ")}
              </option>
            ))}
          </select>
          {e.kind ? <p className="field-error">{e.kind}</p> : null}
        </div>
        <Field label="Country" name="country" defaultValue={v.country ?? outlet.country ?? ""} error={e.country} />
      </div>
      <TextArea label="Notes" name="notes" state={state} defaultValue={outlet.notes} rows={4} />
      <FormMessage message={state.message} ok={state.ok} />
      <SubmitButton pendingText="Saving…">Save profile</SubmitButton>
    </form>
  );
}
