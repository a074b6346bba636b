// Server-rendered parts of the outlet page: the team's ratings per axis (as blind mode allows)
// and the published reference ratings, which sit beside them and are never averaged in.
import Link from "next/link";
import type { ReactNode } from "react";
import type { OutletDocumentRow, ReferenceRatingDto } from "@/lib/server/outlets";
import type { RatingsView } from "@/lib/server/ratings";
import { formatRating, type RatingSummary } from "@/lib/perspective/stats";
import type { PerspectiveAxis } from "@/lib/validation/projects";
import { DeleteReferenceButton, RatingForm, RatingValue, ReferenceForm } from "./components";
import { TableRegion } from "@/app/table-region";

function TeamSummary({ axisKey, summary }: { axisKey: string; summary: RatingSummary }): ReactNode {
  const { mean, spread, n } = summary;
  return (
    <p className="team-summary" data-testid={`team-${axisKey}`}>
      {mean.ok ? (
        <>
          Team mean <RatingValue axisKey={axisKey} value={mean.value} />
        </>
      ) : (
        mean.message
      )}
      {" · "}
      {spread.ok ? `SD ${formatRating(spread.value)} · range ${formatRating(spread.min)} to ${formatRating(spread.max)}` : spread.message}
      {n > 0 ? ` · ${n} rating${n === 1 ? "" : "s"}` : null}
    </p>
  );
}

interface TeamProps {
  projectId: number;
  outletId: number;
  view: RatingsView<PerspectiveAxis>;
}

export function TeamRatings({ projectId, outletId, view }: TeamProps): ReactNode {
  return (
    <section aria-labelledby="team-heading" className="stack">
      <h2 id="team-heading">Your team’s ratings</h2>
      {view.seesOthers ? null : <p className="notice">Blind mode is on: you see only your own ratings, and no team mean, until a manager turns it off.</p>}
      {view.axes.map(({ axis, mine, others, summary }) => (
        <section key={axis.key} className="card stack axis-card" aria-label={axis.label} data-axis={axis.key}>
          <h3>
            {axis.label}{" "}
            <span className="meta">
              {formatRating(axis.min)} to {formatRating(axis.max)}
            </span>
          </h3>
          {summary === null ? null : <TeamSummary axisKey={axis.key} summary={summary} />}
          <ul className="ratings" aria-label={`Ratings on ${axis.label}`}>
            {[...(mine === null ? [] : [{ ...mine, raterName: "You" }]), ...others].map((r) => (
              <li key={r.id}>
                <span className="rater">{r.raterName}</span> {r.value === null ? null : <RatingValue axisKey={axis.key} value={r.value} />}
                <p className="rationale">{r.rationale}</p>
              </li>
            ))}
          </ul>
          <RatingForm projectId={projectId} outletId={outletId} axis={axis} mine={mine} />
        </section>
      ))}
    </section>
  );
}

const referenceValue = (r: ReferenceRatingDto): string => [r.value === null ? null : formatRating(r.value), r.label].filter((x) => x !== null).join(" · ");

export function PublishedRatings({ outletId, references, canRecord }: { outletId: number; references: ReferenceRatingDto[]; canRecord: boolean }): ReactNode {
  return (
    <aside aria-labelledby="published-heading" className="card stack published">
      <h2 id="published-heading">Published ratings</h2>
      <p className="meta">What rating publishers said, as dated observations. Shown for comparison; never part of the team’s numbers.</p>
      {references.length === 0 ? (
        <p className="meta">None recorded yet.</p>
      ) : (
        <ul className="references" aria-label="Published ratings">
          {references.map((r) => (
            <li key={r.id} data-publisher={r.publisher}>
              <strong>{r.publisher}</strong> <span className="meta">{r.axis}</span>: <span className="reference-value">{referenceValue(r)}</span>
              <br />
              <span className="meta">
                {r.retrievedAt} ·{" "}
                <a href={r.url} rel="noopener noreferrer nofollow" target="_blank">
                  source
                </a>
              </span>
              {canRecord ? <DeleteReferenceButton outletId={outletId} referenceId={r.id} name={`the ${r.publisher} rating of ${r.retrievedAt}`} /> : null}
            </li>
          ))}
        </ul>
      )}
      {canRecord ? (
        <details>
          <summary>Record a published rating</summary>
          <ReferenceForm outletId={outletId} />
        </details>
      ) : null}
    </aside>
  );
}

export function Coverage({ documents }: { documents: OutletDocumentRow[] }): ReactNode {
  if (documents.length === 0) return <p className="empty">No documents from this outlet in your projects.</p>;
  return (
    <TableRegion label="Documents from this outlet in your projects">
      <table className="table">
        <caption className="visually-hidden">Documents from this outlet in your projects</caption>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Project</th>
            <th scope="col">Published</th>
          </tr>
        </thead>
        <tbody>
          {documents.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/projects/${d.projectId}/documents/${d.id}`}>{d.title}</Link>
              </td>
              <td>
                <Link href={`/projects/${d.projectId}`}>{d.projectName}</Link>
              </td>
              <td>{d.publishedAt ?? <span className="meta">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
