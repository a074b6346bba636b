// A project's agreement: every measure per kind and overall, a reviewer-pair matrix, a row per
// document and agreement on quote attributes, pooled from the per-document measures.
import { krippendorffAlpha, percentAgreement, type CodedValue } from "@/lib/agreement";
import { attributeValue, type AgreementDocument } from "./agreement-inputs";
import { addInto, documentMeasures, emptySums, f1FromSums, SCOPES, type AgreementScope, type F1Sums, type PairDocumentSums } from "./document-agreement";
import type { SpanGroup } from "./types";
import { measured, notEnoughData, WeightedMean, type MeasureValue } from "./values";

export interface MeasureRow {
  readonly scope: AgreementScope;
  /** Document-length-weighted mean of per-document α_u over the documents where it is defined. */
  readonly alphaU: MeasureValue;
  readonly alphaUDocuments: number;
  /** Mean over reviewer pairs of F1 pooled over the documents both reviewed. */
  readonly exactF1: MeasureValue;
  readonly partialF1: MeasureValue;
  readonly percent: MeasureValue;
  readonly spans: number;
}

export interface PairAgreement {
  readonly a: number;
  readonly b: number;
  readonly documents: number;
  readonly exactF1: MeasureValue;
  readonly partialF1: MeasureValue;
}

export interface DocumentAgreement {
  readonly id: number;
  readonly title: string;
  readonly charCount: number;
  readonly reviewers: number;
  readonly spans: number;
  readonly alphaU: MeasureValue;
  readonly partialF1: MeasureValue;
  readonly percent: MeasureValue;
}

export const QUOTE_ATTRIBUTES = ["source_id", "speaker_type", "mode"] as const;
export type QuoteAttribute = (typeof QUOTE_ATTRIBUTES)[number];

export interface AttributeAgreement {
  readonly attribute: QuoteAttribute;
  /** Matched quotes where at least two reviewers gave a value. */
  readonly units: number;
  readonly alpha: MeasureValue;
  readonly percent: MeasureValue;
}

export interface ProjectAgreement {
  readonly reviewerIds: readonly number[];
  readonly measures: readonly MeasureRow[];
  readonly pairs: readonly PairAgreement[];
  readonly documents: readonly DocumentAgreement[];
  readonly attributes: readonly AttributeAgreement[];
}

interface PairTotals {
  documents: number;
  exact: Record<AgreementScope, F1Sums>;
  partial: Record<AgreementScope, F1Sums>;
}

const perScope = <T>(make: () => T): Record<AgreementScope, T> => ({ overall: make(), claim: make(), opinion: make(), quote: make() });

/** Quote groups with two or more members, as coding-table columns keyed by reviewer. */
class AttributeTables {
  private readonly columns: Map<number, CodedValue[]>[] = [];
  private units = 0;

  add(groups: readonly SpanGroup[]): void {
    for (const g of groups) {
      if (g.spans.length < 2 || g.spans[0]!.kind !== "quote") continue;
      QUOTE_ATTRIBUTES.forEach((attribute, a) => {
        const table = (this.columns[a] ??= new Map());
        for (const span of g.spans) {
          const row = table.get(span.reviewerId) ?? [];
          row[this.units] = attributeValue(span, attribute);
          table.set(span.reviewerId, row);
        }
      });
      this.units++;
    }
  }

  results(): AttributeAgreement[] {
    return QUOTE_ATTRIBUTES.map((attribute, a) => {
      const rows = [...(this.columns[a]?.values() ?? [])].map((row) => Array.from({ length: this.units }, (_, i) => row[i] ?? null));
      if (rows.length < 2) {
        const none = notEnoughData("No quote was matched between two reviewers.");
        return { attribute, units: 0, alpha: none, percent: none };
      }
      const percent = percentAgreement(rows);
      return { attribute, units: percent.ok ? percent.items : 0, alpha: measured(krippendorffAlpha(rows, { level: "nominal" })), percent: measured(percent) };
    });
  }
}

/**
 * Adds documents one at a time and keeps only running sums, so a caller can stream a large
 * project through it without holding every span in memory.
 */
export class AgreementAccumulator {
  private readonly alpha = perScope(() => new WeightedMean());
  private readonly percent = perScope(() => ({ sum: 0, items: 0 }));
  private readonly spans = perScope(() => 0);
  private readonly pairTotals = new Map<string, PairTotals & { a: number; b: number }>();
  private readonly attributes = new AttributeTables();
  private readonly reviewers = new Set<number>();

  /** Measures the document, adds it to the project totals and returns its own row. */
  add(doc: AgreementDocument): DocumentAgreement {
    doc.reviewerIds.forEach((id) => this.reviewers.add(id));
    const m = documentMeasures(doc);
    for (const scope of SCOPES) {
      this.alpha[scope].add(m.alphaU[scope], doc.charCount);
      const p = m.percent[scope];
      if (p.value.ok) {
        this.percent[scope].sum += p.value.value * p.items;
        this.percent[scope].items += p.items;
      }
    }
    for (const s of doc.spans) {
      this.spans.overall++;
      this.spans[s.kind]++;
    }
    for (const pair of m.pairs) this.addPair(pair);
    this.attributes.add(m.groups);
    return {
      id: doc.id,
      title: doc.title,
      charCount: doc.charCount,
      reviewers: doc.reviewerIds.length,
      spans: doc.spans.length,
      alphaU: m.alphaU.overall,
      partialF1: m.partialF1,
      percent: m.percent.overall.value,
    };
  }

  private addPair(pair: PairDocumentSums): void {
    const key = `${pair.a}:${pair.b}`;
    const totals = this.pairTotals.get(key) ?? { a: pair.a, b: pair.b, documents: 0, exact: perScope(emptySums), partial: perScope(emptySums) };
    totals.documents++;
    for (const scope of SCOPES) {
      addInto(totals.exact[scope], pair.exact[scope]);
      addInto(totals.partial[scope], pair.partial[scope]);
    }
    this.pairTotals.set(key, totals);
  }

  private pairMean(scope: AgreementScope, which: "exact" | "partial"): MeasureValue {
    const mean = new WeightedMean();
    for (const t of this.pairTotals.values()) mean.add(f1FromSums(t[which][scope]));
    return mean.result("No two reviewers marked spans of this kind on the same document.");
  }

  result(): Omit<ProjectAgreement, "documents"> {
    const pairs = [...this.pairTotals.values()].map((t) => ({
      a: t.a,
      b: t.b,
      documents: t.documents,
      exactF1: f1FromSums(t.exact.overall),
      partialF1: f1FromSums(t.partial.overall),
    }));
    const measures = SCOPES.map((scope): MeasureRow => {
      const percent = this.percent[scope];
      return {
        scope,
        alphaU: this.alpha[scope].result("No document has two reviewers and a unit of this kind."),
        alphaUDocuments: this.alpha[scope].count,
        exactF1: this.pairMean(scope, "exact"),
        partialF1: this.pairMean(scope, "partial"),
        percent: percent.items > 0 ? { ok: true, value: percent.sum / percent.items } : notEnoughData("No span was compared between two reviewers."),
        spans: this.spans[scope],
      };
    });
    return { reviewerIds: [...this.reviewers].sort((x, y) => x - y), measures, pairs, attributes: this.attributes.results() };
  }
}

export function computeProjectAgreement(docs: readonly AgreementDocument[]): ProjectAgreement {
  const accumulator = new AgreementAccumulator();
  const documents = docs.map((doc) => accumulator.add(doc));
  return { ...accumulator.result(), documents };
}
