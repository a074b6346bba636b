// The quotes behind one cell of "Who speaks where", for a story or the whole project. The
// list comes from the same comparison that counted the cell, so the two always agree.
import Link from "next/link";
import type { ReactNode } from "react";
import { layerLabel } from "@/lib/compare/tables";
import { parseId } from "@/lib/validation/projects";
import type { SessionUser } from "@/lib/server/session";
import { layerChoiceParam, parseLayerChoice, quotesInCell } from "@/lib/server/compare";
import { documentHref, withQuery, type ComparePaths } from "./paths";
import { single } from "./query";

const MODE_WORDS: Record<string, string> = { direct: "direct quote", indirect: "indirect (reported) speech", mixed: "mixed quote" };

/** `outlet=none` is the column of documents without an outlet; anything else must be an id. */
function parseOutlet(raw: string | null): { ok: true; outletId: number | null } | { ok: false } {
  if (raw === "none") return { ok: true, outletId: null };
  const id = parseId(raw);
  return id === null ? { ok: false } : { ok: true, outletId: id };
}

interface QuotesViewProps {
  user: SessionUser;
  projectId: number;
  storyId: number | null;
  query: Record<string, string | string[] | undefined>;
  paths: (layer: string | null) => ComparePaths;
}

export async function QuotesView({ user, projectId, storyId, query, paths }: QuotesViewProps): Promise<ReactNode> {
  const layer = parseLayerChoice(single(query.layer));
  const p = paths(layerChoiceParam(layer));
  const back = (
    <p>
      <Link href={withQuery(p.page, { layer: p.layer }) + "#who-speaks"}>Back to who speaks where</Link>
    </p>
  );
  const speaker = single(query.speaker);
  const outlet = parseOutlet(single(query.outlet));
  if (speaker === null || speaker === "" || !outlet.ok) {
    return (
      <>
        <h1>Quotes</h1>
        <p className="notice error" role="alert">
          This link does not name a cell: it needs a speaker and an outlet (an outlet id, or “none” for documents without an outlet).
        </p>
        {back}
      </>
    );
  }
  const result = await quotesInCell(user, projectId, storyId, layer, speaker, outlet.outletId);
  if (!result.ok) {
    return (
      <>
        <h1>Quotes</h1>
        <p className="notice error" role="alert">
          {result.error}
        </p>
        {back}
      </>
    );
  }
  const outletName = result.outletName ?? "documents without an outlet";
  return (
    <>
      <h1>
        {result.speakerName} in {outletName}
      </h1>
      <p className="lead">
        {result.quotes.length} attributed quote{result.quotes.length === 1 ? "" : "s"} of {result.speakerName} in {outletName}, in order of publication.
      </p>
      <ol className="quote-list" aria-label="Quotes">
        {result.quotes.map(({ span, document }) => (
          <li key={span.id}>
            <blockquote>{span.exact}</blockquote>
            <p className="meta">
              <Link href={documentHref(p, document.id)}>{document.title}</Link> · {document.outletName ?? "No outlet"} · {document.publishedAt ?? "undated"} ·{" "}
              {span.mode === undefined ? "mode not recorded" : (MODE_WORDS[span.mode] ?? span.mode)}
              {span.speakerText && span.speakerText !== result.speakerName ? <> · speaker given as “{span.speakerText}”</> : null} · layer:{" "}
              {layerLabel(document.layer)}
            </p>
          </li>
        ))}
      </ol>
      {back}
    </>
  );
}
