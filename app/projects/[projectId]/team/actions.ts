"use server";
// Team page actions. Authorization and the final validation live in lib/server (members,
// assignment-plan); the forms' own parse here only turns bad fields into field errors.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formString, type FormState } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { assignDocument, autoAssignDocuments } from "@/lib/server/assignment-plan";
import { removeAssignment } from "@/lib/server/assignment-removal";
import { addProjectMember, changeMemberRole, removeProjectMember } from "@/lib/server/members";
import { addMemberSchema, assignDocumentSchema, autoAssignSchema, ROLE_LABELS } from "@/lib/validation/members";
import { parseId } from "@/lib/validation/projects";
import { fieldErrors } from "@/lib/validation/users";

const NO_PROJECT: FormState = { message: "This project does not exist, or you are not a member of it." };

function refresh(projectId: number): void {
  revalidatePath(`/projects/${projectId}/team`);
  revalidatePath(`/projects/${projectId}/progress`);
  revalidatePath("/queue");
  revalidatePath(`/projects/${projectId}/review`, "layout");
}

export async function addMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const values = { username: formString(formData, "username"), role: formString(formData, "role") };
  const parsed = addMemberSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await addProjectMember(user, projectId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  refresh(projectId);
  return { ok: true, message: `Added ${result.member.displayName} as ${ROLE_LABELS[result.member.role].toLowerCase()}.` };
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const userId = parseId(formData.get("userId"));
  if (projectId === null || userId === null) return NO_PROJECT;
  const result = await changeMemberRole(user, projectId, userId, formString(formData, "role"));
  if (!result.ok) return { message: result.error };
  refresh(projectId);
  return { ok: true, message: `${result.member.displayName} is now ${ROLE_LABELS[result.member.role].toLowerCase()}.` };
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const userId = parseId(formData.get("userId"));
  if (projectId === null || userId === null) return NO_PROJECT;
  const result = await removeProjectMember(user, projectId, userId);
  if (!result.ok) return { message: result.error };
  refresh(projectId);
  // A manager who removed themselves can no longer see this project.
  if (userId === user.id) redirect("/");
  return { ok: true, message: `Removed ${result.member.displayName}.` };
}

export async function assignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const values = { documentId: formString(formData, "documentId"), userId: formString(formData, "userId") };
  const parsed = assignDocumentSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await assignDocument(user, projectId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  refresh(projectId);
  return { ok: true, message: "Assigned." };
}

export async function autoAssignAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const values = { perDocument: formString(formData, "perDocument") };
  const parsed = autoAssignSchema.safeParse({ ...values, userIds: formData.getAll("userIds") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await autoAssignDocuments(user, projectId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  refresh(projectId);
  const n = result.created.length;
  if (n === 0) return { ok: true, message: `Nothing to assign: every document already has ${parsed.data.perDocument} reviewers.` };
  return { ok: true, message: `Made ${n} new assignment${n === 1 ? "" : "s"}.` };
}

export async function removeAssignmentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return NO_PROJECT;
  const result = await removeAssignment(user, projectId, { documentId: formString(formData, "documentId"), userId: formString(formData, "userId") });
  if (!result.ok) return { message: result.error };
  refresh(projectId);
  const kept =
    result.spansKept === 0
      ? "They had no spans on it."
      : `Their ${result.spansKept} span${result.spansKept === 1 ? " stays" : "s stay"} in the document and in review.`;
  return { ok: true, message: `Removed ${result.displayName} from “${result.title}”. ${kept}` };
}
