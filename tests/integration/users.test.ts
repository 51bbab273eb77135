import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { createInvitation } from "@/lib/server/services/invitations/create-invitation";
import { createUser } from "@/lib/server/services/users/create-user";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { SIGN_IN_LIMITS, verifyCredentials, WRONG_CREDENTIALS } from "@/lib/server/services/users/verify-credentials";
import { PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("sign up", () => {
  it("stores an argon2id hash, never the password, and hides the hash from queries", async () => {
    const user = await createUser({ name: "Ada", email: "Ada@Example.org", password: PASSWORD });
    expect(user.email).toBe("ada@example.org");
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.passwordHash).not.toContain(PASSWORD);
  });

  it("refuses a taken email, whatever its case, with a message that says what to do", async () => {
    await createUser({ name: "Bea", email: "bea@example.org", password: PASSWORD });
    const error = await rejection(createUser({ name: "Bea 2", email: "BEA@example.org", password: PASSWORD }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.email).toMatch(/already exists.*sign in/i);
    expect(await db().user.count({ where: { email: "bea@example.org" } })).toBe(1);
  });

  it.each([
    ["too short", "short1234", /at least 10 characters/],
    ["one repeated character", "aaaaaaaaaaaa", /too easy to guess/],
    ["a common password", "password123", /guessing list/],
  ])("refuses a weak password (%s) and saves nothing", async (_case, password, message) => {
    const email = `weak.${password.length}.${Math.random()}@example.org`;
    const error = await rejection(createUser({ name: "Weak", email, password }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors?.password).toMatch(message);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });

  it("does not join a workspace by signing up with an invited address: only the invitation's link does", async () => {
    const owner = await signUp("Inviter");
    const workspace = await createWorkspace(owner, { name: "Invite desk" });
    await createInvitation(owner, workspace.slug, { email: "newcomer@example.org", role: "REVIEWER" });
    const newcomer = await createUser({ name: "Newcomer", email: "newcomer@example.org", password: PASSWORD });
    expect(await db().membership.count({ where: { workspaceId: workspace.id, userId: newcomer.id } })).toBe(0);
  });
});

describe("sign in", () => {
  it("accepts the right password and names no detail on a wrong one", async () => {
    const user = await signUp("Cleo");
    await expect(verifyCredentials({ email: user.email, password: PASSWORD, ip: "10.0.0.1" })).resolves.toMatchObject({ id: user.id });
    const wrong = await rejection(verifyCredentials({ email: user.email, password: "not the password", ip: "10.0.0.1" }));
    expect(wrong.message).toBe(WRONG_CREDENTIALS);
    const unknown = await rejection(verifyCredentials({ email: "nobody@example.org", password: PASSWORD, ip: "10.0.0.1" }));
    expect(unknown.message).toBe(WRONG_CREDENTIALS);
  });

  it("refuses an email after repeated failures, even with the right password", async () => {
    const user = await signUp("Dora");
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await rejection(verifyCredentials({ email: user.email, password: "guess number " + i, ip: `10.0.1.${i}` }));
    }
    const limited = await rejection(verifyCredentials({ email: user.email, password: PASSWORD, ip: "10.0.2.1" }));
    expect(limited.code).toBe("RATE_LIMITED");
    expect(limited.message).toMatch(/try again/i);
  });

  it("refuses an address that sprays many accounts", async () => {
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await rejection(verifyCredentials({ email: `spray${i}@example.org`, password: "whatever123", ip: "10.9.9.9" }));
    }
    const user = await signUp("Eve");
    const limited = await rejection(verifyCredentials({ email: user.email, password: PASSWORD, ip: "10.9.9.9" }));
    expect(limited.code).toBe("RATE_LIMITED");
    await expect(verifyCredentials({ email: user.email, password: PASSWORD, ip: "10.9.9.10" })).resolves.toMatchObject({ id: user.id });
  });

  it("counts failures in the database, so every app instance sees them", async () => {
    const user = await signUp("Finn");
    await rejection(verifyCredentials({ email: user.email, password: "wrong password", ip: "10.0.3.1" }));
    expect(await db().rateLimitCounter.findUnique({ where: { key: `sign-in:email:${user.email}` } })).toMatchObject({ count: 1 });
    await verifyCredentials({ email: user.email, password: PASSWORD, ip: "10.0.3.1" });
    expect(await db().rateLimitCounter.findUnique({ where: { key: `sign-in:email:${user.email}` } })).toBeNull();
    expect(await db().rateLimitCounter.findUnique({ where: { key: "sign-in:ip:10.0.3.1" } })).toMatchObject({ count: 1 });
  });
});
