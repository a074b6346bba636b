"use client";
// The fields of a gold span being edited or added: kind, offsets (code points) and the
// categorical attributes of the kind. Attributes go to the server as one JSON field; free-text
// attributes of the span it starts from (speaker text, cue…) are kept while the kind stays.
import { useState, type ReactNode } from "react";
import {
  ANNOTATION_KINDS,
  BIAS_TYPES,
  CERTAINTY,
  CONTENT_TYPES,
  KIND_LABELS,
  OPINION_HOLDERS,
  QUOTE_MODES,
  SPEAKER_TYPES,
  type AnnotationKind,
} from "@/lib/validation/annotations";
import { ATTRIBUTE_LABELS } from "./labels";

const CHOICES: Record<AnnotationKind, Record<string, readonly (string | number)[]>> = {
  claim: { checkworthy: ["yes", "no"], certainty: CERTAINTY },
  opinion: { holder: OPINION_HOLDERS, sentiment: [-2, -1, 0, 1, 2], bias: BIAS_TYPES },
  quote: { speaker_type: SPEAKER_TYPES, mode: QUOTE_MODES, content_type: CONTENT_TYPES },
};

export interface GoldInitial {
  kind: AnnotationKind;
  start: number;
  end: number;
  attributes: Record<string, unknown>;
}

export function GoldFields({ initial }: { initial: GoldInitial }): ReactNode {
  const [kind, setKind] = useState<AnnotationKind>(initial.kind);
  const [chosen, setChosen] = useState<Record<string, string | number>>(() => {
    const out: Record<string, string | number> = {};
    for (const name of Object.keys(CHOICES[initial.kind])) {
      const v = initial.attributes[name];
      if (typeof v === "string" || typeof v === "number") out[name] = v;
    }
    return out;
  });
  const carried = kind === initial.kind ? initial.attributes : {};
  const attributes: Record<string, unknown> = { ...carried };
  for (const name of Object.keys(CHOICES[kind])) {
    delete attributes[name];
    if (chosen[name] !== undefined && chosen[name] !== "") attributes[name] = chosen[name];
  }
  return (
    <div className="gold-fields">
      <label className="field">
        <span>Kind</span>
        <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as AnnotationKind)}>
          {ANNOTATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Start</span>
        <input name="start" type="number" min={0} defaultValue={initial.start} inputMode="numeric" />
      </label>
      <label className="field">
        <span>End</span>
        <input name="end" type="number" min={1} defaultValue={initial.end} inputMode="numeric" />
      </label>
      {Object.entries(CHOICES[kind]).map(([name, options]) => (
        <label key={`${kind}-${name}`} className="field">
          <span>{ATTRIBUTE_LABELS[name] ?? name}</span>
          <select
            value={chosen[name] ?? ""}
            onChange={(e) => {
              const raw = e.target.value;
              setChosen({ ...chosen, [name]: typeof options[0] === "number" && raw !== "" ? Number(raw) : raw });
            }}
          >
            <option value="">—</option>
            {options.map((o) => (
              <option key={o} value={o}>
                {String(o).replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
      ))}
      <input type="hidden" name="attributes" value={JSON.stringify(attributes)} />
      <p className="hint">Offsets count Unicode code points from the start of the text, end exclusive.</p>
    </div>
  );
}
