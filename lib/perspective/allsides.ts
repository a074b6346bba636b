// The AllSides Media Bias Meter's five categories on its −6..+6 scale (allsides.com, "Media
// Bias Ratings"): Left ≤ −3, Lean Left −2.99..−1, Center −0.99..+0.99, Lean Right 1..2.99,
// Right ≥ 3. Shown beside a left–right number so readers used to AllSides can place it.

export const ALLSIDES_CATEGORIES = ["Left", "Lean Left", "Center", "Lean Right", "Right"] as const;
export type AllSidesCategory = (typeof ALLSIDES_CATEGORIES)[number];

/** The project axis that carries the AllSides-compatible meter. */
export const LEFT_RIGHT_AXIS = "left_right";

/**
 * The category of a left–right value. The edges follow AllSides: ±1 and ±3 already belong to
 * the outer category, so −1 is Lean Left and 3 is Right, while ±0.99 is still Center.
 * Null for a value that is not a finite number (never a guess).
 */
export function allSidesCategory(value: number): AllSidesCategory | null {
  if (!Number.isFinite(value)) return null;
  if (value <= -3) return "Left";
  if (value <= -1) return "Lean Left";
  if (value < 1) return "Center";
  if (value < 3) return "Lean Right";
  return "Right";
}
