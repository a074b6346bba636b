// Personal API tokens on a real database: created and shown once, stored only as a hash,
// listed, revoked, limited, and refused for disabled users. The account page and its server
// actions run for real; only what Next.js provides per request is stubbed.
import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import AccountPage from "@/app/account/page";
import { createTokenAction, revokeTokenAction } from "@/app/account/actions";
import { EMPTY_FORM_STATE } from "@/app/form-state";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { first } from "@/db/rows";
import { apiTokens, auditLog } from "@/db/tables";
import { authenticateApiToken, bearerToken, createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/api-tokens";
import type { SessionUser } from "@/lib/server/session";
import { setUserDisabled } from "@/lib/server/users";
import { MAX_LIVE_API_TOKENS } from "@/lib/validation/api-tokens";
import { admin, reviewer, signInAs } from "./helpers";

vi.mock("next/headers", async () => (await import("./helpers")).nextHeadersMock);
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), connection: async () => undefined }));

const tokenRow = async (id: number): Promise<typeof apiTokens.$inferSelect | undefined> =>
  await first(getDb().select().from(apiTokens).where(eq(apiTokens.id, id)));
const sha256Hex = (s: string): string => encodeHexLowerCase(sha256(new TextEncoder().encode(s)));

async function created(user: SessionUser, name: string): Promise<{ id: number; token: string }> {
  const result = await createApiToken(user, { name });
  if (!result.ok) throw new Error(result.error);
  return result;
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}

let ana: SessionUser;
let bo: SessionUser;

beforeAll(async () => {
  await admin();
  ana = await reviewer("ana");
  bo = await reviewer("bo");
});

