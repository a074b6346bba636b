"use client";
// The names of the sources the spans point at (a quote's speaker, a claim's targets), as the
// page loaded them plus any learnt since (a speaker added in the panel, a suggestion accepted),
// and the descriptions of spans that read them: the span list's rows and the hover card.
import { useCallback, useMemo, useState } from "react";
import type { AnnotationDto } from "@/lib/validation/annotations";
import type { SourceDto } from "./api-client";
import { describeShort, detailDescriber } from "./describe";

export interface SourceNames {
  sourceNames: Map<number, string>;
  learnSource: (source: SourceDto) => void;
  describeRow: ReturnType<typeof detailDescriber>;
  describeHover: (span: AnnotationDto) => string;
}

export function useSourceNames(initial: Record<number, string>): SourceNames {
  const [sourceNames, setSourceNames] = useState(() => new Map(Object.entries(initial).map(([k, v]) => [Number(k), v])));
  const learnSource = useCallback((s: SourceDto) => setSourceNames((m) => (m.get(s.id) === s.name ? m : new Map(m).set(s.id, s.name))), []);
  // One description per draft, kept until the draft or the source names change.
  const describeRow = useMemo(() => detailDescriber(sourceNames), [sourceNames]);
  const describeHover = useCallback((span: AnnotationDto) => describeShort(span, sourceNames), [sourceNames]);
  return { sourceNames, learnSource, describeRow, describeHover };
}
