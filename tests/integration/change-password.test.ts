import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { changePassword } from "@/lib/server/services/users/change-password";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const NEW_PASSWORD = "a fresh passphrase";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const stored = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionsValidFrom: true } });
const signIn = (email: string, password: string) => verifyCredentials({ email, password, ip: "192.0.2.7" });

describe("changePassword", () => {
  it("replaces the password: the new one signs in, the old one no longer does, earlier sessions end", async () => {
    const user = await signUp("Pat Changer");
    const before = new Date();
    const result = await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(result).toBeUndefined();
    expect(await signIn(user.email, NEW_PASSWORD)).toEqual({ id: user.id, name: user.name, email: user.email });
    expect((await failure(signIn(user.email, PASSWORD))).code).toBe("UNAUTHENTICATED");
    expect((await stored(user.id)).sessionsValidFrom!.getTime()).toBeGreaterThanOrEqual(before.getTime());
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const user = await signUp("Wes Wrong");
    const hash = (await stored(user.id)).passwordHash;
    const error = await failure(changePassword(user, { currentPassword: "not my password", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    expect(error.code).toBe("INVALID_INPUT");
    expect(error.fieldErrors).toEqual({ currentPassword: "That is not your current password." });
    expect(await stored(user.id)).toEqual({ passwordHash: hash, sessionsValidFrom: null });
    expect((await signIn(user.email, PASSWORD)).id).toBe(user.id);
  });

  it("refuses a weak, email-bearing, unconfirmed or unchanged new password by its field", async () => {
    const user = await signUp("Wanda Weak");
    const hash = (await stored(user.id)).passwordHash;
    const attempt = async (newPassword: string, confirmPassword = newPassword) => {
      const error = await failure(changePassword(user, { currentPassword: PASSWORD, newPassword, confirmPassword }));
      expect(error.code).toBe("INVALID_INPUT");
      return error.fieldErrors;
    };
    expect(await attempt("short")).toEqual({ newPassword: "Use at least 10 characters for your password." });
    expect(await attempt("password123")).toEqual({ newPassword: "That password is on every guessing list: choose another." });
    expect(await attempt(`my ${user.email.split("@")[0]} pass`)).toEqual({ newPassword: "Your password must not contain your email address." });
    expect(await attempt(NEW_PASSWORD, "a fresh passphrasf")).toEqual({ confirmPassword: "The two new passwords differ: type the same one twice." });
    expect(await attempt(PASSWORD)).toEqual({ newPassword: "The new password is your current one: choose a different one." });
    expect((await stored(user.id)).passwordHash).toBe(hash);
  });

  it("never hands back the hash, on success or failure", async () => {
    const user = await signUp("Hana Hash");
    const hash = (await stored(user.id)).passwordHash;
    const error = await failure(changePassword(user, { currentPassword: "wrong guess!", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }));
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(hash);
    const result = await changePassword(user, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD });
    expect(JSON.stringify(result ?? null)).not.toContain("$argon2");
  });
});
