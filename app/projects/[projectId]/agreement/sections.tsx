// The agreement page's tables. Every number goes through formatMeasure, so an undefined
// measure reads "not enough data" and never NaN.
import Link from "next/link";
import type { ReactNode } from "react";
import { formatMeasure, type MeasureRow, type MeasureValue, type PairAgreement } from "@/lib/review";
import type { DocumentAgreementRow } from "@/lib/server/agreement";
import { TableRegion } from "@/app/table-region";

const SCOPE_LABELS: Record<MeasureRow["scope"], string> = { overall: "All kinds", claim: "Claims", opinion: "Opinions", quote: "Attributed quotes" };

export function Measure({ value }: { value: MeasureValue }): ReactNode {
  return value.ok ? (
    <>{formatMeasure(value)}</>
  ) : (
    <span className="undefined" title={value.message}>
      not enough data
    </span>
  );
}

export function MeasuresTable({ measures }: { measures: readonly MeasureRow[] }): ReactNode {
  const ordered = [...measures.filter((m) => m.scope !== "overall"), ...measures.filter((m) => m.scope === "overall")];
  return (
    <section aria-labelledby="measures-heading">
      <h2 id="measures-heading">Measures by kind</h2>
      <TableRegion label="Table of measures by kind">
        <table className="table" data-testid="measures">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Spans
              </th>
              <th scope="col" className="num">
                Unitizing α<sub>u</sub>
              </th>
              <th scope="col" className="num">
                Span F1 (exact)
              </th>
              <th scope="col" className="num">
                Span F1 (partial)
              </th>
              <th scope="col" className="num">
                Percent agreement
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((m) => (
              <tr key={m.scope} className={m.scope === "overall" ? "total" : undefined}>
                <th scope="row">{SCOPE_LABELS[m.scope]}</th>
                <td className="num">{m.spans.toLocaleString("en")}</td>
                <td className="num">
                  <Measure value={m.alphaU} />
                  {m.alphaU.ok ? (
                    <span className="meta">
                      {" "}
                      ({m.alphaUDocuments} doc{m.alphaUDocuments === 1 ? "" : "s"})
                    </span>
                  ) : null}
                </td>
                <td className="num">
                  <Measure value={m.exactF1} />
                </td>
                <td className="num">
                  <Measure value={m.partialF1} />
                </td>
                <td className="num">
                  <Measure value={m.percent} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export function MeasuresNote(): ReactNode {
  return (
    <details className="card note" open>
      <summary>What these numbers mean, and why they differ</summary>
      <dl>
        <dt>
          Unitizing α<sub>u</sub>
        </dt>
        <dd>
          Krippendorff’s alpha for marking stretches of text (as DKPro Statistics computes it), on code-point positions of each document: 1 is perfect
          agreement, 0 is what chance would give, below 0 is worse than chance. It counts where spans begin and end and what the reviewers left unmarked.
          Computed per document, then averaged weighted by document length over the documents with two or more reviewers; overlapping spans of one kind by one
          reviewer (a quote in a quote) are merged first.
        </dd>
        <dt>Span F1</dt>
        <dd>
          How well one reviewer’s spans find the other’s, for every pair of reviewers, then averaged over the pairs. <em>Exact</em> counts only spans with the
          same kind, start and end; <em>partial</em> gives credit for overlap (the SemEval-2020 Task 11 formula). Not corrected for chance.
        </dd>
        <dt>Percent agreement</dt>
        <dd>
          For each span any reviewer marked, the share of reviewer pairs that marked it identically (same kind, start and end); leaving it unmarked counts as a
          different answer. Not corrected for chance.
        </dd>
      </dl>
      <p>
        They differ because they ask different questions: F1 and percent agreement reward matching spans, partial F1 forgives small boundary differences, and α
        <sub>u</sub> also weighs how much text was marked and how likely the agreement was by chance. A kind that nobody marked, or a document with a single
        reviewer, has no value: it shows “not enough data”.
      </p>
    </details>
  );
}

export function PairMatrix({
  pairs,
  reviewerIds,
  names,
}: {
  pairs: readonly PairAgreement[];
  reviewerIds: readonly number[];
  names: Record<number, string>;
}): ReactNode {
  const cell = (a: number, b: number) => pairs.find((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));
  return (
    <section aria-labelledby="pairs-heading">
      <h2 id="pairs-heading">Reviewer pairs (partial span F1)</h2>
      {reviewerIds.length < 2 ? (
        <p className="empty">Agreement needs at least two reviewers on the same document.</p>
      ) : (
        <TableRegion label="Table of reviewer pairs">
          <table className="table matrix" data-testid="pair-matrix">
            <thead>
              <tr>
                <td />{" "}
                {reviewerIds.map((id) => (
                  <th key={id} scope="col">
                    {names[id] ?? id}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reviewerIds.map((a) => (
                <tr key={a}>
                  <th scope="row">{names[a] ?? a}</th>
                  {reviewerIds.map((b) => {
                    const p = a === b ? undefined : cell(a, b);
                    return (
                      <td key={b} className="num">
                        {a === b ? (
                          <span className="meta">—</span>
                        ) : p === undefined ? (
                          <span className="meta">no shared documents</span>
                        ) : (
                          <>
                            <Measure value={p.partialF1} /> <span className="meta">({p.documents})</span>
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  );
}

export const SORTS = ["alpha_asc", "alpha_desc", "f1_asc", "f1_desc", "percent_asc", "percent_desc", "title"] as const;
export type DocumentSort = (typeof SORTS)[number];

function sortRows(rows: readonly DocumentAgreementRow[], sort: DocumentSort): DocumentAgreementRow[] {
  if (sort === "title") return [...rows].sort((a, b) => a.title.localeCompare(b.title));
  const key = sort.startsWith("alpha") ? "alphaU" : sort.startsWith("f1") ? "partialF1" : "percent";
  const dir = sort.endsWith("desc") ? -1 : 1;
  // Documents without a value go last either way.
  const value = (r: DocumentAgreementRow) => (r[key].ok ? r[key].value : null);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === null ? (vb === null ? a.id - b.id : 1) : -1;
    return (va - vb) * dir || a.id - b.id;
  });
}

function SortLink({
  label,
  asc,
  desc,
  sort,
  href,
}: {
  label: string;
  asc: DocumentSort;
  desc: DocumentSort;
  sort: DocumentSort;
  href: (s: DocumentSort) => string;
}): ReactNode {
  const active = sort === asc || sort === desc;
  const next = sort === asc ? desc : asc;
  return (
    <Link href={href(next)} aria-label={`Sort by ${label}, ${next === asc ? "lowest" : "highest"} first`}>
      {label} {active ? (sort === asc ? "▲" : "▼") : ""}
    </Link>
  );
}

export function DocumentTable({
  projectId,
  rows,
  sort,
  href,
}: {
  projectId: number;
  rows: readonly DocumentAgreementRow[];
  sort: DocumentSort;
  href: (s: DocumentSort) => string;
}): ReactNode {
  const ariaSort = (asc: DocumentSort, desc: DocumentSort) => (sort === asc ? "ascending" : sort === desc ? "descending" : undefined);
  return (
    <section aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      <TableRegion label="Table of agreement per document">
        <table className="table" data-testid="document-agreement">
          <thead>
            <tr>
              <th scope="col" aria-sort={sort === "title" ? "ascending" : undefined}>
                <Link href={href("title")}>Document</Link>
              </th>
              <th scope="col" className="num">
                Reviewers (done)
              </th>
              <th scope="col" className="num">
                Spans
              </th>
              <th scope="col" className="num" aria-sort={ariaSort("alpha_asc", "alpha_desc")}>
                <SortLink label="α_u" asc="alpha_asc" desc="alpha_desc" sort={sort} href={href} />
              </th>
              <th scope="col" className="num" aria-sort={ariaSort("f1_asc", "f1_desc")}>
                <SortLink label="Partial F1" asc="f1_asc" desc="f1_desc" sort={sort} href={href} />
              </th>
              <th scope="col" className="num" aria-sort={ariaSort("percent_asc", "percent_desc")}>
                <SortLink label="Percent" asc="percent_asc" desc="percent_desc" sort={sort} href={href} />
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {sortRows(rows, sort).map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/projects/${projectId}/review/${r.id}`}>{r.title}</Link>
                </td>
                <td className="num">
                  {r.reviewers} ({r.doneReviewers})
                </td>
                <td className="num">{r.spans}</td>
                <td className="num">
                  <Measure value={r.alphaU} />
                </td>
                <td className="num">
                  <Measure value={r.partialF1} />
                </td>
                <td className="num">
                  <Measure value={r.percent} />
                </td>
                <td>
                  {r.gold ? (
                    <span className="badge ok">Gold</span>
                  ) : r.undecided > 0 ? (
                    <span className="meta">{r.undecided} undecided</span>
                  ) : (
                    <span className="meta">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
