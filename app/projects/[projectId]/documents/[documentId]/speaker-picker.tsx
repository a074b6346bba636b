"use client";
// Type-ahead over the project's sources registry, with "create on the spot". The same source
// row is then linked from every document and outlet that quotes it. Matching is the registry's
// own (lib/sources/near-match): "Khanjar" finds "Khamis al-Khanjar", closest first, so Enter
// picks the existing speaker; and before a new source is made, the sources it may already be
// are offered first, the first of them focused.
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { foldName, nearMatches, rankSources } from "@/lib/sources/near-match";
import { SOURCE_KINDS } from "@/lib/validation/annotations";
import type { SourceDto, sourcesApi } from "./api-client";
import { aliasNote, NearSources } from "./speaker-near";

interface Props {
  api: ReturnType<typeof sourcesApi>;
  value: { id: number; name: string } | null;
  disabled: boolean;
  onPick: (source: SourceDto | null) => void;
  inputRef?: React.Ref<HTMLInputElement>;
  label?: string;
}

export function SpeakerPicker({ api, value, disabled, onPick, inputRef, label = "Speaker (source)" }: Props): ReactNode {
  const id = useId();
  const [query, setQuery] = useState(value?.name ?? "");
  const [results, setResults] = useState<{ query: string; sources: SourceDto[] }>({ query: "", sources: [] });
  const [open, setOpen] = useState(false);
  const [highlighted, setHighlighted] = useState(0);
  const [creating, setCreating] = useState<{ name: string; kind: string; affiliation: string; near: SourceDto[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requestNo = useRef(0);

  // When the span's speaker changes from outside, the box shows the new name (set while
  // rendering, so there is no frame with the old one).
  const valueKey = `${value?.id ?? ""}:${value?.name ?? ""}`;
  const [shownValue, setShownValue] = useState(valueKey);
  if (shownValue !== valueKey) {
    setShownValue(valueKey);
    setQuery(value?.name ?? "");
  }

  useEffect(() => {
    if (!open) return;
    const n = ++requestNo.current;
    const timer = setTimeout(() => {
      void api.search(query.trim()).then((result) => {
        if (n === requestNo.current && result.ok) setResults({ query: query.trim(), sources: result.data.sources });
      });
    }, 120);
    return () => clearTimeout(timer);
  }, [api, query, open]);

  // Until the search for what was just typed answers, the previous answer is narrowed to names
  // that still match: a fast Enter must never pick a source that no longer fits the text.
  const typed = query.trim();
  const options = results.query === typed ? results.sources : rankSources(typed, results.sources);
  const exactMatch = options.some((o) => foldName(o.name) === foldName(typed));
  const canCreate = query.trim() !== "" && !exactMatch;
  const count = options.length + (canCreate ? 1 : 0);

  function choose(index: number): void {
    if (index < options.length) {
      onPick(options[index]!);
      setOpen(false);
    } else if (canCreate) {
      setCreating({ name: query.trim(), kind: "person", affiliation: "", near: nearMatches(query, options).slice(0, 3) });
      setOpen(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setHighlighted((h) => Math.min(h + 1, Math.max(count - 1, 0)));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setHighlighted((h) => Math.max(h - 1, 0));
    } else if (event.key === "Enter" && open && count > 0) {
      event.preventDefault();
      choose(highlighted);
    } else if (event.key === "Escape" && open && count > 0) {
      event.stopPropagation();
      setOpen(false);
    }
  }

  async function create(): Promise<void> {
    if (creating === null) return;
    const result = await api.create({ name: creating.name, kind: creating.kind, ...(creating.affiliation ? { affiliation: creating.affiliation } : {}) });
    if (!result.ok) {
      // The name is already in the registry: link that source rather than refuse.
      if (result.code === "duplicate" && result.existing) {
        setCreating(null);
        onPick(result.existing);
        return;
      }
      setError(result.error);
      return;
    }
    setError(null);
    setCreating(null);
    onPick(result.data.source);
  }

  return (
    <div className="field speaker-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        ref={inputRef}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && count > 0 ? `${id}-opt-${highlighted}` : undefined}
        value={query}
        disabled={disabled}
        placeholder="Type a name…"
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setHighlighted(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {open && count > 0 ? (
        <ul id={`${id}-list`} role="listbox" className="combo-list" aria-label="Sources">
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === highlighted}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              {o.name}{" "}
              <span className="meta">
                {o.kind.replace("_", " ")}
                {o.affiliation ? ` · ${o.affiliation}` : ""}
                {aliasNote(typed, o)}
              </span>
            </li>
          ))}
          {canCreate ? (
            <li
              id={`${id}-opt-${options.length}`}
              role="option"
              aria-selected={highlighted === options.length}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(options.length);
              }}
            >
              Create “{query.trim()}” as a new source
            </li>
          ) : null}
        </ul>
      ) : null}
      {value !== null && !disabled ? (
        <button type="button" className="button link small" onClick={() => onPick(null)}>
          Unlink speaker
        </button>
      ) : null}
      {creating !== null ? (
        <div className="new-source" role="group" aria-label="New source">
          <NearSources
            near={creating.near}
            onPick={(source) => {
              setCreating(null);
              onPick(source);
            }}
          />
          <label>
            Name
            <input autoFocus={creating.near.length === 0} value={creating.name} onChange={(e) => setCreating({ ...creating, name: e.target.value })} />
          </label>
          <label>
            Type
            <select value={creating.kind} onChange={(e) => setCreating({ ...creating, kind: e.target.value })}>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k.replace("_", " ")}
                </option>
              ))}
            </select>
          </label>
          <label>
            Affiliation
            <input value={creating.affiliation} onChange={(e) => setCreating({ ...creating, affiliation: e.target.value })} />
          </label>
          <div className="row-actions">
            <button type="button" className="button primary small" onClick={() => void create()}>
              Create source
            </button>
            <button type="button" className="button small" onClick={() => setCreating(null)}>
              Cancel
            </button>
          </div>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
