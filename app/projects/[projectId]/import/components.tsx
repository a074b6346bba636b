"use client";
import Link from "next/link";
import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, SubmitButton } from "@/app/components";
import { pasteTextAction, type ImportFormState } from "./actions";
import { BatchUpload } from "./batch-upload";

interface Props {
  projectId: number;
  outlets: string[];
  stories: string[];
}

function Result({ state, projectId }: { state: ImportFormState; projectId: number }): ReactNode {
  return (
    <>
      <FormMessage message={state.message} ok={state.ok} />
      {state.problems?.length ? (
        <ul className="problems" aria-label="Import problems">
          {state.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
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

function MetadataFields({ prefix, state, withTitle }: { prefix: string; state: ImportFormState; withTitle: boolean }): ReactNode {
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.errors ?? {};
  return (
    <div className="metadata-grid">
      {withTitle ? <Field label="Title" name="title" defaultValue={v.title} error={e.title} hint="Leave empty to use the first line." /> : null}
      <Field label="Outlet" name="outlet" list={`${prefix}-outlets`} defaultValue={v.outlet} error={e.outlet} hint="Pick one or type a new name." />
      <Field label="Story" name="story" list={`${prefix}-stories`} defaultValue={v.story} error={e.story} hint="Documents about the same event." />
      <Field label="Author" name="author" defaultValue={v.author} error={e.author} />
      <Field label="Publication date" name="publishedAt" type="date" defaultValue={v.publishedAt} error={e.publishedAt} />
      <Field label="URL" name="url" type="url" defaultValue={v.url} error={e.url} />
    </div>
  );
}

function Datalists({ prefix, outlets, stories }: { prefix: string; outlets: string[]; stories: string[] }): ReactNode {
  return (
    <>
      <datalist id={`${prefix}-outlets`}>
        {outlets.map((o) => (
          <option key={o} value={o} />
        ))}
      </datalist>
      <datalist id={`${prefix}-stories`}>
        {stories.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
    </>
  );
}

export function ImportForms({ projectId, outlets, stories }: Props): ReactNode {
  const [pasteState, pasteAction] = useActionState(pasteTextAction, {});
  return (
    <div className="stack">
      <BatchUpload projectId={projectId} outlets={outlets} stories={stories} />
      <form action={pasteAction} className="card stack" aria-labelledby="paste-heading" key={`p-${pasteState.imported?.[0]?.id ?? "form"}`}>
        <h2 id="paste-heading">Paste text</h2>
        <Result state={pasteState} projectId={projectId} />
        <input type="hidden" name="projectId" value={projectId} />
        <div className="field">
          <label htmlFor="paste-text">Article text</label>
          <textarea id="paste-text" name="text" rows={10} required defaultValue={pasteState.ok ? "" : pasteState.values?.text} />
        </div>
        <MetadataFields prefix="paste" state={pasteState} withTitle />
        <Datalists prefix="paste" outlets={outlets} stories={stories} />
        <SubmitButton pendingText="Importing…">Import text</SubmitButton>
      </form>
    </div>
  );
}
