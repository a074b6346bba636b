import { getDb } from "@/db";
import { annotations } from "@/db/tables";
import { textQuoteSelector } from "@/lib/text";
import type { CreateAnnotationInput } from "@/lib/validation/annotations";
import { startAssignment } from "../assignments";
import { recordAudit } from "../audit";
import { lockDocument } from "../locks";
import type { SessionUser } from "../session";
import { checkSpan } from "./checks";
import { auditSnapshot, getSpan } from "./dto";
import { documentNotFound, frozen, type AnnotationResult } from "./result";
import { documentScope, documentText } from "./scope";
import { one } from "@/db/rows";

/**
 * Any member of the project annotates their own layer of a document. Everything the client
 * sends is checked against the frozen text; the span, the audit row and the assignment are
 * written in one transaction, so a refusal leaves nothing behind.
 */
export async function createAnnotation(user: SessionUser, projectId: number, documentId: number, input: CreateAnnotationInput): Promise<AnnotationResult> {
  // IMMEDIATE (SQLite) and the document's lock (PostgreSQL) are taken before the checks read,
  // so no other writer can freeze the layer or delete the parent between our checks and our insert.
  return getDb().transaction(
    async (tx): Promise<AnnotationResult> => {
      await lockDocument(tx, documentId);
      const scope = await documentScope(tx, user, projectId, documentId);
      if (scope === null) return documentNotFound();
      if (scope.myStatus === "submitted") return frozen();
      const text = await documentText(tx, documentId);
      const fields = {
        kind: input.kind,
        start: input.start,
        end: input.end,
        exact: input.exact,
        attributes: input.attributes ?? {},
        note: input.note ?? "",
        parentId: input.parentId ?? null,
      };
      const checked = await checkSpan(tx, scope, text, user.id, fields, null);
      if (!checked.ok) return checked;
      const { prefix, suffix } = textQuoteSelector(text, fields.start, fields.end);
      const row = await one(
        tx
          .insert(annotations)
          .values({ ...fields, attributes: checked.attributes, documentId, annotatorId: user.id, layer: "annotator", prefix, suffix, version: 1 })
          .returning({ id: annotations.id }),
      );
      await startAssignment(tx, projectId, documentId, user.id);
      const annotation = (await getSpan(tx, documentId, row.id))!;
      await recordAudit(tx, { actorId: user.id, action: "create", entity: "annotation", entityId: row.id, after: auditSnapshot(annotation) });
      return { ok: true, annotation };
    },
    { behavior: "immediate" },
  );
}
