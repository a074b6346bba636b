"use client";
// Upload several files with their own metadata. Choosing files shows one row per file, read
// and pre-filled on the server before anything is saved; "Import N documents" then sends the
// same files with the rows as edited. All or nothing: when any row is refused, nothing is
// written, the problem shows beside its row and every typed value stays.
import Link from "next/link";
import { useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { FormMessage } from "@/app/components";
import type { MetadataField } from "@/lib/validation/documents";
import { importBatchAction, inspectFilesAction, type BatchState } from "./batch-actions";
import { BatchRow, type RowState } from "./batch-row";

interface Props {
  projectId: number;
  outlets: string[];
  stories: string[];
}

let counter = 0;

function previewSummary(rows: RowState[]): string {
  if (rows.length === 0) return "";
  const refused = rows.filter((r) => r.problem !== null).length;
  const files = `${rows.length} file${rows.length === 1 ? "" : "s"} ready to check`;
  return refused === 0 ? `${files}. Nothing is saved until you import.` : `${files}; ${refused} cannot be imported as they are (see the marked rows).`;
}

function Outcome({ state, projectId }: { state: BatchState; projectId: number }): ReactNode {
  return (
    <>
      <FormMessage message={state.message} ok={state.ok} />
      {state.problems?.length ? (
        <ul className="problems" aria-label="Import problems">
          {state.problems.map((p, i) => (
            <li key={i}>{p}</li>
          ))}
        </ul>
      ) : null}
      {state.imported?.length ? (
        <ul className="imported" aria-label="Imported documents">
          {state.imported.map((d) => (
            <li key={d.id}>
              <Link href={`/projects/${projectId}/documents/${d.id}`}>{d.title}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Outlet and story typed once for every row; an empty box leaves the rows as they are. */
function SameForAll({ onApply, disabled }: { onApply: (values: { outlet: string; story: string }) => void; disabled: boolean }): ReactNode {
  const [outlet, setOutlet] = useState("");
  const [story, setStory] = useState("");
  return (
    <fieldset className="stack" aria-describedby="batch-same-hint">
      <legend>Same for every file</legend>
      <div className="metadata-grid">
        <div className="field">
          <label htmlFor="batch-same-outlet">Outlet for every file</label>
          <input id="batch-same-outlet" list="batch-outlets" value={outlet} onChange={(e) => setOutlet(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="batch-same-story">Story for every file</label>
          <input id="batch-same-story" list="batch-stories" value={story} onChange={(e) => setStory(e.target.value)} />
        </div>
      </div>
      <p className="hint" id="batch-same-hint">
        Fills these fields in every row below; a box left empty changes nothing.
      </p>
      <div>
        <button type="button" className="button" disabled={disabled} onClick={() => onApply({ outlet: outlet.trim(), story: story.trim() })}>
          Apply to all rows
        </button>
      </div>
    </fieldset>
  );
}

export function BatchUpload({ projectId, outlets, stories }: Props): ReactNode {
  const [rows, setRows] = useState<RowState[]>([]);
  const [state, setState] = useState<BatchState>({});
  const [pending, startTransition] = useTransition();
  const [phase, setPhase] = useState<"reading" | "importing">("reading");
  const fileInput = useRef<HTMLInputElement>(null);

  function choose(files: File[]): void {
    setState({});
    if (files.length === 0) return setRows([]);
    const formData = new FormData();
    formData.set("projectId", String(projectId));
    files.forEach((file) => formData.append("files", file));
    setPhase("reading");
    startTransition(async () => {
      const result = await inspectFilesAction(formData);
      if (result.files === undefined) return setState({ message: result.message });
      setRows(
        result.files.map((f, i) => ({ key: String(++counter), file: files[i]!, values: f.values, wordCount: f.wordCount, problem: f.problem, errors: {} })),
      );
    });
  }

  function change(index: number, field: MetadataField, value: string): void {
    setRows((current) =>
      current.map((row, i) => (i === index ? { ...row, values: { ...row.values, [field]: value }, errors: { ...row.errors, [field]: "" } } : row)),
    );
  }

  function applyToAll(values: { outlet: string; story: string }): void {
    rows.forEach((_, i) => {
      if (values.outlet !== "") change(i, "outlet", values.outlet);
      if (values.story !== "") change(i, "story", values.story);
    });
  }

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const formData = new FormData();
    formData.set("projectId", String(projectId));
    rows.forEach((row) => formData.append("files", row.file));
    formData.set("rows", JSON.stringify(rows.map((row) => row.values)));
    setPhase("importing");
    startTransition(async () => {
      const result = await importBatchAction(formData);
      setState(result);
      if (result.ok) {
        setRows([]);
        if (fileInput.current) fileInput.current.value = "";
        return;
      }
      // Problems go beside their rows; rows without one are cleared of any earlier problem.
      setRows((current) => current.map((row, i) => ({ ...row, problem: result.rowProblems?.[i] ?? null, errors: result.rowErrors?.[i] ?? {} })));
    });
  }

  const storyNames = [...new Set([...stories, ...rows.map((r) => r.values.story.trim()).filter(Boolean)])];
  return (
    <form onSubmit={submit} noValidate className="card stack" aria-labelledby="upload-heading" aria-busy={pending}>
      <h2 id="upload-heading">Upload files</h2>
      <Outcome state={state} projectId={projectId} />
      <div className="field">
        <label htmlFor="files">Files</label>
        <input
          ref={fileInput}
          id="files"
          type="file"
          multiple
          accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
          aria-describedby="files-hint"
          onChange={(event) => choose(Array.from(event.target.files ?? []))}
        />
        <p className="hint" id="files-hint">
          Each file gets its own row, filled in from the file where it says (page title, outlet, author, date, address). Check and edit the rows; nothing is
          saved until you import.
        </p>
      </div>
      <p role="status" className="hint">
        {pending && phase === "reading" ? "Reading the files…" : previewSummary(rows)}
      </p>
      {rows.length > 0 ? <SameForAll disabled={pending} onApply={applyToAll} /> : null}
      {rows.map((row, index) => (
        <BatchRow
          key={row.key}
          row={row}
          index={index}
          onChange={(field, value) => change(index, field, value)}
          onRemove={() => setRows((current) => current.filter((r) => r.key !== row.key))}
        />
      ))}
      <datalist id="batch-outlets">
        {outlets.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id="batch-stories">
        {storyNames.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      {rows.length > 0 ? (
        <div>
          <button type="submit" className="button primary" disabled={pending}>
            {pending && phase === "importing" ? "Importing…" : `Import ${rows.length} document${rows.length === 1 ? "" : "s"}`}
          </button>
        </div>
      ) : null}
    </form>
  );
}
