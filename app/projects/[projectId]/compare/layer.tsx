// "Which layer": the reviewer a reader may choose (a plain GET form, so the choice is in the
// URL and every link keeps it), and, per document, the layer its figures actually come from.
import type { ReactNode } from "react";
import { layerLabel } from "@/lib/compare/tables";
import type { CompareDocument } from "@/lib/compare/types";

interface LayerFormProps {
  action: string;
  blind: boolean;
  reviewers: { id: number; name: string }[];
  /** The current `layer` query value ("reviewer:12") or null. */
  current: string | null;
  /** Other query values the form must keep (the reading page's documents). */
  keep?: Record<string, string>;
}

export function LayerForm({ action, blind, reviewers, current, keep = {} }: LayerFormProps): ReactNode {
  if (blind) {
    return (
      <p className="notice layer-notice">
        <strong>Blind mode:</strong> you see only your own spans and your own ratings, in every document. Other reviewers&apos; layers and the gold layer stay
        hidden until blind mode is lifted.
      </p>
    );
  }
  return (
    <form method="get" action={action} className="filters layer-form" aria-label="Which layer">
      {Object.entries(keep).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label>
        Layer
        <select name="layer" defaultValue={current ?? ""}>
          <option value="">Gold where settled, else every reviewer pooled</option>
          {reviewers.map((r) => (
            <option key={r.id} value={`reviewer:${r.id}`}>
              Gold where settled, else {r.name}&apos;s spans
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        Show
      </button>
      <p className="hint">
        Where a document is settled its gold layer is shown. Elsewhere the chosen reviewer&apos;s spans (where they annotated it) or, by default, the mean over
        every reviewer.
      </p>
    </form>
  );
}

/** One line per kind of layer shown, e.g. "Gold in 2 documents · Mean of 3 reviewers in 1". */
export function layerSummary(documents: CompareDocument[]): string {
  const counts = new Map<string, number>();
  for (const d of documents) counts.set(layerLabel(d.layer), (counts.get(layerLabel(d.layer)) ?? 0) + 1);
  return [...counts].map(([label, n]) => `${label} in ${n} document${n === 1 ? "" : "s"}`).join(" · ");
}

export function LayerPerDocument({ documents, blind }: { documents: CompareDocument[]; blind: boolean }): ReactNode {
  if (documents.length === 0) return null;
  return (
    <details className="layer-details" open={documents.length <= 6}>
      <summary>Layer shown: {blind ? "your own spans" : layerSummary(documents)}</summary>
      <ul className="layer-list">
        {documents.map((d) => (
          <li key={d.id}>
            <span className="layer-doc">{d.title}</span>{" "}
            <span className="meta">
              · {d.outletName ?? "No outlet"} · {d.publishedAt ?? "undated"} ·
            </span>{" "}
            <span className={`badge layer-${d.layer.kind}`}>{blind && d.layer.kind === "reviewer" ? "Your own spans" : layerLabel(d.layer)}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
