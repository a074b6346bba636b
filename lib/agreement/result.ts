/**
 * The one result shape every agreement measure returns.
 *
 * Agreement coefficients are ratios, and each has inputs for which the ratio is 0/0 or x/0:
 * a single coder, no unit coded twice, every coder using one and the same category. Returning
 * NaN there would leak into averages and charts silently, so a measure that cannot be computed
 * says so, with a reason a person can read, and callers must check `ok` before using `value`.
 */

/** Why a measure has no value. Kept short and stable so the UI can group or translate them. */
export type UndefinedReason =
  /** Too little input: fewer than two coders, no unit coded by two coders, no units at all. */
  | "not enough data"
  /** Everybody used the same single category, so chance agreement is already perfect (Pe = 1, De = 0). */
  | "no variation";

export interface UndefinedMeasure {
  readonly ok: false;
  readonly reason: UndefinedReason;
  /** One sentence for a person: which measure, and what in the data made it undefined. */
  readonly message: string;
}

/** `T` carries the measure's components (Po/Pe, Do/De, counts) next to `value`. */
export type Measured<T extends object = Record<never, never>> = ({ readonly ok: true; readonly value: number } & T) | UndefinedMeasure;

export function undefinedMeasure(reason: UndefinedReason, message: string): UndefinedMeasure {
  return { ok: false, reason, message };
}

/** Chance-corrected agreement from observed (Po) and expected (Pe) agreement: (Po − Pe) / (1 − Pe). */
export function chanceCorrected(observed: number, expected: number): number {
  return (observed - expected) / (1 - expected);
}
