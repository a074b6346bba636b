"use client";
// The panel's section for the current span: its heading, a conflict to settle, its attributes,
// its tools (history, delete) and its links to the same claim elsewhere in the story.
import { useMemo, type ReactNode, type RefObject } from "react";
import type { SpanIndex } from "@/lib/spans";
import { KIND_LABELS, type AnnotationDto } from "@/lib/validation/annotations";
import type { AnnotationsApi, SourceDto, sourcesApi } from "./api-client";
import { AttributeForm } from "./attribute-form";
import { SpanTools } from "./panel-parts";
import { SameClaim } from "./same-claim";
import type { ClaimMatches } from "./use-claim-matches";
import type { WorkspaceSpan } from "./workspace-state";

interface Props {
  span: WorkspaceSpan;
  /** The spans in reading order, for the spans this one may sit inside. */
  index: SpanIndex<AnnotationDto & { key: string }>;
  canEdit: boolean;
  api: AnnotationsApi;
  sources: ReturnType<typeof sourcesApi>;
  sourceNames: ReadonlyMap<number, string>;
  speakerRef: RefObject<HTMLInputElement | null>;
  story: string | null;
  matches: ClaimMatches;
  onEdit: (changes: Partial<AnnotationDto>, immediate: boolean, attributePatch?: Record<string, unknown>) => void;
  onFlush: () => void;
  onSourceKnown: (source: SourceDto) => void;
  onTakeServer: () => void;
  onKeepMine: () => void;
  onDelete: () => void;
}

export function ActiveSpan(props: Props): ReactNode {
  const { span, index } = props;
  const draft = span.draft;
  // The reviewer's own saved spans around this one: what it can be put inside.
  const parents = useMemo(
    () =>
      index
        .containing(draft.start, draft.end, draft.id)
        .filter((s) => s.annotatorId === draft.annotatorId && s.id > 0)
        .map((s) => ({ id: s.id, label: `${KIND_LABELS[s.kind]}: “${s.exact.slice(0, 40)}”` })),
    [draft, index],
  );
  return (
    <section className="active-span" aria-labelledby="active-span-heading">
      <h2 id="active-span-heading">
        {KIND_LABELS[draft.kind]}{" "}
        <span className="meta">
          “{draft.exact.slice(0, 60)}
          {draft.exact.length > 60 ? "…" : ""}”
        </span>
      </h2>
      {span.state === "conflict" ? (
        <div role="alert" className="notice error">
          {span.error}
          <span className="row-actions">
            <button type="button" className="button small" onClick={props.onTakeServer}>
              Load latest
            </button>
            {/* An explicit choice: re-send this tab's version on top of the newer one. */}
            <button type="button" className="button small" onClick={props.onKeepMine}>
              Keep my version
            </button>
          </span>
        </div>
      ) : null}
      <AttributeForm
        span={draft}
        readOnly={!props.canEdit}
        parents={parents}
        sourceName={(id) => props.sourceNames.get(id) ?? `source ${id}`}
        sources={props.sources}
        speakerRef={props.speakerRef}
        onEdit={props.onEdit}
        onSourceKnown={props.onSourceKnown}
        onFlush={props.onFlush}
      />
      <SpanTools span={span} api={props.api} canEdit={props.canEdit} onDelete={props.onDelete} />
      <SameClaim story={props.story} saved={draft.id > 0} matches={props.matches} />
    </section>
  );
}
