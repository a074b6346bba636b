// A reviewer's own spans on a document and what adjudication made of them, with the reasons.
// Only their own spans: no other reviewer's work is shown here, blind mode or not.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { getMyOutcomes, type Outcome } from "@/lib/server/adjudication";
import { requireUser } from "@/lib/server/auth";
import { KIND_LABELS } from "@/lib/validation/annotations";
import { parseId } from "@/lib/validation/projects";
import { TableRegion } from "@/app/table-region";

type Params = Promise<{ projectId: string; documentId: string }>;

const OUTCOME: Record<Outcome, { label: string; badge: string }> = {
  accepted: { label: "Accepted as you marked it", badge: "badge ok" },
  changed: { label: "Overridden: accepted with changes", badge: "badge" },
  rejected: { label: "Overridden: not in the gold layer", badge: "badge danger" },
  pending: { label: "Not decided yet", badge: "badge" },
};

export default async function MyOutcomesPage({ params }: { params: Params }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const raw = await params;
  const projectId = parseId(raw.projectId);
  const documentId = parseId(raw.documentId);
  const view = projectId === null || documentId === null ? null : await getMyOutcomes(user, projectId, documentId);
  if (view === null || "ok" in view) notFound();
  const back = `/projects/${projectId}/documents/${documentId}`;
  return (
    <section>
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${projectId}`}>{view.project.name}</Link> / <Link href={back}>{view.document.title}</Link>
      </nav>
      <h1>Your spans after adjudication</h1>
      {view.hidden ? (
        <p className="notice">Blind mode is on: mark your layer of this document done to see what the adjudicator decided.</p>
      ) : view.outcomes.length === 0 ? (
        <p className="empty">You have no spans on this document.</p>
      ) : (
        <TableRegion label="Table of your spans and their outcomes">
          <table className="table" data-testid="my-outcomes">
            <thead>
              <tr>
                <th scope="col">Your span</th>
                <th scope="col">Outcome</th>
                <th scope="col">What the gold layer has</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {view.outcomes.map((o) => (
                <tr key={o.span.id}>
                  <td>
                    <span className="meta">
                      {KIND_LABELS[o.span.kind]} · {o.span.start}–{o.span.end}
                    </span>
                    <br />
                    <span className="span-exact">{o.span.exact}</span>
                  </td>
                  <td>
                    <span className={OUTCOME[o.outcome].badge}>{OUTCOME[o.outcome].label}</span>
                  </td>
                  <td>
                    {o.outcome === "changed" && o.gold !== null ? (
                      <>
                        <span className="span-exact">{o.gold.exact}</span>
                        <ul className="meta">
                          {o.changes.map((c) => (
                            <li key={c}>{c}</li>
                          ))}
                        </ul>
                      </>
                    ) : o.outcome === "accepted" ? (
                      "The same span."
                    ) : (
                      <span className="meta">—</span>
                    )}
                  </td>
                  <td>
                    {o.reason || <span className="meta">No reason given</span>}
                    {o.adjudicatorName ? <span className="meta"> — {o.adjudicatorName}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}
