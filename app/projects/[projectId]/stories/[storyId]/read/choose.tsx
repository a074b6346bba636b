// Choosing the documents to read side by side: a plain GET form (two or three columns), which
// keeps the layer that was chosen.
import type { ReactNode } from "react";

export interface Choice {
  id: number;
  title: string;
  outletName: string | null;
  publishedAt: string | null;
}

const optionText = (d: Choice): string => `${d.title} — ${d.outletName ?? "No outlet"}${d.publishedAt ? `, ${d.publishedAt}` : ""}`;

export function ChooseDocuments({
  action,
  documents,
  chosen,
  layer,
}: {
  action: string;
  documents: Choice[];
  chosen: number[];
  layer: string | null;
}): ReactNode {
  const columns = ["First column", "Second column", "Third column (optional)"];
  return (
    <form method="get" action={action} className="filters choose-form" aria-label="Documents to read side by side">
      {layer === null ? null : <input type="hidden" name="layer" value={layer} />}
      {columns.map((label, i) => (
        <label key={label}>
          {label}
          <select name="docs" defaultValue={chosen[i] === undefined ? "" : String(chosen[i])}>
            {i === 2 ? <option value="">None</option> : null}
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {optionText(d)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className="button">
        Read
      </button>
    </form>
  );
}

/** `docs=1,2,3` or `docs=1&docs=2` (what the form sends): ids in order, without repeats. */
export function parseDocs(raw: string | string[] | undefined): { ids: number[]; bad: string[] } {
  const parts = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const ids: number[] = [];
  const bad: string[] = [];
  for (const part of parts) {
    const id = /^[1-9][0-9]{0,15}$/.test(part) ? Number(part) : NaN;
    if (!Number.isSafeInteger(id)) bad.push(part);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, bad };
}
