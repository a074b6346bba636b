// A rating axis's scale beside its input, before anyone rates: what the ends and the middle
// mean, and the published scale it mirrors (lib/guidelines/scales.ts). No hooks, so both the
// outlet page's and the document page's client forms render it.
import type { ReactNode } from "react";
import { axisScaleGuide, type ScaleAxis } from "@/lib/guidelines/scales";
import "./rating-scale.css";

/** `id` is for the input's aria-describedby, so the scale is read with the field. */
export function RatingScale({ axis, id }: { axis: ScaleAxis; id: string }): ReactNode {
  const guide = axisScaleGuide(axis);
  if (guide.points.length === 0) return null;
  const { published } = guide;
  return (
    <div className="rating-scale" id={id} data-axis={axis.key}>
      <dl>
        {guide.points.map((p) => (
          <div key={p.value}>
            <dt>{p.value}</dt>
            <dd>{p.meaning}</dd>
          </div>
        ))}
      </dl>
      {published ? (
        <p className="rating-scale-source">
          Mirrors the{" "}
          <a href={published.url} target="_blank" rel="noopener noreferrer">
            {published.name}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
          , {published.summary}
        </p>
      ) : null}
      {guide.notes.map((note) => (
        <p key={note} className="rating-scale-note">
          {note}
        </p>
      ))}
    </div>
  );
}
