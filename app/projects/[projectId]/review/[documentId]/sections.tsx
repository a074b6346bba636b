// Server-rendered parts of the review page: who reviewed, how the differences break down, and
// the gold layer so far.
import type { ReactNode } from "react";
import { DIFFERENCE_CLASSES } from "@/lib/review";
import type { DocumentReviewView } from "@/lib/server/adjudication";
import { KIND_LABELS } from "@/lib/validation/annotations";
import { CLASS_LABELS, DECISION_LABELS } from "./labels";
import { TableRegion } from "@/app/table-region";

const STATUS = { todo: "not started", in_progress: "in progress", submitted: "done" } as const;

export function ReviewerSummary({ view }: { view: DocumentReviewView }): ReactNode {
  return (
    <div className="review-summary">
      <p className="meta">
        Reviewers:{" "}
        {view.reviewers.length === 0
          ? "nobody has annotated this document yet."
          : view.reviewers.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? ", " : null}
                {r.name} <span className={r.done ? "badge ok" : "badge"}>{STATUS[r.status]}</span>
              </span>
            ))}
      </p>
      <ul className="class-counts" aria-label="Differences by class">
        {DIFFERENCE_CLASSES.map((c) => (
          <li key={c} className={`class-${c}`}>
            <span className="class-dot" aria-hidden="true" /> {CLASS_LABELS[c]}: <strong>{view.counts[c]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function GoldLayer({ view }: { view: DocumentReviewView }): ReactNode {
  return (
    <section className="gold-layer" aria-labelledby="gold-heading">
      <h2 id="gold-heading">
        Gold layer ({view.gold.length} span{view.gold.length === 1 ? "" : "s"})
      </h2>
      {view.gold.length === 0 ? (
        <p className="empty">Nothing accepted yet.</p>
      ) : (
        <TableRegion label="Table of gold spans">
          <table className="table" data-testid="gold-layer">
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Offsets
                </th>
                <th scope="col">Text</th>
                <th scope="col">Decision</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {view.gold.map((g) => (
                <tr key={g.id}>
                  <td>{KIND_LABELS[g.kind]}</td>
                  <td className="num nowrap">
                    {g.start}–{g.end}
                  </td>
                  <td className="span-exact">{g.exact}</td>
                  <td>{g.decision === null ? "—" : `${DECISION_LABELS[g.decision.decision]} by ${g.decision.adjudicatorName}`}</td>
                  <td>{g.decision?.reason || <span className="meta">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
