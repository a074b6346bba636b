"use server";
// Managers' story edits. lib/server/stories checks the role and that the story and the
// document belong to this project, in the same transaction as the write.
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { createStory, deleteStory, moveDocumentToStory, updateStory } from "@/lib/server/stories";
import { parseId } from "@/lib/validation/projects";
import { storySchema } from "@/lib/validation/stories";
import { fieldErrors } from "@/lib/validation/users";

const gone: FormState = { message: "This project or story does not exist, or you are not a member of it." };

function refresh(projectId: number): void {
  revalidatePath(`/projects/${projectId}/stories`);
  revalidatePath(`/projects/${projectId}`);
}

export async function saveStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return gone;
  const storyId = formData.get("storyId") === null ? null : parseId(formData.get("storyId"));
  const values = { name: formString(formData, "name"), description: formString(formData, "description") };
  const parsed = storySchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = storyId === null ? await createStory(user, projectId, parsed.data) : await updateStory(user, projectId, storyId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  refresh(projectId);
  return { ok: true, message: storyId === null ? `Created “${result.story.name}”.` : "Story saved." };
}

export async function deleteStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const storyId = parseId(formData.get("storyId"));
  if (projectId === null || storyId === null) return gone;
  const result = await deleteStory(user, projectId, storyId);
  if (!result.ok) return { message: result.error };
  refresh(projectId);
  return { ok: true };
}

export async function moveDocumentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return gone;
  const result = await moveDocumentToStory(user, projectId, { documentId: formString(formData, "documentId"), storyId: formString(formData, "storyId") });
  if (!result.ok) return { message: result.error };
  refresh(projectId);
  return { ok: true };
}
