"use client";
// One file of a batch upload: its metadata fields, pre-filled from the file and editable, with
// the file's problem (if any) beside it. Every input's accessible name includes the file name
// ("Outlet of 001_story.txt"), so a screen reader user knows which row they are in.
import type { ReactNode } from "react";
import type { MetadataField, MetadataValues } from "@/lib/validation/documents";

export interface RowState {
  key: string;
  file: File;
  values: MetadataValues;
  wordCount: number | null;
  problem: string | null;
  errors: Record<string, string>;
}

interface FieldSpec {
  field: MetadataField;
  label: string;
  type: string;
  list?: string;
}

const FIELDS: FieldSpec[] = [
  { field: "title", label: "Title", type: "text" },
  { field: "outlet", label: "Outlet", type: "text", list: "batch-outlets" },
  { field: "story", label: "Story", type: "text", list: "batch-stories" },
  { field: "author", label: "Author", type: "text" },
  { field: "publishedAt", label: "Date", type: "date" },
  { field: "url", label: "URL", type: "url" },
];

interface Props {
  row: RowState;
  index: number;
  onChange: (field: MetadataField, value: string) => void;
  onRemove: () => void;
}

export function BatchRow({ row, index, onChange, onRemove }: Props): ReactNode {
  const base = `batch-${row.key}`;
  const problemId = `${base}-problem`;
  return (
    <fieldset className="card stack batch-row" aria-describedby={row.problem ? problemId : undefined} data-testid="batch-row">
      <legend>
        <strong>{row.file.name}</strong>
        {row.wordCount !== null ? <span className="hint"> · {row.wordCount.toLocaleString("en")} words</span> : null}
      </legend>
      {row.problem ? (
        <p className="field-error" id={problemId}>
          {row.problem}
        </p>
      ) : null}
      <div className="metadata-grid">
        {FIELDS.map(({ field, label, type, list }) => {
          const id = `${base}-${field}`;
          const error = row.errors[field];
          return (
            <div className="field" key={field}>
              <label htmlFor={id}>
                {label}
                <span className="visually-hidden"> of {row.file.name}</span>
              </label>
              <input
                id={id}
                name={`${field}-${index}`}
                type={type}
                list={list}
                value={row.values[field]}
                placeholder={field === "title" ? "From the file" : undefined}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => onChange(field, event.target.value)}
              />
              {error ? (
                <p className="field-error" id={`${id}-error`}>
                  {error}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div>
        <button type="button" className="button small" onClick={onRemove} aria-label={`Remove ${row.file.name} from the batch`}>
          Remove from batch
        </button>
      </div>
    </fieldset>
  );
}
