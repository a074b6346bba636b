"use server";
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { settleGoldRating } from "@/lib/server/adjudication";
import { getCurrentSession } from "@/lib/server/auth";
import { parseId } from "@/lib/validation/projects";

/** Session → project → lib/server (role, validation, version check, audit) → revalidate. */
export async function settleRatingAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { user } = await getCurrentSession();
  if (user === null) return { message: "Your session has ended. Sign in again." };
  const projectId = parseId(formData.get("projectId"));
  if (projectId === null) return { message: "This project does not exist." };
  const expected = formString(formData, "expectedUpdatedAt");
  const value = formString(formData, "value");
  const input = {
    outletId: formString(formData, "outletId"),
    axis: formString(formData, "axis"),
    value: value.trim() === "" ? undefined : value,
    rationale: formString(formData, "rationale"),
    expectedUpdatedAt: expected === "" ? null : expected,
  };
  const result = await settleGoldRating(user, projectId, input);
  if (!result.ok) return { message: result.error, values: { value, rationale: input.rationale } };
  revalidatePath(`/projects/${projectId}/agreement/ratings`);
  revalidatePath(`/projects/${projectId}/agreement`);
  return { ok: true, message: result.message };
}
