"use client";
// The registry's table: filter by name or alias (the same matching as the speaker picker),
// sort by any column, and for curators an editor and the merge form. Every change is saved
// through the sources API and the page is refreshed from the server, so counts and history
// always show what is stored.
import { useMemo, useState, type ReactNode } from "react";
import { TableRegion } from "@/app/table-region";
import { foldName, rankSources } from "@/lib/sources/near-match";
import type { SourceRow } from "@/lib/validation/sources";
import { kindLabel } from "./labels";
import { MergeForm } from "./merge-form";
import { SourceEditor } from "./source-editor";

type SortKey = "name" | "kind" | "quotes" | "documents" | "outlets";
const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Name", numeric: false },
  { key: "kind", label: "Kind", numeric: false },
  { key: "quotes", label: "Quotes", numeric: true },
  { key: "documents", label: "Documents", numeric: true },
  { key: "outlets", label: "Outlets", numeric: true },
];

function sorted(rows: SourceRow[], key: SortKey): SourceRow[] {
  const byName = (a: SourceRow, b: SourceRow): number => foldName(a.name).localeCompare(foldName(b.name)) || a.id - b.id;
  if (key === "name") return [...rows].sort(byName);
  if (key === "kind") return [...rows].sort((a, b) => a.kind.localeCompare(b.kind) || byName(a, b));
  // Counts read most-quoted first.
  return [...rows].sort((a, b) => b[key] - a[key] || byName(a, b));
}

const plural = (n: number): string => `${n} ${n === 1 ? "source" : "sources"}`;

interface Props {
  projectId: number;
  sources: SourceRow[];
  curates: boolean;
}

export function SourcesRegistry({ projectId, sources, curates }: Props): ReactNode {
  const [filter, setFilter] = useState("");
  const [sortKey, setSortKey] = useState<SortKey>("name");
  const [editing, setEditing] = useState<number | null>(null);
  const shown = useMemo(() => {
    const matched = filter.trim() === "" ? sources : rankSources(filter, sources);
    return sorted(matched, sortKey);
  }, [filter, sortKey, sources]);
  const edited = sources.find((s) => s.id === editing) ?? null;

  return (
    <>
      <div className="filters sources-filters">
        <div className="field">
          <label htmlFor="sources-filter">Find a source</label>
          <input id="sources-filter" type="search" value={filter} placeholder="Name or alias" onChange={(e) => setFilter(e.target.value)} />
        </div>
        <p className="meta" role="status">
          {shown.length === sources.length ? plural(sources.length) : `${shown.length} of ${plural(sources.length)}`}
        </p>
      </div>
      {edited !== null ? <SourceEditor key={edited.id} projectId={projectId} source={edited} onClose={() => setEditing(null)} /> : null}
      {sources.length === 0 ? (
        <p className="empty">No sources yet. They are added while tagging quotes in a document.</p>
      ) : (
        <TableRegion label="Sources table">
          <table className="table sources-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th
                    key={c.key}
                    className={c.numeric ? "num" : undefined}
                    aria-sort={sortKey === c.key ? (c.numeric ? "descending" : "ascending") : undefined}
                  >
                    <button type="button" className="sort-button" onClick={() => setSortKey(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{sortKey === c.key ? (c.numeric ? " ↓" : " ↑") : ""}</span>
                    </button>
                  </th>
                ))}
                <th>Affiliation</th>
                <th>Aliases</th>
                {curates ? <th>Edit</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((s) => (
                <tr key={s.id} data-source-id={s.id}>
                  <th scope="row" className="source-name">
                    {s.name}
                  </th>
                  <td>{kindLabel(s.kind)}</td>
                  <td className="num">{s.quotes}</td>
                  <td className="num">{s.documents}</td>
                  <td className="num">{s.outlets}</td>
                  <td>{s.affiliation ?? ""}</td>
                  <td className="aliases">{s.aliases.join(", ")}</td>
                  {curates ? (
                    <td>
                      <button type="button" className="button small" aria-label={`Edit ${s.name}`} onClick={() => setEditing(s.id)}>
                        Edit
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {curates ? <MergeForm projectId={projectId} sources={sources} /> : null}
    </>
  );
}
