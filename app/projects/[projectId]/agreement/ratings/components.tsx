"use client";
import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { settleRatingAction } from "./actions";

interface Props {
  projectId: number;
  outletId: number;
  /** Part of the form's name: every outlet has a form per axis, and landmarks need distinct names. */
  outletName: string;
  axis: { key: string; label: string; min: number; max: number; step: number };
  gold: { value: number; rationale: string; version: number } | null;
}

/** One outlet × axis: the gold value and why. The version it names makes a concurrent settle lose. */
export function GoldRatingForm({ projectId, outletId, outletName, axis, gold }: Props): ReactNode {
  const [state, action, pending] = useActionState(settleRatingAction, EMPTY_FORM_STATE);
  const id = `gold-${outletId}-${axis.key}`;
  return (
    <form action={action} className="gold-rating-form" aria-label={`Gold ${axis.label} rating for ${outletName}`}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="outletId" value={outletId} />
      <input type="hidden" name="axis" value={axis.key} />
      <input type="hidden" name="expectedUpdatedAt" value={gold?.version ?? ""} />
      <label className="field" htmlFor={`${id}-value`}>
        <span>
          Gold value ({axis.min} to {axis.max})
        </span>
        <input
          id={`${id}-value`}
          name="value"
          type="number"
          min={axis.min}
          max={axis.max}
          step={axis.step}
          defaultValue={state.values?.value ?? gold?.value ?? ""}
          required
        />
      </label>
      <label className="field" htmlFor={`${id}-rationale`}>
        <span>Rationale</span>
        <textarea id={`${id}-rationale`} name="rationale" rows={2} defaultValue={state.values?.rationale ?? gold?.rationale ?? ""} required />
      </label>
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? "Saving…" : gold === null ? "Set gold" : "Change gold"}
      </button>
      <div style={{ gridColumn: "1 / -1" }}>
        <FormMessage message={state.message} ok={state.ok} />
      </div>
    </form>
  );
}
