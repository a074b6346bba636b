"use client";
// The registry's history, newest first; a curator undoes a merge from here.
import { useRouter } from "next/navigation";
import { FormMessage } from "@/app/components";
import { useMemo, useState, type ReactNode } from "react";
import type { SourceHistoryEntry } from "@/lib/validation/sources";
import { sourcesApi } from "../documents/[documentId]/api-client";

interface Props {
  projectId: number;
  entries: SourceHistoryEntry[];
  curates: boolean;
}

export function RegistryHistory({ projectId, entries, curates }: Props): ReactNode {
  const api = useMemo(() => sourcesApi(projectId), [projectId]);
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function undo(mergeId: number): Promise<void> {
    setBusy(true);
    const result = await api.undoMerge(mergeId);
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.error });
    const { restored, movedBack, left } = result.data;
    const leftText = left > 0 ? ` ${left} re-pointed since the merge stayed where they are.` : "";
    setMessage({ ok: true, text: `Restored “${restored.name}”; ${movedBack} moved back.${leftText}` });
    router.refresh();
  }

  return (
    <section className="card registry-history stack" aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <FormMessage message={message?.text} ok={message?.ok} />
      {entries.length === 0 ? <p className="meta">No changes yet.</p> : null}
      <ol className="history-list" aria-label="Registry history">
        {entries.map((e) => (
          <li key={e.id}>
            <span>{e.summary}</span>{" "}
            <span className="meta">
              {e.actorName ?? "system"} · <time dateTime={e.at}>{new Date(e.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</time>
            </span>
            {curates && e.undoable ? (
              <button type="button" className="button small" disabled={busy} onClick={() => void undo(e.id)}>
                Undo merge
              </button>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
