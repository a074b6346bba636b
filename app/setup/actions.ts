"use server";
import { redirect } from "next/navigation";
import { formString, type FormState } from "@/app/form-state";
import { setSessionTokenCookie } from "@/lib/server/auth";
import { createSession, generateSessionToken } from "@/lib/server/session";
import { createFirstAdmin } from "@/lib/server/users";
import { fieldErrors, newUserSchema } from "@/lib/validation/users";

export async function setupAdmin(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { username: formString(formData, "username"), displayName: formString(formData, "displayName") };
  const parsed = newUserSchema.safeParse({ ...values, password: formString(formData, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  if (formString(formData, "password") !== formString(formData, "confirm")) {
    return { errors: { confirm: "The passwords do not match." }, values };
  }
  const result = await createFirstAdmin(parsed.data);
  if (!result.ok) return { message: result.error, values };
  const token = generateSessionToken();
  const session = await createSession(token, result.userId);
  await setSessionTokenCookie(token, session.expiresAt);
  redirect("/");
}
