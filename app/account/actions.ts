"use server";
import { revalidatePath } from "next/cache";
import { formString, type FormState } from "@/app/form-state";
import { createApiToken, revokeApiToken } from "@/lib/server/api-tokens";
import { requireUser } from "@/lib/server/auth";
import { newApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";
import { fieldErrors } from "@/lib/validation/users";

export interface CreateTokenState extends FormState {
  /** The new token in plain text: in this one response, never stored, never shown again. */
  token?: string;
}

export async function createTokenAction(_prev: CreateTokenState, formData: FormData): Promise<CreateTokenState> {
  const user = await requireUser();
  const values = { name: formString(formData, "name") };
  const parsed = newApiTokenSchema.safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const result = await createApiToken(user, parsed.data);
  if (!result.ok) return { message: result.error, values };
  revalidatePath("/account");
  return { ok: true, message: `Created “${parsed.data.name}”. Copy it now: it will not be shown again.`, token: result.token };
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = revokeApiTokenSchema.safeParse({ tokenId: formData.get("tokenId") });
  if (!parsed.success) return { message: "That token does not exist or is already revoked." };
  const result = await revokeApiToken(user, parsed.data.tokenId);
  if (!result.ok) return { message: result.error };
  revalidatePath("/account");
  return { ok: true, message: "Revoked." };
}
