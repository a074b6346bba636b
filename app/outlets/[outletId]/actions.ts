"use server";
// Guard clauses in the usual order: session → ids → field errors (zod) → lib/server call,
// which authorizes in its own query and re-checks what only it can (the project's axes).
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { requireUser } from "@/lib/server/auth";
import { deleteReferenceRating, recordReferenceRating, updateOutlet } from "@/lib/server/outlets";
import { rateOutlet } from "@/lib/server/ratings";
import { parseId } from "@/lib/validation/projects";
import { outletProfileSchema, outletRatingSchema, referenceRatingSchema } from "@/lib/validation/ratings";
import { fieldErrors } from "@/lib/validation/users";

const read = (formData: FormData, names: readonly string[]): Record<string, string> =>
  Object.fromEntries(names.map((name) => [name, formString(formData, name)]));

const gone: FormState = { message: "This outlet or project does not exist, or you are not a member of it." };

export async function rateOutletAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const projectId = parseId(formData.get("projectId"));
  const outletId = parseId(formData.get("outletId"));
  if (projectId === null || outletId === null) return gone;
  const values = read(formData, ["axis", "value", "rationale"]);
  const parsed = outletRatingSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await rateOutlet(user, projectId, outletId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  revalidatePath(`/outlets/${outletId}`);
  return { ok: true, message: result.created ? "Rating saved." : "Rating updated." };
}

const REFERENCE_FIELDS = ["publisher", "axis", "value", "label", "retrievedAt", "url"] as const;

export async function recordReferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const outletId = parseId(formData.get("outletId"));
  if (outletId === null) return gone;
  const values = read(formData, REFERENCE_FIELDS);
  const parsed = referenceRatingSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await recordReferenceRating(user, outletId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  revalidatePath(`/outlets/${outletId}`);
  return { ok: true, message: `Recorded the ${result.reference.publisher} rating.` };
}

export async function deleteReferenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const outletId = parseId(formData.get("outletId"));
  const referenceId = parseId(formData.get("referenceId"));
  if (outletId === null || referenceId === null) return gone;
  const result = await deleteReferenceRating(user, outletId, referenceId);
  if (!result.ok) return { message: result.error };
  revalidatePath(`/outlets/${outletId}`);
  return { ok: true };
}

export async function updateOutletAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const outletId = parseId(formData.get("outletId"));
  if (outletId === null) return gone;
  const values = read(formData, ["name", "domain", "kind", "country", "notes"]);
  const parsed = outletProfileSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await updateOutlet(user, outletId, parsed.data);
  if (!result.ok) return { message: result.error, values };
  revalidatePath(`/outlets/${outletId}`);
  revalidatePath("/outlets");
  return { ok: true, message: "Profile saved." };
}
