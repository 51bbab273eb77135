import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { hashApiToken } from "@/lib/server/services/api-tokens/api-token-fields";
import { authenticateApiToken } from "@/lib/server/services/api-tokens/authenticate-api-token";
import { createApiToken, MAX_LIVE_API_TOKENS } from "@/lib/server/services/api-tokens/create-api-token";
import { findApiTokens } from "@/lib/server/services/api-tokens/find-api-tokens";
import { revokeApiToken } from "@/lib/server/services/api-tokens/revoke-api-token";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("API tokens", () => {
  it("hands the token out once, in the plx_ format, and authenticates its owner with it", async () => {
    const user = await signUp("Tessa");
    const created = await createApiToken(user, { name: "  nightly import  " });
    expect(created.token).toMatch(/^plx_[A-Za-z0-9_-]{43}$/);
    expect(created.name).toBe("nightly import");
    expect(await authenticateApiToken(created.token)).toEqual({ id: user.id, name: user.name, email: user.email });
  });

  it("stores only the SHA-256 of the token, and never lists the hash", async () => {
    const user = await signUp("Ugo");
    const { id, token } = await createApiToken(user, { name: "script" });
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).toBe(hashApiToken(token));
    expect(stored.tokenHash).not.toContain(token.slice(4));
    const listed = await findApiTokens(user);
    expect(listed).toEqual([{ id, name: "script", createdAt: stored.createdAt, lastUsedAt: null, revokedAt: null }]);
    expect(JSON.stringify(listed)).not.toContain(stored.tokenHash);
  });

  it("refuses unknown, malformed and revoked tokens", async () => {
    const user = await signUp("Vera");
    const { id, token } = await createApiToken(user, { name: "laptop" });
    expect(await authenticateApiToken(`plx_${"A".repeat(43)}`)).toBeNull();
    expect(await authenticateApiToken("not-a-token")).toBeNull();
    expect(await authenticateApiToken(`${token}x`)).toBeNull();

    const revoked = await revokeApiToken(user, id);
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await authenticateApiToken(token)).toBeNull();
    // Idempotent: revoking again succeeds and keeps the first revocation time.
    expect((await revokeApiToken(user, id)).revokedAt).toEqual(revoked.revokedAt);
  });

  it("lets nobody revoke or see another user's tokens", async () => {
    const owner = await signUp("Wanda");
    const other = await signUp("Xavier");
    const { id, token } = await createApiToken(owner, { name: "mine" });
    expect((await failure(revokeApiToken(other, id))).code).toBe("NOT_FOUND");
    expect(await findApiTokens(other)).toEqual([]);
    expect(await authenticateApiToken(token)).toMatchObject({ id: owner.id });
  });

  it("records the last use at most once a minute", async () => {
    const user = await signUp("Yara");
    const { id, token } = await createApiToken(user, { name: "poller" });
    await authenticateApiToken(token);
    const first = (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await authenticateApiToken(token);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);

    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await db().apiToken.update({ where: { id }, data: { lastUsedAt: twoMinutesAgo } });
    await authenticateApiToken(token);
    const later = (await db().apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(later!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());
  });

  it("requires a name and allows at most 20 active tokens per user, even when requests race", async () => {
    const user = await signUp("Zeno");
    expect((await failure(createApiToken(user, { name: "   " }))).fieldErrors?.name).toMatch(/name/);
    expect(MAX_LIVE_API_TOKENS).toBe(20);
    const attempts = await Promise.allSettled(Array.from({ length: 25 }, (_, i) => createApiToken(user, { name: `token ${i}` })));
    const created = attempts.flatMap((a) => (a.status === "fulfilled" ? [a.value] : []));
    expect(created).toHaveLength(20);
    const refused = await failure(createApiToken(user, { name: "one too many" }));
    expect(refused.code).toBe("CONFLICT");
    expect(refused.message).toMatch(/Revoke one/);
    // Revoked tokens do not count, and other users have their own allowance.
    await revokeApiToken(user, created[0]!.id);
    await expect(createApiToken(user, { name: "replacement" })).resolves.toMatchObject({ name: "replacement" });
    await expect(createApiToken(await signUp("Other"), { name: "theirs" })).resolves.toMatchObject({ name: "theirs" });
  });
});
