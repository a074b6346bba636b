// Agreement on what was said about spans and outlets: quote attributes on matched quotes, and
// interval alpha on the reviewers' outlet ratings.
import Link from "next/link";
import type { ReactNode } from "react";
import type { AttributeAgreement } from "@/lib/review";
import type { RatingAgreementRow } from "@/lib/server/agreement";
import { Measure } from "./sections";
import { TableRegion } from "@/app/table-region";

const ATTRIBUTE_NAMES: Record<AttributeAgreement["attribute"], string> = { source_id: "Speaker (source)", speaker_type: "Speaker type", mode: "Mode" };

export function AttributeTable({ attributes }: { attributes: readonly AttributeAgreement[] }): ReactNode {
  return (
    <section aria-labelledby="attributes-heading">
      <h2 id="attributes-heading">Quote attributes on matched quotes</h2>
      <p className="meta">
        Quotes of two reviewers are matched when they overlap (best overlap first, one to one). An attribute left empty counts as not coded.
      </p>
      <TableRegion label="Table of quote attribute agreement">
        <table className="table" data-testid="attribute-agreement">
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col" className="num">
                Matched quotes
              </th>
              <th scope="col" className="num">
                Nominal α
              </th>
              <th scope="col" className="num">
                Percent agreement
              </th>
            </tr>
          </thead>
          <tbody>
            {attributes.map((a) => (
              <tr key={a.attribute}>
                <th scope="row">{ATTRIBUTE_NAMES[a.attribute]}</th>
                <td className="num">{a.units}</td>
                <td className="num">
                  <Measure value={a.alpha} />
                </td>
                <td className="num">
                  <Measure value={a.percent} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}

export function RatingsTable({ rows, ratingsHref }: { rows: readonly RatingAgreementRow[]; ratingsHref: string }): ReactNode {
  return (
    <section aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">Outlet ratings</h2>
      <p className="meta">
        Interval α with each outlet × axis as a unit and each rater as a coder. Read the per-axis rows: pooling axes mixes their scales.{" "}
        <Link href={ratingsHref}>Settle gold ratings</Link>
      </p>
      <TableRegion label="Table of outlet rating agreement">
        <table className="table" data-testid="rating-agreement">
          <thead>
            <tr>
              <th scope="col">Axis</th>
              <th scope="col" className="num">
                Rated units
              </th>
              <th scope="col" className="num">
                Raters
              </th>
              <th scope="col" className="num">
                Interval α
              </th>
              <th scope="col" className="num">
                Percent agreement
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.axis ?? "all"} className={r.axis === null ? "total" : undefined}>
                <th scope="row">{r.label}</th>
                <td className="num">{r.units}</td>
                <td className="num">{r.raters}</td>
                <td className="num">
                  <Measure value={r.alpha} />
                </td>
                <td className="num">
                  <Measure value={r.percent} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
