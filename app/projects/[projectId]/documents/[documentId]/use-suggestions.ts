"use client";
// The suggestion layer of the workspace: the open suggestions (fetched once, only when the
// project has them on and the reviewer's layer is open), the active one, and the keys that
// settle them: Tab goes to the next (after the last, Tab leaves the text as usual, so it never
// traps focus), `a` accepts the active one as the reviewer's attributed quote, `r` rejects it.
// A suggestion overlapping one of the reviewer's spans is not offered, as on the server.
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import type { AnnotationDto, SourceDto } from "@/lib/validation/annotations";
import type { SpanIndex } from "@/lib/spans";
import { confidenceLabel, type SuggestionDto } from "@/lib/validation/suggestions";
import { shortcutFor } from "@/lib/workspace/shortcuts";
import type { ApiResult } from "./api-client";
import type { ParagraphBox } from "./dom-offsets";
import { useSuggestionPaint } from "./suggestion-paint";
import { suggestionsApi, type AcceptedDto } from "./suggestions-api";

export interface SuggestionDeps {
  projectId: number;
  documentId: number;
  /** The project has suggestions on and the reviewer's layer is open. */
  enabled: boolean;
  /** The spans as drawn now; the reviewer's own (`meId`) hide the suggestions they overlap. */
  spans: SpanIndex<{ id: number; start: number; end: number; kind: string; annotatorId: number }>;
  meId: number;
  paragraphsRef: RefObject<ParagraphBox[]>;
  announce: (text: string) => void;
  /** Called as a suggestion becomes active: release the active span, so the keys act on one thing. */
  release: () => void;
  onAccepted: (annotation: AnnotationDto, source: SourceDto | null) => void;
}

export interface SuggestionLayer {
  enabled: boolean;
  loading: boolean;
  items: SuggestionDto[];
  activeKey: string | null;
  message: { tone: "info" | "error"; text: string } | null;
  activate: (key: string) => void;
  accept: (key: string) => void;
  reject: (key: string) => void;
  acceptAll: (minConfidence: number) => void;
  /** Handles Tab, a and r; true when it did (the event's default is then prevented). */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => boolean;
}

export const TYPE_LABELS: Record<SuggestionDto["type"], string> = { direct: "Direct quote", indirect: "Indirect quote", mixed: "Mixed quote" };
// Refusals after which the suggestion is gone for good (decided elsewhere, no longer in the text, under a span).
const FINAL = new Set(["decided", "stale", "overlap"]);

function describe(s: SuggestionDto): string {
  const quote = s.exact.length > 80 ? `${s.exact.slice(0, 80)}…` : s.exact;
  const speaker = s.speakerName === null ? "no speaker found" : `speaker ${s.speakerName}`;
  return `${TYPE_LABELS[s.type]}, ${confidenceLabel(s.confidence)}: “${quote}”, ${speaker}. Press a to accept, r to reject, Tab for the next.`;
}

function acceptedText(a: AcceptedDto): string {
  if (a.source === null) return "Accepted as your attributed quote (no speaker found: name one in the panel).";
  return `Accepted as your attributed quote by ${a.source.name}${a.newSource ? " (added to the sources)" : ""}.`;
}

