import { MAX_DB_INTEGER } from "./projects";
import { z } from "@/lib/validation/zod";

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Username must be at least 3 characters.")
  .max(32, "Username must be at most 32 characters.")
  .regex(/^[a-z0-9._-]+$/, "Use only letters, digits, dots, dashes and underscores.");

export const passwordSchema = z.string().min(10, "Password must be at least 10 characters.").max(256, "Password must be at most 256 characters.");

export const displayNameSchema = z.string().trim().min(1, "Enter a display name.").max(80, "Display name must be at most 80 characters.");

export const newUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});
export type NewUserInput = z.infer<typeof newUserSchema>;

export const loginSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, "Enter your username.").max(64),
  password: z.string().min(1, "Enter your password.").max(256),
});

export const resetPasswordSchema = z.object({
  userId: z.coerce.number().int().positive().max(MAX_DB_INTEGER),
  password: passwordSchema,
});

/** zod issues as { field: first message }, for forms. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out;
}
