"use client";
// The side form for the active span: kind, the kind's attributes (DESIGN.md), note and
// confidence. Choices save at once; typed text saves after a short pause or on leaving the field.
import type { ReactNode, Ref } from "react";
import {
  ANNOTATION_KINDS,
  BIAS_TYPES,
  CERTAINTY,
  CONFIDENCE,
  CONTENT_TYPES,
  KIND_LABELS,
  OPINION_HOLDERS,
  QUOTE_MODES,
  SPEAKER_TYPES,
  type AnnotationDto,
} from "@/lib/validation/annotations";
import type { SourceDto, sourcesApi } from "./api-client";
import { SpeakerPicker } from "./speaker-picker";

type Attrs = Record<string, unknown>;
export type Edit = (changes: Partial<AnnotationDto>, immediate: boolean, attributePatch?: Attrs) => void;

interface Props {
  span: AnnotationDto;
  readOnly: boolean;
  parents: { id: number; label: string }[];
  sourceName: (id: number) => string;
  sources: ReturnType<typeof sourcesApi>;
  onEdit: Edit;
  onSourceKnown: (source: SourceDto) => void;
  onFlush: () => void;
  speakerRef: Ref<HTMLInputElement>;
}

const words = (v: string): string => v.replaceAll("_", " ");

function Select({
  label,
  value,
  options,
  onChange,
  disabled,
  format = words,
}: {
  label: string;
  value: unknown;
  options: readonly (string | number)[];
  onChange: (v: string | undefined) => void;
  disabled: boolean;
  format?: (v: string) => string;
}): ReactNode {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={value === undefined || value === null ? "" : String(value)}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
      >
        <option value="">—</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {format(String(o))}
          </option>
        ))}
      </select>
    </label>
  );
}

function TextInput({
  label,
  value,
  onChange,
  onBlur,
  disabled,
}: {
  label: string;
  value: unknown;
  onChange: (v: string) => void;
  onBlur: () => void;
  disabled: boolean;
}): ReactNode {
  return (
    <label className="field">
      <span>{label}</span>
      <input value={typeof value === "string" ? value : ""} disabled={disabled} onChange={(e) => onChange(e.target.value)} onBlur={onBlur} />
    </label>
  );
}

export function AttributeForm(props: Props): ReactNode {
  const { span, readOnly, onEdit, onFlush } = props;
  const attrs = span.attributes as Attrs;
  const set = (key: string, value: unknown, immediate = true): void => onEdit({}, immediate, { [key]: value });
  const text = (key: string, label: string): ReactNode => (
    <TextInput label={label} value={attrs[key]} disabled={readOnly} onChange={(v) => set(key, v, false)} onBlur={onFlush} />
  );
  const choice = (key: string, label: string, options: readonly string[]): ReactNode => (
    <Select label={label} value={attrs[key]} options={options} disabled={readOnly} onChange={(v) => set(key, v)} />
  );

  return (
    <form className="attribute-form" aria-label="Span attributes" onSubmit={(e) => e.preventDefault()}>
      <label className="field">
        <span>Kind</span>
        <select value={span.kind} disabled={readOnly} onChange={(e) => onEdit({ kind: e.target.value as AnnotationDto["kind"], attributes: {} }, true)}>
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {span.kind === "claim" ? (
        <>
          {choice("checkworthy", "Check-worthy", ["yes", "no"])}
          {choice("certainty", "Certainty", CERTAINTY)}
          <Targets {...props} attrs={attrs} set={set} />
        </>
      ) : null}
      {span.kind === "opinion" ? (
        <>
          {choice("holder", "Holder", OPINION_HOLDERS)}
          <Select
            label="Sentiment"
            value={attrs.sentiment}
            options={[-2, -1, 0, 1, 2]}
            disabled={readOnly}
            format={(v) => (Number(v) > 0 ? `+${v}` : v)}
            onChange={(v) => set("sentiment", v === undefined ? undefined : Number(v))}
          />
          {choice("bias", "Bias type", BIAS_TYPES)}
          <Targets {...props} attrs={attrs} set={set} />
        </>
      ) : null}
      {span.kind === "quote" ? (
        <>
          <SpeakerPicker
            api={props.sources}
            inputRef={props.speakerRef}
            disabled={readOnly}
            value={typeof attrs.source_id === "number" ? { id: attrs.source_id, name: props.sourceName(attrs.source_id) } : null}
            onPick={(source) => {
              if (source) props.onSourceKnown(source);
              const patch: Attrs = { source_id: source?.id ?? null };
              if (source && (typeof attrs.speaker_text !== "string" || attrs.speaker_text === "")) patch.speaker_text = source.name;
              onEdit({}, true, patch);
            }}
          />
          {text("speaker_text", "Speaker as written")}
          {choice("speaker_type", "Speaker type", SPEAKER_TYPES)}
          {choice("mode", "Mode", QUOTE_MODES)}
          {text("cue", "Cue (said, told, according to…)")}
          {text("addressee", "Addressee")}
          {choice("content_type", "Content type", CONTENT_TYPES)}
        </>
      ) : null}
      {choice("confidence", "Confidence", CONFIDENCE)}
      <label className="field">
        <span>Inside</span>
        <select
          value={span.parentId ?? ""}
          disabled={readOnly}
          onChange={(e) => onEdit({ parentId: e.target.value === "" ? null : Number(e.target.value) }, true)}
        >
          <option value="">— (top level)</option>
          {props.parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Note</span>
        <textarea rows={3} value={span.note} disabled={readOnly} onChange={(e) => onEdit({ note: e.target.value }, false)} onBlur={onFlush} />
      </label>
    </form>
  );
}

function Targets({ attrs, set, readOnly, sourceName, sources, onSourceKnown }: Props & { attrs: Attrs; set: (k: string, v: unknown) => void }): ReactNode {
  const targets = Array.isArray(attrs.targets) ? (attrs.targets as number[]) : [];
  return (
    <div className="targets">
      {targets.length > 0 ? (
        <ul className="chips" aria-label="Targets">
          {targets.map((id) => (
            <li key={id}>
              {sourceName(id)}
              {readOnly ? null : (
                <button
                  type="button"
                  aria-label={`Remove target ${sourceName(id)}`}
                  onClick={() =>
                    set(
                      "targets",
                      targets.filter((t) => t !== id),
                    )
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      <SpeakerPicker
        api={sources}
        label="Add a target"
        value={null}
        disabled={readOnly}
        onPick={(s) => {
          if (s && !targets.includes(s.id)) {
            onSourceKnown(s);
            set("targets", [...targets, s.id]);
          }
        }}
      />
    </div>
  );
}
