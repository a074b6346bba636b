"use client";
// "Import annotations": pick a file, check it (a dry run that reports what would happen), then
// import it. The form is submitted by hand rather than through `action`, because React resets
// a form after its action runs, and the person would have to pick the file again after Check.
import { useActionState, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
import { importAnnotationsAction, type AnnotationImportState } from "./actions";

interface Props {
  projectId: number;
  members: { username: string; displayName: string }[];
  maxBytes: number;
}

function Report({ state }: { state: AnnotationImportState }): ReactNode {
  if (!state.message) return null;
  return (
    <div className="stack" aria-live="polite">
      <p role={state.ok ? "status" : "alert"} className={state.ok ? "notice success" : "notice error"}>
        {state.message}
      </p>
      {state.lines?.length ? (
        <ul aria-label="What the import does">
          {state.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
      {state.refused?.length ? (
        <ul className="problems" aria-label="Refused">
          {state.refused.map((r, i) => (
            <li key={i}>
              <strong>{r.ref}</strong>: {r.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function LayerField({ members }: { members: Props["members"] }): ReactNode {
  return (
    <div className="field">
      <label htmlFor="annotation-layer">Layer</label>
      <select id="annotation-layer" name="layer" defaultValue="as-exported" aria-describedby="annotation-layer-hint">
        <option value="as-exported">As exported (each span keeps its layer and author)</option>
        <option value="gold">Gold layer (written by you)</option>
        {members.map((m) => (
          <option key={m.username} value={`reviewer:${m.username}`}>
            {m.displayName}’s layer ({m.username})
          </option>
        ))}
      </select>
      <p className="hint" id="annotation-layer-hint">
        As exported, authors must be members of this project. JSONL also restores statuses, decisions and ratings.
      </p>
    </div>
  );
}

export function AnnotationImportForm({ projectId, members, maxBytes }: Props): ReactNode {
  const [state, action] = useActionState(importAnnotationsAction, {});
  const [pending, startTransition] = useTransition();
  const [sizeError, setSizeError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    // Checked here too, so an oversized file is never uploaded at all.
    const big = Array.from(fileInput.current?.files ?? []).find((f) => f.size > maxBytes);
    setSizeError(big === undefined ? null : `${big.name} is ${(big.size / 1024 / 1024).toFixed(1)} MB: the limit is ${maxBytes / 1024 / 1024} MB.`);
    if (big !== undefined) return;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => action(formData));
  }

  return (
    <form onSubmit={submit} className="card stack" style={{ marginTop: "1.5rem" }} aria-labelledby="annotations-heading" aria-busy={pending}>
      <h2 id="annotations-heading">Import annotations</h2>
      <p className="hint">
        A JSONL export (documents are matched by their text or created), or a W3C Web Annotation JSON or brat zip whose documents are already in this project.
        Check first: it reports what would happen and writes nothing. A batch is all or nothing, and importing the same file twice changes nothing.
      </p>
      {sizeError ? (
        <p role="alert" className="notice error">
          {sizeError}
        </p>
      ) : (
        <Report state={state} />
      )}
      <input type="hidden" name="projectId" value={projectId} />
      <div className="field">
        <label htmlFor="annotation-files">File</label>
        <input
          ref={fileInput}
          id="annotation-files"
          name="annotationFiles"
          type="file"
          multiple
          required
          accept=".jsonl,.ndjson,.json,.jsonld,.zip,.ann,.txt"
          aria-describedby="annotation-files-hint"
          onChange={() => setSizeError(null)}
        />
        <p className="hint" id="annotation-files-hint">
          .jsonl, .json (W3C), or a brat .zip (or its .ann and .txt files), up to {maxBytes / 1024 / 1024} MB.
        </p>
      </div>
      <div className="field">
        <label htmlFor="annotation-format">Format</label>
        <select id="annotation-format" name="format" defaultValue="auto">
          <option value="auto">Tell from the file name</option>
          <option value="jsonl">JSONL (Provenance Desk)</option>
          <option value="w3c">W3C Web Annotation (JSON-LD)</option>
          <option value="brat">brat standoff</option>
        </select>
      </div>
      <LayerField members={members} />
      <div style={{ display: "flex", flexWrap: "wrap", gap: "0.6rem", alignItems: "center" }}>
        <button type="submit" name="intent" value="check" className="button primary" disabled={pending}>
          {pending ? "Working…" : "Check"}
        </button>
        <button type="submit" name="intent" value="import" className="button" disabled={pending} aria-describedby="import-hint">
          Import
        </button>
        <p className="hint" id="import-hint">
          {state.checked ? "The check passed: Import now writes what it reported." : "Import runs the same checks and writes only if all pass."}
        </p>
      </div>
    </form>
  );
}
