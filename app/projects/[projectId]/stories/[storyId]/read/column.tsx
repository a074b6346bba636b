// One document of the side-by-side reading: its heading and its text with the spans of the
// layer shown drawn as marks. Text is rendered as text; offsets are code points (lib/charts/reading).
import Link from "next/link";
import { Fragment, type ReactNode } from "react";
import { markParagraphs } from "@/lib/charts/reading";
import { layerLabel } from "@/lib/compare/tables";
import type { CompareSpan } from "@/lib/compare/types";
import type { ReadingDocument } from "@/lib/server/compare";
import { KIND_LABELS, type AnnotationKind } from "@/lib/validation/annotations";

const KIND_ORDER: AnnotationKind[] = ["quote", "claim", "opinion"];

function counts(spans: CompareSpan[]): string {
  const parts = KIND_ORDER.map((k) => [k, spans.filter((s) => s.kind === k).length] as const)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${n} ${KIND_LABELS[k].toLowerCase()}${n === 1 ? "" : "s"}`);
  return parts.length === 0 ? "No spans in the layer shown" : parts.join(" · ");
}

interface ColumnProps {
  projectId: number;
  index: number;
  reading: ReadingDocument;
  keysOf: ReadonlyMap<number, string[]>;
  blind: boolean;
}

export function ReadingColumn({ projectId, index, reading, keysOf, blind }: ColumnProps): ReactNode {
  const { document: doc, text, spans } = reading;
  const byId = new Map(spans.map((s) => [s.id, s]));
  const paragraphs = markParagraphs(text, spans);
  const headingId = `column-${index}`;
  return (
    <article className="read-column" data-column={index} aria-labelledby={headingId}>
      <header className="read-head">
        <h2 id={headingId}>
          <Link href={`/projects/${projectId}/documents/${doc.id}`}>{doc.title}</Link>
        </h2>
        <p className="meta">
          {doc.outletName ?? "No outlet"} · {doc.publishedAt ?? "undated"} · layer: {blind ? "your own spans" : layerLabel(doc.layer)}
        </p>
        <p className="meta">{counts(spans)}</p>
      </header>
      <div className="read-text" data-testid={`reading-text-${index}`}>
        {paragraphs.map((p) => (
          <p key={p.start}>
            {p.pieces.map((piece) => {
              if (piece.spanIds.length === 0) return <Fragment key={piece.start}>{piece.text}</Fragment>;
              const covering = piece.spanIds.map((id) => byId.get(id)!).filter(Boolean);
              const kinds = [...new Set(covering.map((s) => s.kind))];
              const keys = [...new Set(piece.spanIds.flatMap((id) => keysOf.get(id) ?? []))];
              // One stop per linked span: its first piece is focusable, the rest only light up.
              const starts = covering.some((s) => s.start === piece.start && (keysOf.get(s.id)?.length ?? 0) > 0);
              return (
                <mark
                  key={piece.start}
                  className={`rd ${kinds.map((k) => `rd-${k}`).join(" ")}`}
                  data-spans={piece.spanIds.join(" ")}
                  data-keys={keys.length > 0 ? keys.join(" ") : undefined}
                  tabIndex={starts ? 0 : undefined}
                  title={kinds.map((k) => KIND_LABELS[k]).join(" + ")}
                >
                  {piece.text}
                </mark>
              );
            })}
          </p>
        ))}
      </div>
    </article>
  );
}
