// The model for the span lifecycle fuzz: what a reviewer's spans on one document should be
// after any run of creates, edits, deletes and restores, and the invariants the real data
// layer (lib/server/annotations on a real SQLite) must hold after every step.
import { expect } from "vitest";
import { annotationHistory, listAnnotations, type AnnotationResult } from "@/lib/server/annotations";
import type { SessionUser } from "@/lib/server/session";
import { sliceCodePoints, textQuoteSelector } from "@/lib/text";
import type { AnnotationDto, AnnotationKind } from "@/lib/validation/annotations";

export interface ModelSpan {
  id: number;
  kind: AnnotationKind;
  start: number;
  end: number;
  exact: string;
  note: string;
  attributes: Record<string, unknown>;
  parentId: number | null;
  version: number;
  deleted: boolean;
  /** Successful changes so far (create included): one audit entry each. */
  changes: number;
}

export interface Model {
  spans: ModelSpan[];
  /** The owner marked the document done: every change is refused until a manager reopens it. */
  frozen: boolean;
}

export interface Real {
  owner: SessionUser;
  manager: SessionUser;
  projectId: number;
  documentId: number;
  /** The frozen text as stored, and its code points. */
  text: string;
  chars: string[];
}

/**
 * Where a span goes: generated before the text is known, so either a position as a fraction of
 * the text's length and a width in code points, or literal offsets (the out-of-range ones).
 */
export type Range = { at: number; width: number } | { start: number; end: number };

export function offsets(where: Range, real: Real): { start: number; end: number } {
  if ("start" in where) return where;
  const start = Math.floor(where.at * real.chars.length);
  return { start, end: Math.min(real.chars.length, start + where.width) };
}

/** How a client computes `exact`: right (code points), wrong (UTF-16 units, one off), or not at all. */
export type ExactMode = "codePoints" | "codeUnits" | "shifted" | "omit";

export function exactFor(real: Real, start: number, end: number, mode: ExactMode): string | undefined {
  if (mode === "omit") return undefined;
  const found =
    mode === "codeUnits" ? real.text.slice(start, end) : real.chars.slice(mode === "shifted" ? start + 1 : start, mode === "shifted" ? end + 1 : end).join("");
  return found === "" ? "x" : found;
}

export function offsetsValid(real: Real, start: number, end: number): boolean {
  return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= real.chars.length;
}

/** The span's text by the oracle (Array.from), for offsets already known to be valid. */
export const sliceOf = (real: Real, start: number, end: number): string => real.chars.slice(start, end).join("");

/** Whether nesting `self` (null on create) in `parentId` is allowed: a live span of the owner, and no cycle. */
export function parentAllowed(model: Model, parentId: number | null, self: number | null): boolean {
  if (parentId === null) return true;
  const parent = model.spans.find((s) => s.id === parentId);
  if (parent === undefined || parent.deleted) return false;
  for (let at: ModelSpan | undefined = parent; at !== undefined; at = model.spans.find((s) => s.id === at!.parentId)) {
    if (at.id === self) return false;
  }
  return true;
}

/** A refusal, with the status and code the data layer documents for it. */
export function expectRefused(result: AnnotationResult, status: number, code: string, why: string): void {
  expect(result.ok, why).toBe(false);
  if (result.ok) return;
  expect({ status: result.status, code: result.code }, `${why}: ${result.error}`).toEqual({ status, code });
  expect(result.error).toMatch(/\S/);
}

/** The change succeeded and bumped the version by exactly one. */
export function expectChanged(result: AnnotationResult, before: ModelSpan, why: string): AnnotationDto {
  expect(result.ok, `${why}: ${result.ok ? "" : result.error}`).toBe(true);
  const span = (result as { annotation: AnnotationDto }).annotation;
  expect(span.version).toBe(before.version + 1);
  return span;
}

function expectMatches(real: Real, row: AnnotationDto, span: ModelSpan): void {
  const { id, kind, start, end, exact, note, attributes, parentId, version, deleted } = span;
  expect({ ...row, deleted: row.deletedAt !== null }).toMatchObject({ id, kind, start, end, exact, note, attributes, parentId, version, deleted });
  // The stored span is anchored in the frozen text by code points: offsets inside, exact the slice.
  expect(0 <= row.start && row.start < row.end && row.end <= real.chars.length).toBe(true);
  expect(row.exact).toBe(sliceCodePoints(real.text, row.start, row.end));
  expect(row.exact).toBe(sliceOf(real, row.start, row.end));
  const quote = textQuoteSelector(real.text, row.start, row.end);
  expect({ prefix: row.prefix, suffix: row.suffix }).toEqual({ prefix: quote.prefix, suffix: quote.suffix });
}

/** After every step: the database holds exactly the model's spans, each anchored, each change audited. */
export async function checkInvariants(model: Model, real: Real): Promise<void> {
  const rows = (await listAnnotations(real.owner, real.projectId, real.documentId, { includeDeleted: true })) ?? [];
  expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(model.spans.map((s) => s.id).sort((a, b) => a - b));
  for (const span of model.spans) {
    expectMatches(
      real,
      rows.find((r) => r.id === span.id)!,
      span,
    );
    expect(await annotationHistory(real.owner, real.projectId, real.documentId, span.id)).toHaveLength(span.changes);
  }
}
