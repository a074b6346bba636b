// What the agreement pages show for a measure: a number, or why there is none (never NaN).
export type MeasureValue = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

export function measured(result: { ok: true; value: number } | { ok: false; message: string }): MeasureValue {
  return result.ok ? { ok: true, value: result.value } : { ok: false, message: result.message };
}

export const notEnoughData = (message: string): MeasureValue => ({ ok: false, message });

/** The mean of the defined values, weighted; "not enough data" when none is defined. */
export class WeightedMean {
  private sum = 0;
  private weight = 0;
  count = 0;

  add(value: MeasureValue, weight = 1): void {
    if (!value.ok || !Number.isFinite(value.value) || weight <= 0) return;
    this.sum += value.value * weight;
    this.weight += weight;
    this.count++;
  }

  result(message: string): MeasureValue {
    return this.weight > 0 ? { ok: true, value: this.sum / this.weight } : notEnoughData(message);
  }
}

/** "0.734", or "not enough data": the one way a measure is printed. */
export function formatMeasure(value: MeasureValue, digits = 3): string {
  return value.ok && Number.isFinite(value.value) ? value.value.toFixed(digits) : "not enough data";
}
