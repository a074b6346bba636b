"use server";
import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/form-state";
import { reopenDocument } from "@/lib/server/assignments";
import { requireUser } from "@/lib/server/auth";
import { parseId } from "@/lib/validation/projects";

export async function reopenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const documentId = parseId(formData.get("documentId"));
  const userId = parseId(formData.get("userId"));
  if (projectId === null || documentId === null || userId === null) return { message: "That document does not exist." };
  const result = await reopenDocument(user, projectId, documentId, userId);
  if (!result.ok) return { message: result.error };
  revalidatePath(`/projects/${projectId}/progress`);
  revalidatePath(`/projects/${projectId}/documents/${documentId}`);
  revalidatePath("/queue");
  return { ok: true, message: "Reopened." };
}
