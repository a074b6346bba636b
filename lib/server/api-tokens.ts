// Personal API tokens, after GitHub's personal access tokens and OWASP's advice on secrets:
// a random token shown once, only its sha256 stored. They are read-only by construction:
// the export endpoint is the only code that ever calls authenticateApiToken, and nothing
// else reads the Authorization header, so a leaked token can read exports and do nothing more.
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens, users } from "@/db/tables";
import { API_TOKEN_PREFIX, MAX_LIVE_API_TOKENS, looksLikeApiToken, type NewApiTokenInput } from "@/lib/validation/api-tokens";
import { recordAudit } from "./audit";
import { lockUser } from "./locks";
// The same sha256-hex a session id is: one hashing of tokens in the app.
import { sessionIdFromToken as hashToken, type SessionUser } from "./session";
import { first, one } from "@/db/rows";

export interface ApiTokenRow {
  id: number;
  name: string;
  lastFour: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export type CreateApiTokenResult = { ok: true; id: number; token: string; lastFour: string } | { ok: false; error: string };

export type RevokeApiTokenResult = { ok: true } | { ok: false; error: string };

export function generateApiToken(): string {
  // 32 random bytes = 256 bits; the prefix lets secret scanners and people recognise one.
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return API_TOKEN_PREFIX + encodeBase32LowerCaseNoPadding(bytes);
}

const liveTokensOf = (userId: number) => and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt));

/** Creates a token for `user`; the plain token is in the result and nowhere else, ever. */
export async function createApiToken(user: SessionUser, input: NewApiTokenInput): Promise<CreateApiTokenResult> {
  const token = generateApiToken();
  const lastFour = token.slice(-4);
  return await getDb().transaction(async (tx): Promise<CreateApiTokenResult> => {
    // Counted inside the transaction, after locking the user (on SQLite the single writer does
    // that): two tabs cannot both pass the limit.
    await lockUser(tx, user.id);
    const live = (await first(tx.select({ n: count() }).from(apiTokens).where(liveTokensOf(user.id))))?.n ?? 0;
    if (live >= MAX_LIVE_API_TOKENS) {
      return {
        ok: false,
        error: `You already have ${MAX_LIVE_API_TOKENS} tokens, the most one person may hold. Revoke one you no longer use first.`,
      };
    }
    const row = await one(
      tx
        .insert(apiTokens)
        .values({ userId: user.id, name: input.name, tokenHash: hashToken(token), lastFour })
        .returning({ id: apiTokens.id }),
    );
    // The audit row names the token by its last four characters; never the token or its hash.
    await recordAudit(tx, { actorId: user.id, action: "create", entity: "api_token", entityId: row.id, after: { name: input.name, lastFour } });
    return { ok: true, id: row.id, token, lastFour };
  });
}

/** `user`'s live tokens, newest first. */
export async function listApiTokens(user: SessionUser): Promise<ApiTokenRow[]> {
  return await getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      lastFour: apiTokens.lastFour,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(liveTokensOf(user.id))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** Revokes one of `user`'s own tokens; someone else's token is "not found", as is a revoked one. */
export async function revokeApiToken(user: SessionUser, tokenId: number): Promise<RevokeApiTokenResult> {
  return await getDb().transaction(async (tx): Promise<RevokeApiTokenResult> => {
    const revoked = await first(
      tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, tokenId), liveTokensOf(user.id)))
        .returning({ name: apiTokens.name, lastFour: apiTokens.lastFour }),
    );
    if (revoked === undefined) return { ok: false, error: "That token does not exist or is already revoked." };
    await recordAudit(tx, { actorId: user.id, action: "revoke", entity: "api_token", entityId: tokenId, before: revoked });
    return { ok: true };
  });
}

/**
 * The user a presented token acts for, or null when it is malformed, unknown, revoked or
 * belongs to a disabled user. The token's hash is the lookup key, so no secret is compared
 * in JavaScript (no timing leak). A successful use is recorded in last_used_at.
 */
export async function authenticateApiToken(token: string): Promise<SessionUser | null> {
  if (!looksLikeApiToken(token)) return null;
  const db = getDb();
  const row = await first(
    db
      .select({
        tokenId: apiTokens.id,
        user: { id: users.id, username: users.username, displayName: users.displayName, role: users.role },
      })
      .from(apiTokens)
      .innerJoin(users, eq(apiTokens.userId, users.id))
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.disabledAt))),
  );
  if (row === undefined) return null;
  await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, row.tokenId));
  return row.user;
}

/** The token in an `Authorization: Bearer <token>` header, or "" for any other scheme or shape. */
export function bearerToken(authorization: string): string {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization.trim());
  return match?.[1] ?? "";
}
