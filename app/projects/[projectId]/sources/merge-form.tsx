"use client";
// Merging two sources: pick the duplicate and the source to keep, see what will follow, merge.
// No confirmation box: the merge is undone from the history in one click.
import { useRouter } from "next/navigation";
import { FormMessage } from "@/app/components";
import { useMemo, useState, type FormEvent, type ReactNode } from "react";
import type { SourceRow } from "@/lib/validation/sources";
import { sourcesApi } from "../documents/[documentId]/api-client";

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? "" : "s"}`;

function SourceSelect({
  id,
  label,
  value,
  sources,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  sources: SourceRow[];
  onChange: (v: string) => void;
}): ReactNode {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a source…</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
            {s.affiliation ? ` (${s.affiliation})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}

export function MergeForm({ projectId, sources }: { projectId: number; sources: SourceRow[] }): ReactNode {
  const api = useMemo(() => sourcesApi(projectId), [projectId]);
  const router = useRouter();
  const [from, setFrom] = useState("");
  const [into, setInto] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const away = sources.find((s) => String(s.id) === from);
  const kept = sources.find((s) => String(s.id) === into);

  async function merge(event: FormEvent): Promise<void> {
    event.preventDefault();
    if (away === undefined || kept === undefined) return setMessage({ ok: false, text: "Choose the source to merge away and the source to keep." });
    setBusy(true);
    const result = await api.merge(away.id, kept.id);
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error });
    setMessage({ ok: true, text: `Merged “${away.name}” into “${kept.name}”: ${plural(result.data.moved, "span")} moved. Undo it from the history below.` });
    setFrom("");
    setInto("");
    router.refresh();
  }

  return (
    <section className="card merge-sources stack" aria-labelledby="merge-title">
      <h2 id="merge-title">Merge two sources</h2>
      <p className="meta">
        Every quote naming the duplicate, and every claim or opinion targeting it, moves to the source you keep; the duplicate&apos;s name and aliases become
        aliases of the kept source.
      </p>
      <form className="merge-fields" onSubmit={(e) => void merge(e)}>
        <SourceSelect id="merge-from" label="Duplicate to merge away" value={from} sources={sources} onChange={setFrom} />
        <SourceSelect id="merge-into" label="Source to keep" value={into} sources={sources} onChange={setInto} />
        <button type="submit" className="button primary" disabled={busy}>
          Merge
        </button>
      </form>
      {away !== undefined && kept !== undefined && away.id !== kept.id ? (
        <p className="meta" aria-live="polite">
          {plural(away.quotes, "quote")} in {plural(away.documents, "document")} will follow to “{kept.name}”, which will also be known as “{away.name}”.
        </p>
      ) : null}
      <FormMessage message={message?.text} ok={message?.ok} />
    </section>
  );
}