describe("creating a token", () => {
  it("returns a pdt_ token once and stores only its sha256, the name and the last four characters", async () => {
    const { id, token } = await created(ana, "CI export script");
    expect(token).toMatch(/^pdt_[a-z2-7]{52}$/);
    expect(await tokenRow(id)).toMatchObject({
      userId: ana.id,
      name: "CI export script",
      tokenHash: sha256Hex(token),
      lastFour: token.slice(-4),
      lastUsedAt: null,
      revokedAt: null,
    });
    // Nowhere in the database is the token itself, nor its random part.
    const dump = JSON.stringify(await getDb().select().from(apiTokens)) + JSON.stringify(await getDb().select().from(auditLog));
    expect(dump).not.toContain(token.slice(4));
    expect(await authenticateApiToken(token)).toEqual({ id: ana.id, username: "ana", displayName: "ana", role: "member" });
  });

  it("mints a different token each time", async () => {
    const a = await created(ana, "one");
    const b = await created(ana, "two");
    expect(a.token).not.toBe(b.token);
    expect((await authenticateApiToken(a.token))?.id).toBe(ana.id);
    expect((await authenticateApiToken(b.token))?.id).toBe(ana.id);
  });

  it("records when a token was last used", async () => {
    const { id, token } = await created(ana, "usage");
    expect((await tokenRow(id))?.lastUsedAt).toBeNull();
    const before = Date.now();
    await authenticateApiToken(token);
    expect((await tokenRow(id))?.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe("tokens that are refused", () => {
  it("refuses unknown and malformed tokens, and one with a single character changed", async () => {
    const { token } = await created(ana, "real");
    const flipped = token.slice(0, -1) + (token.endsWith("a") ? "b" : "a");
    for (const t of ["", "pdt_", "pdt_short", `pdt_${"a".repeat(52)}`, flipped, token.toUpperCase(), `${token}a`, token.slice(4)]) {
      expect(await authenticateApiToken(t)).toBeNull();
    }
    expect((await authenticateApiToken(token))?.id).toBe(ana.id);
  });

  it("stops a revoked token at once and audits the revocation", async () => {
    const { id, token } = await created(ana, "to revoke");
    expect(await revokeApiToken(ana, id)).toEqual({ ok: true });
    expect(await authenticateApiToken(token)).toBeNull();
    expect((await tokenRow(id))?.revokedAt).not.toBeNull();
    const audit = await first(
      getDb()
        .select({ actorId: auditLog.actorId, before: auditLog.before })
        .from(auditLog)
        .where(and(eq(auditLog.entity, "api_token"), eq(auditLog.action, "revoke"), eq(auditLog.entityId, id))),
    );
    expect(audit?.actorId).toBe(ana.id);
    expect(audit?.before).toEqual({ name: "to revoke", lastFour: token.slice(-4) });
    expect((await revokeApiToken(ana, id)).ok).toBe(false);
  });

  it("lets nobody revoke another person's token", async () => {
    const { id, token } = await created(ana, "ana's");
    expect(await revokeApiToken(bo, id)).toMatchObject({ ok: false });
    expect((await authenticateApiToken(token))?.id).toBe(ana.id);
  });

  it("stops a disabled user's tokens, and only theirs", async () => {
    const carl = await reviewer("carl");
    const { token } = await created(carl, "carl's");
    const other = await created(ana, "still fine");
    expect((await setUserDisabled(await admin(), carl.id, true)).ok).toBe(true);
    expect(await authenticateApiToken(token)).toBeNull();
    expect((await authenticateApiToken(other.token))?.id).toBe(ana.id);
  });
});

describe("listing and the limit", () => {
  it("lists a user's live tokens without any secret, newest first, and not other people's", async () => {
    const dee = await reviewer("dee");
    const first = await created(dee, "first");
    const second = await created(dee, "second");
    const gone = await created(dee, "gone");
    await revokeApiToken(dee, gone.id);
    await created(bo, "bo's");
    await authenticateApiToken(first.token);
    const rows = await listApiTokens(dee);
    expect(rows.map((r) => r.name)).toEqual(["second", "first"]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["createdAt", "id", "lastFour", "lastUsedAt", "name"]);
    expect(rows[0]).toMatchObject({ id: second.id, lastFour: second.token.slice(-4), lastUsedAt: null });
    expect(rows[1]!.lastUsedAt).toBeInstanceOf(Date);
  });

  it(`allows at most ${MAX_LIVE_API_TOKENS} live tokens, and another once one is revoked`, async () => {
    const eve = await reviewer("eve");
    const ids: number[] = [];
    for (let i = 0; i < MAX_LIVE_API_TOKENS; i++) ids.push((await created(eve, `t${i}`)).id);
    const refused = await createApiToken(eve, { name: "one too many" });
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? "" : refused.error).toMatch(/20 tokens.*Revoke/);
    await revokeApiToken(eve, ids[0]!);
    expect((await createApiToken(eve, { name: "now fits" })).ok).toBe(true);
  });
});

describe("the Authorization header", () => {
  it("reads only the Bearer scheme", () => {
    expect(bearerToken("Bearer pdt_abc")).toBe("pdt_abc");
    expect(bearerToken("bearer   pdt_abc ")).toBe("pdt_abc");
    expect(bearerToken("Basic pdt_abc")).toBe("");
    expect(bearerToken("Bearer")).toBe("");
    expect(bearerToken("Bearer a b")).toBe("");
  });
});

describe("the account page and its actions", () => {
  it("shows a new token once: in the action's answer, never on the page", async () => {
    const fay = await reviewer("fay");
    await signInAs(fay);
    const state = await createTokenAction(EMPTY_FORM_STATE, form({ name: "  nightly backup  " }));
    expect(state.ok).toBe(true);
    expect(state.token).toMatch(/^pdt_/);
    expect((await authenticateApiToken(state.token!))?.id).toBe(fay.id);
    const html = renderToStaticMarkup(await AccountPage());
    expect(html).toContain("nightly backup");
    expect(html).toContain(`…${state.token!.slice(-4)}`);
    expect(html).not.toContain(state.token!.slice(4, 20));
  });

  it("refuses a blank name with a field error and creates nothing", async () => {
    const gus = await reviewer("gus");
    await signInAs(gus);
    const state = await createTokenAction(EMPTY_FORM_STATE, form({ name: "   " }));
    expect(state.errors?.name).toMatch(/name/i);
    expect(state.token).toBeUndefined();
    expect(await listApiTokens(gus)).toEqual([]);
  });

  it("revokes only the signed-in user's own token", async () => {
    const { id, token } = await created(ana, "from the page");
    await signInAs(bo);
    expect((await revokeTokenAction(EMPTY_FORM_STATE, form({ tokenId: String(id) }))).ok).toBeUndefined();
    expect((await authenticateApiToken(token))?.id).toBe(ana.id);
    await signInAs(ana);
    expect((await revokeTokenAction(EMPTY_FORM_STATE, form({ tokenId: String(id) }))).ok).toBe(true);
    expect(await authenticateApiToken(token)).toBeNull();
    expect(renderToStaticMarkup(await AccountPage())).not.toContain("from the page");
  });
});
