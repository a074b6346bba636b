import { expect } from "vitest";
import type { CodedValue, Measured } from "../../../lib/agreement";

/** The published vectors give d decimals: the computed value, rounded to d decimals, must match. */
export function expectRounded(actual: number, expected: number, decimals: number): void {
  const factor = 10 ** decimals;
  // Scale, round, unscale; `+ 0` turns −0 into 0 so that "0.0" matches a tiny negative value.
  const rounded = Math.round(actual * factor) / factor + 0;
  expect(rounded, `${actual} rounded to ${decimals} decimals`).toBe(expected);
}

/** Narrows a measure result to its defined branch, failing the test with the reason otherwise. */
export function defined<T extends object>(result: Measured<T>): Extract<Measured<T>, { ok: true }> {
  if (!result.ok) throw new Error(`expected a value, got "${result.reason}": ${result.message}`);
  return result as Extract<Measured<T>, { ok: true }>;
}

/** Expands "(a,b) × count" listings into a two-coder table (coders as rows). */
export function pairsTable(pairs: ReadonlyArray<readonly [CodedValue, CodedValue, number?]>): CodedValue[][] {
  const first: CodedValue[] = [];
  const second: CodedValue[] = [];
  for (const [a, b, count = 1] of pairs) {
    for (let i = 0; i < count; i++) {
      first.push(a);
      second.push(b);
    }
  }
  return [first, second];
}
