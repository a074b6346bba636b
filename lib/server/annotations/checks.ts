// The checks every span must pass before it is written, on create and on edit. Each
// refusal says what was wrong in words a reviewer understands.
import { and, eq } from "drizzle-orm";
import { annotations } from "@/db/tables";
import { codePointLength, sliceCodePoints } from "@/lib/text";
import { ANNOTATION_KINDS, parseAttributes, type AnnotationAttributes, type SpanFields } from "@/lib/validation/annotations";
import { missingSourceIds } from "../sources";
import { invalid, type Failure } from "./result";
import type { Conn, DocumentScope } from "./scope";
import { first } from "@/db/rows";

export type { SpanFields };

const SHOWN = 60; // code points of text quoted back in an error message

function shorten(s: string): string {
  return codePointLength(s) > SHOWN ? `${sliceCodePoints(s, 0, SHOWN)}…` : s;
}

export function offsetProblem(charCount: number, start: number, end: number): string | null {
  const length = `The document is ${charCount} characters long (offsets run from 0 to ${charCount}, counted in Unicode code points).`;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return `Offsets must be whole numbers. ${length}`;
  if (start < 0) return `The span cannot start before the beginning of the document (start ${start}). ${length}`;
  if (start >= end) return `The span must end after it starts (start ${start}, end ${end}). ${length}`;
  if (end > charCount) return `The span ends at ${end}, past the end of the text. ${length}`;
  return null;
}

/** The client's `exact` must be the text at those offsets, recomputed here in code points. */
export function exactProblem(text: string, start: number, end: number, exact: string): string | null {
  const actual = sliceCodePoints(text, start, end);
  if (actual === exact) return null;
  return (
    `The selected text does not match the document at ${start}–${end}: the text there is “${shorten(actual)}”, ` +
    `not “${shorten(exact)}”. Reload the document and select the text again.`
  );
}

/** Source ids the attributes point at: a quote's speaker, a claim's or opinion's targets. */
export function referencedSources(attributes: AnnotationAttributes): number[] {
  const ids: number[] = [];
  if ("source_id" in attributes && typeof attributes.source_id === "number") ids.push(attributes.source_id);
  if ("targets" in attributes && Array.isArray(attributes.targets)) ids.push(...attributes.targets);
  return [...new Set(ids)];
}

/** The ids up the parent chain of `parentId` (parentId first), to refuse a cycle. */
async function ancestors(conn: Conn, parentId: number): Promise<number[]> {
  const seen: number[] = [];
  let next: number | null = parentId;
  while (next !== null && !seen.includes(next) && seen.length < 1000) {
    seen.push(next);
    const row: { parentId: number | null } | undefined = await first(
      conn.select({ parentId: annotations.parentId }).from(annotations).where(eq(annotations.id, next)),
    );
    next = row?.parentId ?? null;
  }
  return seen;
}

async function parentProblem(conn: Conn, scope: DocumentScope, annotatorId: number, parentId: number, selfId: number | null): Promise<string | null> {
  const parent = await first(
    conn
      .select({ deletedAt: annotations.deletedAt })
      .from(annotations)
      .where(
        and(
          eq(annotations.id, parentId),
          eq(annotations.documentId, scope.documentId),
          eq(annotations.annotatorId, annotatorId),
          eq(annotations.layer, "annotator"),
        ),
      ),
  );
  if (parent === undefined) return `Span ${parentId} is not one of your spans on this document, so this span cannot be nested in it.`;
  if (parent.deletedAt !== null) return `Span ${parentId} has been deleted, so this span cannot be nested in it.`;
  if (selfId !== null && (await ancestors(conn, parentId)).includes(selfId)) return "A span cannot be nested inside itself or inside a span nested in it.";
  return null;
}

/**
 * Runs every check on a span about to be written by `annotatorId`; `selfId` is the span being
 * edited (null on create). Returns the validated attributes, which are what gets stored.
 */
export async function checkSpan(
  conn: Conn,
  scope: DocumentScope,
  text: string,
  annotatorId: number,
  fields: SpanFields,
  selfId: number | null,
): Promise<{ ok: true; attributes: AnnotationAttributes } | Failure> {
  if (!ANNOTATION_KINDS.includes(fields.kind)) return invalid("Kind must be claim, opinion or quote.");
  const offsets = offsetProblem(scope.charCount, fields.start, fields.end);
  if (offsets !== null) return invalid(offsets);
  const exact = exactProblem(text, fields.start, fields.end, fields.exact);
  if (exact !== null) return invalid(exact);
  const parsed = parseAttributes(fields.kind, fields.attributes);
  if (!parsed.ok) return invalid(parsed.error);
  const missing = await missingSourceIds(conn, scope.projectId, referencedSources(parsed.attributes));
  if (missing.length > 0) return invalid(`Source ${missing[0]} is not in this project.`);
  if (fields.parentId !== null) {
    const parent = await parentProblem(conn, scope, annotatorId, fields.parentId, selfId);
    if (parent !== null) return invalid(parent);
  }
  return { ok: true, attributes: parsed.attributes };
}
