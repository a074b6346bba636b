// Builders for expected Figures written out by hand: every category a test does not name is 0,
// and non-integers compare to 10 decimal places (a mean of thirds is not exact in binary).
import { expect } from "vitest";
import { compare } from "@/lib/compare";
import type { Comparison, Figures, Mix, OutletComparison } from "@/lib/compare/types";
import { fixture } from "./fixture";

const SPEAKER_TYPES = ["named_person", "unnamed_person", "named_org", "unnamed_group", "document", "media_outlet", "outlet_self", "unknown"] as const;

function mix<K extends string>(keys: readonly K[], given: Partial<Record<K | "unset", number>>): Mix<K> {
  const out = { unset: 0 } as Mix<K>;
  for (const k of keys) out[k] = 0;
  return { ...out, ...given };
}

export interface ExpectedFigures {
  documents: number;
  words: number;
  chars: number;
  counts: [claim: number, opinion: number, quote: number];
  per1000: [claim: number | null, opinion: number | null, quote: number | null];
  quoted: number;
  quotedShare: number | null;
  types?: Partial<Record<(typeof SPEAKER_TYPES)[number] | "unset", number>>;
  named: number;
  unnamed: number;
  namedShare: number | null;
  top: [key: string, name: string, count: number][];
  holder?: Partial<Record<"author" | "quoted" | "unset", number>>;
  sentiment?: Partial<Record<"-2" | "-1" | "0" | "1" | "2" | "unset", number>>;
  bias?: Partial<Record<"lexical" | "informational" | "none" | "unset", number>>;
  certainty?: Partial<Record<"certain" | "probable" | "possible" | "underspecified" | "unset", number>>;
  republished?: { chars: number; share: number | null; from: [id: number | null, name: string | null, chars: number, share: number][] };
}

export function figures(e: ExpectedFigures): Figures {
  return {
    documents: e.documents,
    words: e.words,
    chars: e.chars,
    counts: { claim: e.counts[0], opinion: e.counts[1], quote: e.counts[2] },
    per1000: { claim: e.per1000[0], opinion: e.per1000[1], quote: e.per1000[2] },
    voice: { quotedChars: e.quoted, ownChars: e.chars - e.quoted, quotedShare: e.quotedShare },
    sourcing: {
      bySpeakerType: mix(SPEAKER_TYPES, e.types ?? {}),
      named: e.named,
      unnamed: e.unnamed,
      namedShare: e.namedShare,
      topSpeakers: e.top.map(([key, name, count]) => ({ key, name, count })),
    },
    opinions: {
      holder: mix(["author", "quoted"], e.holder ?? {}),
      sentiment: mix(["-2", "-1", "0", "1", "2"], e.sentiment ?? {}),
      bias: mix(["lexical", "informational", "none"], e.bias ?? {}),
    },
    claims: { certainty: mix(["certain", "probable", "possible", "underspecified"], e.certainty ?? {}) },
    republished: {
      chars: e.republished?.chars ?? 0,
      share: e.republished === undefined ? (e.chars === 0 ? null : 0) : e.republished.share,
      from: (e.republished?.from ?? []).map(([outletId, outletName, chars, share]) => ({ outletId, outletName, chars, share })),
    },
  };
}

/** Replaces every non-integer number by a closeTo matcher, deep. */
export function approx<T>(value: T): T {
  if (typeof value === "number") return (Number.isInteger(value) ? value : expect.closeTo(value, 10)) as T;
  if (Array.isArray(value)) return value.map(approx) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, approx(v)])) as T;
  }
  return value;
}

export function compared(): Comparison {
  return compare(fixture());
}

export function outletNamed(c: Comparison, name: string | null): OutletComparison {
  const found = c.outlets.find((o) => o.outletName === name);
  if (!found) throw new Error(`no outlet ${name}`);
  return found;
}

export function documentFigures(c: Comparison, documentId: number): Figures {
  for (const o of c.outlets) for (const d of o.documents) if (d.document.id === documentId) return d.figures;
  throw new Error(`no document ${documentId}`);
}
