"use client";
// The speaker picker's near-match parts: which alias a typed name matched, and the existing
// sources offered before a new one is made.
import type { ReactNode } from "react";
import { matchSource } from "@/lib/sources/near-match";
import type { SourceDto } from "./api-client";

/** " · also “Khanjar”" when the typed name matched an alias rather than the name itself. */
export function aliasNote(typed: string, source: SourceDto): string {
  const match = typed === "" ? null : matchSource(typed, source);
  return match !== null && match.via !== source.name ? ` · also “${match.via}”` : "";
}

/** The sources a new speaker may already be; the first is focused, so Enter links it instead. */
export function NearSources({ near, onPick }: { near: SourceDto[]; onPick: (source: SourceDto) => void }): ReactNode {
  if (near.length === 0) return null;
  return (
    <div className="near-sources stack">
      <p className="hint">Already in the registry? Link the existing speaker instead of making a duplicate:</p>
      <div className="row-actions">
        {near.map((s, i) => (
          <button key={s.id} type="button" className="button small" autoFocus={i === 0} onClick={() => onPick(s)}>
            Use {s.name}
            {s.affiliation ? ` (${s.affiliation})` : ""}
          </button>
        ))}
      </div>
    </div>
  );
}
