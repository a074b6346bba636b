"use server";
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { requireAdmin } from "@/lib/server/auth";
import { createUserAsAdmin, resetPassword, setUserDisabled } from "@/lib/server/users";
import { parseId } from "@/lib/validation/projects";
import { fieldErrors, newUserSchema, resetPasswordSchema } from "@/lib/validation/users";

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const values = { username: formString(formData, "username"), displayName: formString(formData, "displayName") };
  const parsed = newUserSchema.safeParse({ ...values, password: formString(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await createUserAsAdmin(admin, parsed.data);
  if (!result.ok) return { message: result.error, values };
  revalidatePath("/admin/users");
  return { ok: true, message: `Created ${parsed.data.username}. Give them their initial password.` };
}

export async function toggleDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const userId = parseId(formData.get("userId"));
  if (userId === null) return { message: "That user does not exist." };
  const result = await setUserDisabled(admin, userId, formString(formData, "disable") === "true");
  if (!result.ok) return { message: result.error };
  revalidatePath("/admin/users");
  return { ok: true };
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireAdmin();
  const parsed = resetPasswordSchema.safeParse({ userId: formData.get("userId"), password: formString(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error) };
  const result = await resetPassword(admin, parsed.data.userId, parsed.data.password);
  if (!result.ok) return { message: result.error };
  return { ok: true, message: "Password reset; their sessions were ended." };
}
