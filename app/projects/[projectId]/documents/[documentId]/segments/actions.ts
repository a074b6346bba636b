"use server";
// A reviewer's genre or stance for the document. lib/server/ratings authorizes (member of the
// document's project) and checks the stance against the project's axis.
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { rateDocument } from "@/lib/server/ratings";
import { parseId } from "@/lib/validation/projects";
import { documentRatingSchema } from "@/lib/validation/ratings";
import { fieldErrors } from "@/lib/validation/users";

export async function rateDocumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const documentId = parseId(formData.get("documentId"));
  if (projectId === null || documentId === null) return { message: "This document does not exist, or you are not a member of its project." };
  const axis = formString(formData, "axis");
  const values = {
    axis,
    rationale: formString(formData, "rationale"),
    ...(axis === "genre" ? { label: formString(formData, "label") } : { value: formString(formData, "value") }),
  };
  const parsed = documentRatingSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await rateDocument(user, projectId, documentId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  revalidatePath(`/projects/${projectId}/documents/${documentId}/segments`);
  return { ok: true, message: result.created ? "Saved." : "Updated." };
}
