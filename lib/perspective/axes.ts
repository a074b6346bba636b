// The project's perspective axes (settings.axes): which one a rating names, and whether its
// value fits. Refusals are sentences a reviewer can act on.
import { DEFAULT_AXES, type PerspectiveAxis } from "@/lib/validation/projects";
import { formatRating } from "./stats";

/** The axis on which documents (not only outlets) get a stance. */
export const STANCE_AXIS = "stance";

export function findAxis(axes: readonly PerspectiveAxis[], key: string): PerspectiveAxis | null {
  return axes.find((a) => a.key === key) ?? null;
}

/** The project's stance axis, or the default one when a project dropped it from its settings. */
export function documentStanceAxis(axes: readonly PerspectiveAxis[]): PerspectiveAxis {
  return findAxis(axes, STANCE_AXIS) ?? findAxis(DEFAULT_AXES, STANCE_AXIS)!;
}

export function unknownAxisProblem(axes: readonly PerspectiveAxis[], key: string): string {
  const known = axes.map((a) => `“${a.key}”`).join(", ");
  return `This project has no “${key}” axis. Its axes are ${known || "not set"}.`;
}

// Steps are compared with a tolerance so that 0.1 + 0.2 style sums still count as on the step.
const EPSILON = 1e-9;

/** Null when `value` is a finite number inside the axis range and on its step; otherwise why not. */
export function axisValueProblem(axis: PerspectiveAxis, value: number): string | null {
  const range = `from ${formatRating(axis.min)} to ${formatRating(axis.max)}`;
  if (!Number.isFinite(value)) return `Give a number ${range} for ${axis.label}.`;
  if (value < axis.min || value > axis.max) {
    return `${axis.label} ratings run ${range}; ${formatRating(value)} is outside that range.`;
  }
  const steps = (value - axis.min) / axis.step;
  if (Math.abs(steps - Math.round(steps)) > EPSILON) {
    return `${axis.label} ratings go in steps of ${formatRating(axis.step)} ${range}; ${formatRating(value)} is between two steps.`;
  }
  return null;
}