export function useSuggestions(d: SuggestionDeps): SuggestionLayer {
  const api = useMemo(() => suggestionsApi(d.projectId, d.documentId), [d.projectId, d.documentId]);
  const [all, setAll] = useState<SuggestionDto[]>([]);
  const [loading, setLoading] = useState(d.enabled);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [message, setMessage] = useState<SuggestionLayer["message"]>(null);
  // Where Tab continues from once the active suggestion has been settled.
  const lastStart = useRef(-1);
  const { enabled, announce, release, onAccepted, spans, meId, paragraphsRef } = d;

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void api.list().then((r) => {
      if (!live) return;
      setLoading(false);
      if (r.ok) setAll(r.data.suggestions);
      else if (r.code !== "disabled") setMessage({ tone: "error", text: `Suggestions could not be loaded: ${r.error}` });
    });
    return () => {
      live = false;
    };
  }, [api, enabled]);

  // Asked of the span index per suggestion: a change to one span neither scans nor sorts every span.
  const offered = useMemo(
    () => (enabled ? all.filter((s) => !pending.has(s.key) && !spans.someOverlapping(s.start, s.end, (span) => span.annotatorId === meId)) : []),
    [all, pending, spans, meId, enabled],
  );
  const items = useUnchanged(offered);
  const active = items.find((s) => s.key === activeKey) ?? null;
  useSuggestionPaint(enabled, paragraphsRef, items, active);

  const activate = useCallback(
    (key: string) => {
      const s = items.find((x) => x.key === key);
      if (s === undefined) return;
      release();
      setActiveKey(key);
      lastStart.current = s.start;
      announce(`Suggestion ${items.indexOf(s) + 1} of ${items.length}. ${describe(s)}`);
      paragraphsRef.current.find((p) => p.start <= s.start && s.start < p.end)?.element.scrollIntoView({ block: "center" });
    },
    [items, release, announce, paragraphsRef],
  );

  const settle = useCallback(
    async (key: string, decide: (key: string) => Promise<ApiResult<unknown>>, done: (data: unknown) => string) => {
      const s = all.find((x) => x.key === key);
      if (s === undefined || pending.has(key)) return;
      lastStart.current = s.start;
      setActiveKey((k) => (k === key ? null : k));
      setPending((p) => new Set(p).add(key));
      const r = await decide(key);
      if (r.ok || FINAL.has(r.code ?? "")) setAll((list) => list.filter((x) => x.key !== key));
      setPending((p) => new Set([...p].filter((k) => k !== key)));
      const text = r.ok ? done(r.data) : r.error;
      setMessage({ tone: r.ok ? "info" : "error", text });
      announce(text);
    },
    [all, pending, announce],
  );

  const accept = useCallback(
    (key: string) =>
      void settle(key, api.accept, (data) => {
        const accepted = data as AcceptedDto;
        onAccepted(accepted.annotation, accepted.source);
        return acceptedText(accepted);
      }),
    [settle, api, onAccepted],
  );
  const reject = useCallback((key: string) => void settle(key, api.reject, () => "Suggestion rejected; it will not be offered again."), [settle, api]);

  const acceptAll = useCallback(
    async (minConfidence: number) => {
      const r = await api.acceptAll(minConfidence);
      if (!r.ok) return setMessage({ tone: "error", text: r.error });
      const keys = new Set(r.data.accepted.map((a) => a.key));
      setAll((list) => list.filter((x) => !keys.has(x.key)));
      setActiveKey((k) => (k !== null && keys.has(k) ? null : k));
      r.data.accepted.forEach((a) => onAccepted(a.annotation, a.source));
      const skipped = r.data.skipped > 0 ? ` ${r.data.skipped} overlapping a span were left.` : "";
      const text = `Accepted ${keys.size} ${keys.size === 1 ? "suggestion" : "suggestions"} at or above ${confidenceLabel(minConfidence)}.${skipped}`;
      setMessage({ tone: "info", text });
      announce(text);
    },
    [api, onAccepted, announce],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>): boolean => {
      const action = shortcutFor(event);
      if (!enabled || (action !== "suggestion-next" && action !== "suggestion-accept" && action !== "suggestion-reject")) return false;
      if (action === "suggestion-next") {
        const next = items.find((s) =>
          active === null ? s.start > lastStart.current : s.start > active.start || (s.start === active.start && s.end > active.end),
        );
        if (next === undefined) {
          // Past the last one: Tab leaves the text, and the next round starts from the top.
          lastStart.current = -1;
          setActiveKey(null);
          return false;
        }
        activate(next.key);
      } else if (active === null) return false;
      else if (action === "suggestion-accept") accept(active.key);
      else reject(active.key);
      event.preventDefault();
      return true;
    },
    [enabled, items, active, activate, accept, reject],
  );

  return {
    enabled,
    loading: enabled && loading,
    items,
    activeKey: active?.key ?? null,
    message,
    activate,
    accept,
    reject,
    acceptAll: (m) => void acceptAll(m),
    onKeyDown,
  };
}

/**
 * `next`, or the array it equals element by element from the last render: most changes to the
 * spans leave the suggestions offered as they were, and their highlight is then left alone.
 */
function useUnchanged<T>(next: T[]): T[] {
  const [kept, setKept] = useState(next);
  const same = kept === next || (kept.length === next.length && kept.every((item, i) => item === next[i]));
  if (!same) setKept(next);
  return same ? kept : next;
}
