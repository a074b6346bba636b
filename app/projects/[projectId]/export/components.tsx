"use client";
// The Export form. It is a plain GET form: submitting it navigates to the download route and
// the browser saves the file as it streams, with no script in between. While the choices change,
// the summary route says how many documents and spans the file will hold.
import { useEffect, useRef, useState, type ReactNode } from "react";
import { FORMAT_DESCRIPTIONS } from "@/lib/export/formats";
import type { ExportFormat } from "@/lib/export/types";
import { ANNOTATION_KINDS, KIND_LABELS } from "@/lib/validation/annotations";
import { EXPORT_FORMATS } from "@/lib/validation/export";
import type { ExportChoices } from "@/lib/server/export/choices";

type Summary = { documentCount: number; spanCount: number; layers: string[] } | { error: string } | null;

function useSummary(form: React.RefObject<HTMLFormElement | null>, action: string, version: number): Summary {
  const [summary, setSummary] = useState<Summary>(null);
  useEffect(() => {
    if (form.current === null) return;
    const query = new URLSearchParams(new FormData(form.current) as unknown as Record<string, string>);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`${action.replace(/\/download$/, "/summary")}?${query}`, { signal: controller.signal })
        .then(async (res) => setSummary((await res.json()) as Summary))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [form, action, version]);
  return summary;
}

const layerName = (layer: string): string => (layer === "gold" ? "gold" : layer.replace(/^reviewer:/, ""));

function SummaryCard({ summary, format }: { summary: Summary; format: ExportFormat }): ReactNode {
  return (
    <div className="card export-summary" aria-live="polite">
      <h2>The file</h2>
      {summary === null ? (
        <p className="meta">Counting…</p>
      ) : "error" in summary ? (
        <p className="notice error" role="alert">
          {summary.error}
        </p>
      ) : (
        <>
          <div className="figures">
            <p className="figure">
              <strong data-testid="export-documents">{summary.documentCount.toLocaleString("en")}</strong>{" "}
              {summary.documentCount === 1 ? "document" : "documents"}
            </p>
            <p className="figure">
              <strong data-testid="export-spans">{summary.spanCount.toLocaleString("en")}</strong> {summary.spanCount === 1 ? "span" : "spans"}
            </p>
          </div>
          <p className="meta">{summary.layers.length === 0 ? "No spans in this selection." : `Layers: ${summary.layers.map(layerName).join(", ")}.`}</p>
        </>
      )}
      <p className="meta">
        {FORMAT_DESCRIPTIONS[format].label}, <code>.{FORMAT_DESCRIPTIONS[format].extension}</code>
      </p>
      <button type="submit" className="button primary" disabled={summary !== null && "error" in summary}>
        Download
      </button>
    </div>
  );
}

export function ExportForm({ choices }: { choices: ExportChoices }): ReactNode {
  const form = useRef<HTMLFormElement>(null);
  const [version, setVersion] = useState(0);
  const [format, setFormat] = useState<ExportFormat>("jsonl");
  const action = `/projects/${choices.project.id}/export/download`;
  const summary = useSummary(form, action, version);
  const textFixed = !FORMAT_DESCRIPTIONS[format].textOptional;
  return (
    <form ref={form} method="get" action={action} className="export-form" onChange={() => setVersion((v) => v + 1)}>
      <div className="stack">
        <fieldset>
          <legend>Format</legend>
          <div className="format-list">
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className="format-option">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                <span>{FORMAT_DESCRIPTIONS[f].label}</span>
                <span className="hint">{FORMAT_DESCRIPTIONS[f].summary}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="stack">
          <legend>Whose spans</legend>
          <div className="field">
            <label htmlFor="export-layer">Layer</label>
            <select id="export-layer" name="layer" defaultValue="gold-else-all">
              <option value="gold-else-all">Gold where settled, else every reviewer</option>
              <option value="gold">Gold layer only</option>
              <option value="all">Every reviewer, each as a layer</option>
              {choices.reviewers.map((r) => (
                <option key={r.username} value={`reviewer:${r.username}`}>
                  Only {r.displayName} ({r.username})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <span className="field-label" id="kinds-label">
              Kinds
            </span>
            <div className="inline-options" role="group" aria-labelledby="kinds-label">
              {ANNOTATION_KINDS.map((k) => (
                <label key={k}>
                  <input type="checkbox" name="kinds" value={k} defaultChecked /> {KIND_LABELS[k]}
                </label>
              ))}
            </div>
          </div>
        </fieldset>
        <fieldset className="stack">
          <legend>Which documents</legend>
          <div className="metadata-grid">
            <div className="field">
              <label htmlFor="export-story">Story</label>
              <select id="export-story" name="story" defaultValue="">
                <option value="">All stories</option>
                {choices.stories.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.documents})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="export-outlet">Outlet</label>
              <select id="export-outlet" name="outlet" defaultValue="">
                <option value="">All outlets</option>
                {choices.outlets.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.documents})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="field">
            <label htmlFor="export-documents">Only these document ids (optional)</label>
            <input id="export-documents" name="documents" inputMode="numeric" placeholder="e.g. 12, 15, 31" aria-describedby="documents-hint" />
            <p className="hint" id="documents-hint">
              Comma-separated; leave empty for every document in the story and outlet chosen.
            </p>
          </div>
          <label className="inline-options">
            <input type="checkbox" name="goldOnly" value="1" /> Only documents whose gold layer is settled
          </label>
        </fieldset>
        <fieldset>
          <legend>Article text</legend>
          <div className="inline-options">
            <label>
              <input type="radio" name="text" value="1" defaultChecked disabled={textFixed} /> Include the text
            </label>
            <label>
              <input type="radio" name="text" value="0" disabled={textFixed} /> Leave it out
            </label>
          </div>
          {textFixed ? <p className="hint">{FORMAT_DESCRIPTIONS[format].label} always carries the text: its readers place spans in it.</p> : null}
        </fieldset>
      </div>
      <SummaryCard summary={summary} format={format} />
    </form>
  );
}
