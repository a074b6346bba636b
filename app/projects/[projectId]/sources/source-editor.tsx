"use client";
// A curator's editor for one source: name, kind and affiliation saved together; aliases added
// and removed one at a time (each its own request, so two curators' aliases never overwrite
// each other). A refusal keeps what was typed and says why.
import { useRouter } from "next/navigation";
import { FormMessage } from "@/app/components";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import { SOURCE_KINDS } from "@/lib/validation/annotations";
import type { SourceRow, UpdateSourceInput } from "@/lib/validation/sources";
import { sourcesApi } from "../documents/[documentId]/api-client";
import { kindLabel } from "./labels";

interface Props {
  projectId: number;
  source: SourceRow;
  onClose: () => void;
}

type Message = { ok: boolean; text: string } | null;

export function SourceEditor({ projectId, source, onClose }: Props): ReactNode {
  const api = useMemo(() => sourcesApi(projectId), [projectId]);
  const router = useRouter();
  const [fields, setFields] = useState({ name: source.name, kind: source.kind as string, affiliation: source.affiliation ?? "" });
  const [alias, setAlias] = useState("");
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function send(input: UpdateSourceInput, done: string): Promise<boolean> {
    setBusy(true);
    const result = await api.update(source.id, input);
    setBusy(false);
    if (!result.ok) {
      setMessage({ ok: false, text: result.error });
      return false;
    }
    const warnings = result.data.warnings;
    setMessage({ ok: warnings.length === 0, text: [done, ...warnings].join(" ") });
    router.refresh();
    return true;
  }

  function save(event: FormEvent): void {
    event.preventDefault();
    void send({ name: fields.name, kind: fields.kind as UpdateSourceInput["kind"], affiliation: fields.affiliation }, "Saved.");
  }

  function addAlias(event: FormEvent): void {
    event.preventDefault();
    const value = alias.trim();
    if (value === "") return setMessage({ ok: false, text: "Type the alias first." });
    void send({ addAliases: [value] }, `Added the alias “${value}”.`).then((ok) => {
      if (ok) setAlias("");
    });
  }

  return (
    <section className="card source-editor stack" aria-labelledby="source-editor-title">
      <div className="editor-head">
        <h2 id="source-editor-title">Edit “{source.name}”</h2>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      <form className="editor-fields" onSubmit={save} aria-label="Name, kind and affiliation">
        <div className="field">
          <label htmlFor="source-name">Name</label>
          <input id="source-name" autoFocus required value={fields.name} onChange={(e) => setFields({ ...fields, name: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="source-kind">Kind</label>
          <select id="source-kind" value={fields.kind} onChange={(e) => setFields({ ...fields, kind: e.target.value })}>
            {SOURCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="source-affiliation">Affiliation</label>
          <input id="source-affiliation" value={fields.affiliation} onChange={(e) => setFields({ ...fields, affiliation: e.target.value })} />
        </div>
        <button type="submit" className="button primary" disabled={busy}>
          Save
        </button>
      </form>
      <div className="stack">
        <h3 className="aliases-title">Aliases</h3>
        {source.aliases.length === 0 ? <p className="meta">No aliases yet.</p> : null}
        <ul className="chips" aria-label={`Aliases of ${source.name}`}>
          {source.aliases.map((a) => (
            <li key={a}>
              {a}
              <button
                type="button"
                aria-label={`Remove the alias ${a}`}
                disabled={busy}
                onClick={() => void send({ removeAliases: [a] }, `Removed the alias “${a}”.`)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="inline add-alias" onSubmit={addAlias}>
          <label htmlFor="source-new-alias">New alias</label>
          <input id="source-new-alias" value={alias} onChange={(e) => setAlias(e.target.value)} />
          <button type="submit" className="button small" disabled={busy}>
            Add alias
          </button>
        </form>
      </div>
      <FormMessage message={message?.text} ok={message?.ok} />
    </section>
  );
}
