// Personal API tokens: the name a person gives one, which token to revoke, and what a
// presented token must look like before it is worth hashing and looking up.
import { z } from "@/lib/validation/zod";
import { idSchema } from "./projects";

/** Every token starts with this, so secret scanners and people can recognise one. */
export const API_TOKEN_PREFIX = "pdt_";
/** The most live (unrevoked) tokens one person may hold. */
export const MAX_LIVE_API_TOKENS = 20;

// 32 random bytes in lower-case base32 without padding: ceil(256 / 5) = 52 characters.
const API_TOKEN_SHAPE = /^pdt_[a-z2-7]{52}$/;

export const apiTokenNameSchema = z
  .string()
  .trim()
  .min(1, "Give the token a name, such as “CI export script”.")
  .max(80, "A token name must be at most 80 characters.");

export const newApiTokenSchema = z.object({ name: apiTokenNameSchema });
export type NewApiTokenInput = z.infer<typeof newApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: idSchema });

/** True when `token` has the shape of one of ours (checked before any database work). */
export function looksLikeApiToken(token: string): boolean {
  return API_TOKEN_SHAPE.test(token);
}
