// Gold outlet ratings: for each outlet and axis, the reviewers' ratings and rationales beside
// the gold value the adjudicator settles.
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { formatRating, mean } from "@/lib/perspective/stats";
import { listRatingsForAdjudication } from "@/lib/server/adjudication";
import { requireUser } from "@/lib/server/auth";
import { parseId } from "@/lib/validation/projects";
import { GoldRatingForm } from "./components";
import "../agreement.css";
import { Refused } from "../../review/refused";

type Params = Promise<{ projectId: string }>;

export default async function GoldRatingsPage({ params }: { params: Params }): Promise<ReactNode> {
  await connection();
  const user = await requireUser();
  const projectId = parseId((await params).projectId);
  const view = projectId === null ? null : await listRatingsForAdjudication(user, projectId);
  if (view === null || ("ok" in view && view.status === 404)) notFound();
  if ("ok" in view) {
    return <Refused title="Gold outlet ratings" error={view.error} back={{ href: `/projects/${projectId}`, label: "Back to the project" }} />;
  }
  return (
    <section className="agreement-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link href="/">Projects</Link> / <Link href={`/projects/${projectId}`}>{view.projectName}</Link> /{" "}
        <Link href={`/projects/${projectId}/agreement`}>Agreement</Link>
      </nav>
      <h1>Gold outlet ratings</h1>
      {view.outlets.length === 0 ? <p className="empty">No outlet in this project yet.</p> : null}
      <div className="ratings-grid">
        {view.outlets.map((o) => (
          <section key={o.outletId} className="card" aria-labelledby={`outlet-${o.outletId}`}>
            <h2 id={`outlet-${o.outletId}`}>{o.outletName}</h2>
            {o.axes.map((a) => {
              const m = mean(a.ratings.map((r) => r.value));
              return (
                <div key={a.axis.key} className="axis-block">
                  <h3>
                    {a.axis.label}{" "}
                    {a.gold ? (
                      <span className="badge ok">
                        Gold {formatRating(a.gold.value)} ({a.gold.raterName})
                      </span>
                    ) : (
                      <span className="badge">No gold yet</span>
                    )}
                  </h3>
                  {a.ratings.length === 0 ? (
                    <p className="meta">No reviewer has rated this yet.</p>
                  ) : (
                    <ul>
                      {a.ratings.map((r) => (
                        <li key={r.raterName}>
                          <strong>{r.raterName}</strong>: {formatRating(r.value)} — {r.rationale}
                        </li>
                      ))}
                      <li className="meta">Mean: {m.ok ? formatRating(m.value) : "not enough data"}</li>
                    </ul>
                  )}
                  <GoldRatingForm projectId={projectId!} outletId={o.outletId} outletName={o.outletName} axis={a.axis} gold={a.gold} />
                </div>
              );
            })}
          </section>
        ))}
      </div>
    </section>
  );
}
