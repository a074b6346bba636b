"use client";
// "Same claim elsewhere": the spans the active span is linked to in the story's other
// documents, each with Unlink, and the suggested matches ranked by text similarity, each with
// Link (the L key links the first). Documents in no story say why there is nothing here.
import type { ReactNode } from "react";
import { KIND_LABELS } from "@/lib/validation/annotations";
import type { LinkedSpan } from "./links-api";
import type { ClaimMatches } from "./use-claim-matches";
import "./same-claim.css";

function clip(text: string, max = 110): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function Source({ span }: { span: LinkedSpan }): ReactNode {
  return (
    <span className="meta same-claim-source">
      <strong>{span.outletName ?? "No outlet"}</strong> · {span.documentTitle} · {span.publishedAt ?? "undated"}
    </span>
  );
}

function Linked({ spans, matches }: { spans: LinkedSpan[]; matches: ClaimMatches }): ReactNode {
  if (spans.length === 0) return <p className="meta">Not linked to any span yet.</p>;
  return (
    <ul className="same-claim-list" aria-label="Linked spans">
      {spans.map((s) => (
        <li key={s.annotationId} data-linked-span={s.annotationId}>
          <Source span={s} />
          <span className="same-claim-text">“{clip(s.exact)}”</span>
          <span className="meta">
            {KIND_LABELS[s.kind]}
            {s.layer === "gold" ? " · gold" : ` · by ${s.annotatorName}`}
          </span>
          <button
            type="button"
            className="button small"
            disabled={matches.busy}
            aria-label={`Unlink “${clip(s.exact, 40)}” (${s.outletName ?? s.documentTitle})`}
            onClick={() => void matches.unlink(s.annotationId)}
          >
            Unlink
          </button>
        </li>
      ))}
    </ul>
  );
}

function Suggestions({ matches }: { matches: ClaimMatches }): ReactNode {
  const suggestions = matches.data?.suggestions ?? [];
  if (suggestions.length === 0) return <p className="meta">No likely matches in the story’s other documents.</p>;
  return (
    <>
      <p className="meta">
        <kbd>L</kbd> links the first suggestion (focus the text first).
      </p>
      <ol className="same-claim-list" aria-label="Suggested matches">
        {suggestions.map((s, i) => {
          const percent = Math.round(s.score * 100);
          return (
            <li key={s.annotationId} data-suggested-span={s.annotationId}>
              <Source span={s} />
              <span className="same-claim-text">“{clip(s.exact)}”</span>
              <span className="same-claim-score" title={`Text similarity ${percent}%`}>
                {/* A meter, not a styled bar: no inline style, so a strict style-src never blocks it. */}
                <meter className="same-claim-bar" min={0} max={1} value={s.score} aria-hidden="true" />
                <span className="meta">
                  {percent}% similar · {KIND_LABELS[s.kind]}
                </span>
              </span>
              <button
                type="button"
                className="button small"
                disabled={matches.busy}
                aria-label={`Link “${clip(s.exact, 40)}” (${s.outletName ?? s.documentTitle})`}
                onClick={() => void matches.link(s.annotationId)}
              >
                Link{i === 0 ? <kbd>L</kbd> : null}
              </button>
            </li>
          );
        })}
      </ol>
    </>
  );
}

export function SameClaim({ story, saved, matches }: { story: string | null; saved: boolean; matches: ClaimMatches }): ReactNode {
  let body: ReactNode;
  if (story === null) {
    body = (
      <p className="meta">
        This document is in no story, so its spans cannot be linked to other coverage. A manager can add it to a story on the Stories page.
      </p>
    );
  } else if (!saved) {
    body = <p className="meta">Matches appear once the span is saved.</p>;
  } else if (matches.data === null) {
    body = matches.error ? null : (
      <p className="meta" role="status">
        Looking for matches…
      </p>
    );
  } else {
    const own = matches.spanId;
    body = (
      <>
        <h3>Linked</h3>
        <Linked spans={matches.data.link.spans.filter((s) => s.annotationId !== own)} matches={matches} />
        <h3>Suggestions</h3>
        <Suggestions matches={matches} />
      </>
    );
  }
  return (
    <section className="same-claim" aria-labelledby="same-claim-heading">
      <h2 id="same-claim-heading">Same claim elsewhere{story !== null ? <span className="meta"> in “{story}”</span> : null}</h2>
      {matches.error ? (
        <p className="notice error" role="alert">
          {matches.error}
        </p>
      ) : null}
      {body}
    </section>
  );
}
