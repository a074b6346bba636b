import { getDb } from "@/db";
import { textQuoteSelector } from "@/lib/text";
import type { UpdateAnnotationInput } from "@/lib/validation/annotations";
import type { SessionUser } from "../session";
import { lockDocument } from "../locks";
import { checkSpan, type SpanFields } from "./checks";
import { applyChange, ownSpan } from "./own-span";
import { stale, type AnnotationResult } from "./result";
import { documentText } from "./scope";

/**
 * The owner edits a span. `input.version` must be the version they last saw; fields left
 * out keep their stored values, and the resulting span passes the same checks as a new one
 * (attributes against the resulting kind, exact against the resulting offsets).
 */
export async function updateAnnotation(
  user: SessionUser,
  projectId: number,
  documentId: number,
  annotationId: number,
  input: UpdateAnnotationInput,
): Promise<AnnotationResult> {
  return getDb().transaction(
    async (tx): Promise<AnnotationResult> => {
      // The version check alone is atomic (writeIfVersion); the lock also keeps the other checks
      // true until the write: no concurrent edit closes a cycle, deletes the parent or freezes the layer.
      await lockDocument(tx, documentId);
      const found = await ownSpan(tx, user, { projectId, documentId, annotationId }, false);
      if (!found.ok) return found;
      const { scope, span: before } = found;
      if (input.version !== before.version) return stale(before);
      const fields: SpanFields = {
        kind: input.kind ?? before.kind,
        start: input.start ?? before.start,
        end: input.end ?? before.end,
        exact: input.exact ?? before.exact,
        attributes: input.attributes ?? before.attributes,
        note: input.note ?? before.note,
        parentId: input.parentId === undefined ? before.parentId : input.parentId,
      };
      const text = await documentText(tx, documentId);
      const checked = await checkSpan(tx, scope, text, user.id, fields, annotationId);
      if (!checked.ok) return checked;
      const { prefix, suffix } = textQuoteSelector(text, fields.start, fields.end);
      return applyChange(tx, user, "update", before, { ...fields, attributes: checked.attributes, prefix, suffix });
    },
    { behavior: "immediate" },
  );
}
