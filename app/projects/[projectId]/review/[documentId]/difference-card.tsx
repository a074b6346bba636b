"use client";
// One difference: the text around it, each reviewer's span in its own lane, and the decision
// (accept one reviewer's span, edit it, reject, or undo what was decided).
import { useActionState, useState, type ReactNode } from "react";
import { FormMessage } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { COMPARED_ATTRIBUTES } from "@/lib/review/classify";
import { REASON_MAX } from "@/lib/review/validation";
import type { DifferenceView } from "@/lib/server/adjudication";
import { KIND_LABELS } from "@/lib/validation/annotations";
import { decideAction, undoAction } from "./actions";
import { GoldFields } from "./gold-fields";
import { ATTRIBUTE_LABELS, attributeText, CLASS_LABELS, DECISION_LABELS } from "./labels";

interface Props {
  projectId: number;
  documentId: number;
  difference: DifferenceView;
  index: number;
  total: number;
  current: boolean;
  sourceNames: Record<number, string>;
  onFocus: () => void;
}

export function DifferenceCard({ projectId, documentId, difference: d, index, total, current, sourceNames, onFocus }: Props): ReactNode {
  const id = `difference-${d.key}`;
  return (
    <>
      <section
        tabIndex={-1}
        onFocus={onFocus}
        className={`difference class-${d.primary}${current ? " current" : ""}${d.decided ? " decided" : ""}`}
        aria-labelledby={id}
        data-testid="difference"
      >
        <header className="difference-head">
          <h3 id={id}>
            <span className="meta">
              {index + 1}/{total}
            </span>{" "}
            {d.label}
          </h3>
          <span className="row-actions">
            {d.classes.slice(1).map((c) => (
              <span key={c} className={`badge class-badge class-${c}`}>
                {CLASS_LABELS[c]}
              </span>
            ))}
            {d.unanimous && !d.decided ? <span className="badge">Unanimous</span> : null}
            {d.decided ? <span className="badge ok">Decided</span> : null}
          </span>
        </header>
        <p className="excerpt">
          {d.excerpt.before ? <span className="meta">…{d.excerpt.before}</span> : null}
          <mark>{d.excerpt.text}</mark>
          {d.excerpt.after ? <span className="meta">{d.excerpt.after}…</span> : null}
        </p>
        {d.differingAttributes.length > 0 ? <p className="meta">Differs on: {d.differingAttributes.map((a) => ATTRIBUTE_LABELS[a] ?? a).join(", ")}</p> : null}
        {d.missing.length > 0 ? <p className="meta">Not marked by: {d.missing.join(", ")}</p> : null}
        <Lanes difference={d} sourceNames={sourceNames} />
        {d.decision !== null ? <Decided projectId={projectId} documentId={documentId} difference={d} /> : null}
        {!d.decided ? <DecisionForm projectId={projectId} documentId={documentId} difference={d} /> : null}
      </section>
    </>
  );
}

function Lanes({ difference: d, sourceNames }: { difference: DifferenceView; sourceNames: Record<number, string> }): ReactNode {
  return (
    <table className="lanes">
      <caption className="visually-hidden">Each reviewer’s span</caption>
      <tbody>
        {d.spans.map((s) => (
          <tr key={s.id}>
            <th scope="row">{s.reviewerName}</th>
            <td>
              <span className={`kind-tag kind-${s.kind}`}>
                <span aria-hidden="true" className="swatch" />
                {KIND_LABELS[s.kind]}
              </span>
            </td>
            <td className="num nowrap">
              {s.start}–{s.end}
            </td>
            <td className="span-exact">{s.exact}</td>
            <td className="lane-attributes">
              {COMPARED_ATTRIBUTES[s.kind].map((name) => (
                <span key={name} className={d.differingAttributes.includes(name) ? "attr differs" : "attr"}>
                  {ATTRIBUTE_LABELS[name]}: {attributeText(name, s.attributes[name], sourceNames)}
                </span>
              ))}
              {s.changedSinceDecision ? <span className="attr differs">changed after the decision</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Hidden({ projectId, documentId }: { projectId: number; documentId: number }): ReactNode {
  return (
    <>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="documentId" value={documentId} />
    </>
  );
}

function Decided({ projectId, documentId, difference: d }: { projectId: number; documentId: number; difference: DifferenceView }): ReactNode {
  const [state, action, pending] = useActionState(undoAction, EMPTY_FORM_STATE);
  const decision = d.decision!;
  return (
    <form action={action} className="decision-summary">
      <Hidden projectId={projectId} documentId={documentId} />
      <input type="hidden" name="adjudicationId" value={decision.id} />
      <p role="status">
        <strong>{DECISION_LABELS[decision.decision]}</strong> by {decision.adjudicatorName}
        {decision.gold ? ` as ${KIND_LABELS[decision.gold.kind].toLowerCase()} ${decision.gold.start}–${decision.gold.end}` : ""}
        {decision.reason ? <>: “{decision.reason}”</> : null}
      </p>
      <button type="submit" className="button small" disabled={pending}>
        {pending ? "Undoing…" : "Undo"}
      </button>
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}

function DecisionForm({ projectId, documentId, difference: d }: { projectId: number; documentId: number; difference: DifferenceView }): ReactNode {
  const [state, action, pending] = useActionState(decideAction, EMPTY_FORM_STATE);
  const [editing, setEditing] = useState<number | null>(null);
  const base = d.spans.find((s) => s.id === editing) ?? null;
  // A span an earlier decision settled keeps it; the buttons offer only the undecided ones.
  const open = d.spans.filter((s) => !s.decided);
  return (
    <form action={action} className="decision-form">
      <Hidden projectId={projectId} documentId={documentId} />
      <input type="hidden" name="memberIds" value={d.spans.map((s) => s.id).join(",")} />
      <label className="field">
        <span>Reason (optional)</span>
        <textarea name="reason" rows={2} aria-describedby={`reason-hint-${d.key}`} />
        <span className="hint" id={`reason-hint-${d.key}`}>
          Up to {REASON_MAX.toLocaleString("en")} characters; the reviewers will see it.
        </span>
      </label>
      <div className="row-actions">
        {open.map((s) => (
          <button key={s.id} type="submit" name="intent" value={`accept:${s.id}`} className="button small primary" disabled={pending}>
            Accept {s.reviewerName}’s
          </button>
        ))}
        {open.map((s) => (
          <button
            key={`edit-${s.id}`}
            type="button"
            className="button small"
            aria-expanded={editing === s.id}
            onClick={() => setEditing(editing === s.id ? null : s.id)}
          >
            Edit {s.reviewerName}’s…
          </button>
        ))}
        <button type="submit" name="intent" value="reject" className="button small danger" disabled={pending}>
          Reject
        </button>
      </div>
      {base !== null ? (
        <fieldset className="gold-editor">
          <legend>Edit {base.reviewerName}’s span before accepting it</legend>
          <input type="hidden" name="sourceId" value={base.id} />
          <GoldFields key={base.id} initial={base} />
          <button type="submit" name="intent" value="edit" className="button small primary" disabled={pending}>
            Accept edited span
          </button>
        </fieldset>
      ) : null}
      <FormMessage message={state.message} ok={state.ok} />
    </form>
  );
}
