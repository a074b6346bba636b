"use server";
// A manager's edit of a document's metadata, and its deletion. lib/server/document-edit checks
// membership, role and that the document is in this project, in the writing transaction.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formString } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { deleteDocument, updateDocumentMetadata } from "@/lib/server/document-edit";
import { METADATA_FIELDS, type MetadataField, type MetadataValues } from "@/lib/validation/documents";
import { parseId } from "@/lib/validation/projects";

export interface DetailsState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string>;
  /** What the fields show after this submission: what was saved, or what was typed. */
  values?: MetadataValues;
  /** What the next save is checked against: the stored values as last seen. */
  loaded?: MetadataValues;
  /** After a refusal because someone else saved first: the fields they changed. */
  changed?: MetadataField[];
}

const gone = "This document does not exist, or you are not a member of its project.";

function read(formData: FormData, prefix: string): MetadataValues {
  return Object.fromEntries(METADATA_FIELDS.map((f) => [f, formString(formData, `${prefix}${f}`)])) as MetadataValues;
}

function refresh(projectId: number, documentId: number): void {
  revalidatePath(`/projects/${projectId}`);
  revalidatePath(`/projects/${projectId}/documents/${documentId}`);
  revalidatePath(`/projects/${projectId}/documents/${documentId}/details`);
  revalidatePath(`/projects/${projectId}/stories`);
}

export async function saveDetailsAction(_prev: DetailsState, formData: FormData): Promise<DetailsState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const documentId = parseId(formData.get("documentId"));
  const values = read(formData, "");
  const loaded = read(formData, "loaded_");
  if (projectId === null || documentId === null) return { message: gone, values, loaded };
  const result = await updateDocumentMetadata(user, projectId, documentId, values, loaded);
  if (!result.ok) {
    // Typed values stay; after a concurrent change, the next save is checked against what is stored now.
    return { message: result.error, errors: result.fields, values, loaded: result.stored ?? loaded, changed: result.changed };
  }
  refresh(projectId, documentId);
  return {
    ok: true,
    message: result.changed.length === 0 ? "Nothing to save: the details are unchanged." : "Saved.",
    values: result.values,
    loaded: result.values,
  };
}

export async function deleteDocumentAction(_prev: { message?: string }, formData: FormData): Promise<{ message?: string }> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const documentId = parseId(formData.get("documentId"));
  if (projectId === null || documentId === null) return { message: gone };
  const result = await deleteDocument(user, projectId, documentId);
  if (!result.ok) return { message: result.error };
  refresh(projectId, documentId);
  redirect(`/projects/${projectId}`);
}
