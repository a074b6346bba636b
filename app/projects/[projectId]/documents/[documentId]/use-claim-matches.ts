"use client";
// The active span's claim link and suggested matches, fetched when the active span (or its
// text) changes; linking and unlinking refetch both. Answers for a span that is no longer
// active are dropped, so a fast `j j j` never shows one span's matches under another.
import { useCallback, useEffect, useRef, useState } from "react";
import type { LinksApi, MatchesDto } from "./links-api";

export interface ClaimMatches {
  /** The span shown, or null when none is active or it is not saved yet. */
  spanId: number | null;
  data: MatchesDto | null;
  error: string | null;
  busy: boolean;
  link: (otherId: number) => Promise<void>;
  unlink: (spanId: number) => Promise<void>;
  /** Links the first suggestion; false when there is none. */
  linkTop: () => boolean;
}

const FETCH_DELAY_MS = 120;

export function useClaimMatches(api: LinksApi, spanId: number | null, exact: string, enabled: boolean, announce: (text: string) => void): ClaimMatches {
  const [data, setData] = useState<MatchesDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The span whose answers are wanted now; set in the effect, read by answers arriving later.
  const current = useRef<number | null>(null);

  const load = useCallback(
    async (id: number) => {
      const result = await api.matches(id);
      if (current.current !== id) return;
      if (result.ok) {
        setData(result.data);
        setError(null);
      } else {
        setData(null);
        setError(result.error);
      }
    },
    [api],
  );

  // A new span (or new text) clears the old answer while rendering, not in an effect, so the
  // panel never paints one frame of the previous span's matches.
  const wanted = `${enabled}:${spanId}:${exact}`;
  const [shownFor, setShownFor] = useState(wanted);
  if (shownFor !== wanted) {
    setShownFor(wanted);
    setData(null);
    setError(null);
  }

  useEffect(() => {
    current.current = enabled ? spanId : null;
    if (!enabled || spanId === null) return;
    const timer = setTimeout(() => void load(spanId), FETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, spanId, exact, load]);

  const link = useCallback(
    async (otherId: number) => {
      const id = current.current;
      if (id === null) return;
      setBusy(true);
      const result = await api.link(id, otherId);
      setBusy(false);
      if (!result.ok) return setError(result.error);
      const other = result.data.spans.find((s) => s.annotationId === otherId);
      announce(`Linked as the same claim${other ? ` in ${other.outletName ?? other.documentTitle}` : ""}.`);
      if (current.current === id) await load(id);
    },
    [api, announce, load],
  );

  const unlink = useCallback(
    async (otherId: number) => {
      const id = current.current;
      if (id === null) return;
      setBusy(true);
      const result = await api.unlink(otherId);
      setBusy(false);
      if (!result.ok) return setError(result.error);
      announce("Unlinked.");
      if (current.current === id) await load(id);
    },
    [api, announce, load],
  );

  const linkTop = useCallback((): boolean => {
    const top = data?.suggestions[0];
    if (top === undefined || busy) return false;
    void link(top.annotationId);
    return true;
  }, [data, busy, link]);

  return { spanId: enabled ? spanId : null, data, error, busy, link, unlink, linkTop };
}
