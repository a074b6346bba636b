"use client";
// Adding a gold span that no reviewer marked: select text in the document, take its offsets,
// pick the kind. The text is rendered as text nodes; offsets map from UTF-16 to code points.
import { useActionState, useState, type ReactNode } from "react";
import { FormMessage } from "@/app/components";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { splitParagraphs, utf16ToCodePoint } from "@/lib/text";
import { decideAction } from "./actions";
import { GoldFields } from "./gold-fields";

/** The code-point offset of a DOM position inside one of the text's paragraphs, or null. */
function offsetOf(node: Node, offset: number): number | null {
  const p = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>("p[data-start]");
  if (!p || node.nodeType !== Node.TEXT_NODE) return null;
  return Number(p.dataset.start) + utf16ToCodePoint(p.textContent ?? "", offset);
}

export function AddGoldSpan({ projectId, documentId, text }: { projectId: number; documentId: number; text: string }): ReactNode {
  const [state, action, pending] = useActionState(decideAction, EMPTY_FORM_STATE);
  const [range, setRange] = useState({ start: 0, end: 0 });
  const [problem, setProblem] = useState("");
  function takeSelection(): void {
    const sel = window.getSelection();
    const r = sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    const start = r ? offsetOf(r.startContainer, r.startOffset) : null;
    const end = r ? offsetOf(r.endContainer, r.endOffset) : null;
    if (start === null || end === null || end <= start) {
      setProblem("Select some text in the document above first.");
      return;
    }
    setProblem("");
    setRange({ start, end });
  }
  return (
    <details className="add-gold card">
      <summary>Add a span no reviewer marked</summary>
      <div className="add-gold-text reader-text" data-testid="review-text">
        {splitParagraphs(text).map((p) => (
          <p key={p.start} data-start={p.start}>
            {p.text}
          </p>
        ))}
      </div>
      <form action={action} className="stack">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="documentId" value={documentId} />
        <button type="button" className="button small" onClick={takeSelection}>
          Use selected text
        </button>
        {problem ? (
          <p className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
        <GoldFields key={`${range.start}-${range.end}`} initial={{ kind: "claim", start: range.start, end: range.end, attributes: {} }} />
        <label className="field">
          <span>Reason (optional)</span>
          <textarea name="reason" rows={2} />
        </label>
        <button type="submit" name="intent" value="add" className="button primary" disabled={pending}>
          Add to gold
        </button>
        <FormMessage message={state.message} ok={state.ok} />
      </form>
    </details>
  );
}
