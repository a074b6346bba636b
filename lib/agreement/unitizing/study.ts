/**
 * Input of unitizing α: raters mark labelled stretches (units) on a shared continuum of integer
 * positions [begin, begin + length), e.g. code points of a document. What lies between a
 * rater's units of a label is a gap; units and gaps together tile the continuum.
 */
export interface UnitizingUnit {
  /** 0-based rater index, below `UnitizingStudy.raters`. */
  readonly rater: number;
  readonly offset: number;
  readonly length: number;
  readonly label: string;
}

export interface UnitizingStudy {
  readonly begin: number;
  readonly length: number;
  /** How many raters took part, including any who marked nothing (their silence is data). */
  readonly raters: number;
  readonly units: readonly UnitizingUnit[];
}

/** A unit (label set) or a gap (label null) in one rater's tiling of the continuum. */
export interface Segment {
  readonly offset: number;
  readonly length: number;
  readonly label: string | null;
}

/** Throws a descriptive Error for input the algorithm cannot handle. */
export function checkStudy(study: UnitizingStudy): void {
  const { begin, length, raters } = study;
  if (!Number.isSafeInteger(begin)) throw new Error(`Unitizing alpha: continuum begin ${begin} is not an integer.`);
  if (!Number.isSafeInteger(length) || length < 1) {
    throw new Error(`Unitizing alpha: continuum length ${length} must be a positive integer.`);
  }
  if (!Number.isSafeInteger(raters) || raters < 1) {
    throw new Error(`Unitizing alpha: rater count ${raters} must be a positive integer.`);
  }
  study.units.forEach((unit, i) => checkUnit(unit, i, study));
  checkNoOverlap(study.units);
}

function checkUnit(unit: UnitizingUnit, i: number, study: UnitizingStudy): void {
  const where = `Unitizing alpha: unit ${i} (rater ${unit.rater}, offset ${unit.offset}, length ${unit.length})`;
  if (!Number.isInteger(unit.rater) || unit.rater < 0 || unit.rater >= study.raters) {
    throw new Error(`${where} names a rater outside 0..${study.raters - 1}.`);
  }
  if (!Number.isSafeInteger(unit.offset) || !Number.isSafeInteger(unit.length) || unit.length < 1) {
    throw new Error(`${where} needs an integer offset and a positive integer length.`);
  }
  const end = study.begin + study.length;
  if (unit.offset < study.begin || unit.offset + unit.length > end) {
    throw new Error(`${where} lies outside the continuum [${study.begin}, ${end}).`);
  }
  if (typeof unit.label !== "string") throw new Error(`${where} has no string label.`);
}

/**
 * The measure is defined for non-overlapping units per rater and label (DKPro Statistics states
 * the same precondition); overlapping ones would tile the continuum twice. Callers that allow
 * such overlaps should merge them first.
 */
function checkNoOverlap(units: readonly UnitizingUnit[]): void {
  const sorted = [...units].sort((a, b) => a.offset - b.offset);
  const lastEnd = new Map<string, { end: number; offset: number }>();
  for (const unit of sorted) {
    const key = JSON.stringify([unit.rater, unit.label]);
    const previous = lastEnd.get(key);
    if (previous !== undefined && unit.offset < previous.end) {
      throw new Error(
        `Unitizing alpha: rater ${unit.rater} has overlapping "${unit.label}" units at ` + `${previous.offset} and ${unit.offset}; merge them first.`,
      );
    }
    lastEnd.set(key, { end: unit.offset + unit.length, offset: unit.offset });
  }
}

/** The distinct labels, sorted, so results come out in a stable order. */
export function labelsOf(study: UnitizingStudy): string[] {
  return [...new Set(study.units.map((unit) => unit.label))].sort();
}

/** Units of one label, per rater, sorted by offset. */
export function unitsByRater(study: UnitizingStudy, label: string): UnitizingUnit[][] {
  const byRater: UnitizingUnit[][] = Array.from({ length: study.raters }, () => []);
  for (const unit of study.units) {
    if (unit.label === label) byRater[unit.rater]!.push(unit);
  }
  for (const units of byRater) units.sort((a, b) => a.offset - b.offset);
  return byRater;
}

/** One rater's units of a label with the gaps between them, covering the whole continuum. */
export function tile(study: UnitizingStudy, units: readonly UnitizingUnit[]): Segment[] {
  const segments: Segment[] = [];
  let position = study.begin;
  for (const unit of units) {
    if (unit.offset > position) segments.push({ offset: position, length: unit.offset - position, label: null });
    segments.push({ offset: unit.offset, length: unit.length, label: unit.label });
    position = unit.offset + unit.length;
  }
  const end = study.begin + study.length;
  if (end > position) segments.push({ offset: position, length: end - position, label: null });
  return segments;
}
