/**
 * Span-level precision, recall and F1 of a predicted (or second annotator's) span set against a
 * gold set, exact and with partial credit. Half-open offsets [begin, end); spans match only when
 * their labels are equal (leave `label` out on both sides to ignore labels).
 */
export interface LabelledSpan {
  readonly begin: number;
  readonly end: number;
  readonly label?: string;
}

/**
 * Always defined: with no gold and no predicted spans both sides agree perfectly (F1 = 1), as
 * in the SemEval scorer; an empty side on its own gives P or R = 0 and so F1 = 0.
 */
export interface SpanF1Result {
  readonly ok: true;
  /** F1 = 2PR / (P + R). */
  readonly value: number;
  readonly precision: number;
  readonly recall: number;
  /** |S| and |T| as used in the denominators (after merging, for partial credit). */
  readonly predicted: number;
  readonly gold: number;
}

/** A predicted span counts only if a gold span has the same begin, end and label (each used once). */
export function exactSpanF1(gold: readonly LabelledSpan[], predicted: readonly LabelledSpan[]): SpanF1Result {
  checkSpans(gold, "gold");
  checkSpans(predicted, "predicted");
  const unmatched = new Map<string, number>();
  for (const span of gold) unmatched.set(spanKey(span), (unmatched.get(spanKey(span)) ?? 0) + 1);
  let matches = 0;
  for (const span of predicted) {
    const left = unmatched.get(spanKey(span)) ?? 0;
    if (left > 0) {
      unmatched.set(spanKey(span), left - 1);
      matches++;
    }
  }
  return scores(matches, predicted.length, matches, gold.length);
}

/**
 * Partial credit as in the SemEval-2020 Task 11 scorer (Da San Martino et al.):
 *   P = Σ_{s∈S} Σ_{t∈T, same label} |s∩t| / |s|  ÷ |S|
 *   R = Σ_{t∈T} Σ_{s∈S, same label} |s∩t| / |t|  ÷ |T|
 * So a predicted span collects the overlap with every gold span of its label. Before scoring,
 * overlapping spans of one label on the same side are merged into their union, as the scorer's
 * `merge_overlapping_spans` does (its alternative is to reject them); without it a predicted
 * span could collect the same characters twice and P or R could exceed 1.
 */
export function partialSpanF1(gold: readonly LabelledSpan[], predicted: readonly LabelledSpan[]): SpanF1Result {
  checkSpans(gold, "gold");
  checkSpans(predicted, "predicted");
  const S = mergeOverlapping(predicted);
  const T = mergeOverlapping(gold);
  let precisionSum = 0;
  let recallSum = 0;
  for (const s of S) {
    for (const t of T) {
      if (s.label !== t.label) continue;
      const overlap = Math.min(s.end, t.end) - Math.max(s.begin, t.begin);
      if (overlap <= 0) continue;
      precisionSum += overlap / (s.end - s.begin);
      recallSum += overlap / (t.end - t.begin);
    }
  }
  return scores(precisionSum, S.length, recallSum, T.length);
}

function scores(precisionSum: number, predicted: number, recallSum: number, gold: number): SpanF1Result {
  const precision = predicted > 0 ? precisionSum / predicted : 0;
  const recall = gold > 0 ? recallSum / gold : 0;
  let value = 0;
  if (predicted === 0 && gold === 0) value = 1;
  else if (precision > 0 && recall > 0) value = (2 * precision * recall) / (precision + recall);
  return { ok: true, value, precision, recall, predicted, gold };
}

/** Unions of overlapping (not merely touching) spans per label. */
function mergeOverlapping(spans: readonly LabelledSpan[]): LabelledSpan[] {
  const sorted = [...spans].sort((a, b) => a.begin - b.begin || a.end - b.end);
  const merged: LabelledSpan[] = [];
  const lastByLabel = new Map<string | undefined, number>();
  for (const span of sorted) {
    const at = lastByLabel.get(span.label);
    const last = at === undefined ? undefined : merged[at];
    if (at !== undefined && last !== undefined && span.begin < last.end) {
      merged[at] = { ...last, end: Math.max(last.end, span.end) };
    } else {
      lastByLabel.set(span.label, merged.length);
      merged.push({ ...span });
    }
  }
  return merged;
}

function spanKey(span: LabelledSpan): string {
  return JSON.stringify([span.begin, span.end, span.label ?? null]);
}

function checkSpans(spans: readonly LabelledSpan[], side: string): void {
  spans.forEach((span, i) => {
    const ok = Number.isSafeInteger(span.begin) && Number.isSafeInteger(span.end) && span.begin >= 0;
    if (!ok || span.end <= span.begin) {
      throw new Error(`Span F1: ${side} span ${i} [${span.begin}, ${span.end}) needs integer offsets with 0 ≤ begin < end.`);
    }
  });
}
