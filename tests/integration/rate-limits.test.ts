import { headers } from "next/headers";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { authOptions } from "@/lib/server/auth/auth-options";
import { SIGN_UP_LIMITS } from "@/lib/server/auth/sign-up-limit";
import { SIGN_IN_LIMITS, WRONG_CREDENTIALS } from "@/lib/server/services/users/verify-credentials";
import { PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// The sign-up action reads the client address from the request headers, which only a real request has.
vi.mock("next/headers", () => ({ headers: vi.fn() }));
vi.stubEnv("NEXTAUTH_SECRET", "a-session-secret-for-the-rate-limit-tests");

const db = setupTestDb();

function fromAddress(ip: string) {
  vi.mocked(headers).mockResolvedValue(new Headers({ "x-forwarded-for": ip }) as Awaited<ReturnType<typeof headers>>);
}

function signUpForm(email: string, password = PASSWORD) {
  const form = new FormData();
  form.append("name", "Sam Signup");
  form.append("email", email);
  form.append("password", password);
  return form;
}

describe("sign-up limit", () => {
  it(`refuses an address after ${SIGN_UP_LIMITS.perIp} attempts an hour, failed ones included, and saves nothing`, async () => {
    fromAddress("203.0.113.50");
    for (let i = 0; i < SIGN_UP_LIMITS.perIp; i++) {
      // A weak password fails after the attempt is counted, without the cost of hashing.
      expect(await signUpAction(null, signUpForm(`probe${i}@example.org`, "short"))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    }
    const refused = await signUpAction(null, signUpForm("late@example.org"));
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED", message: expect.stringMatching(/Wait 60 minutes and try again/) });
    expect(await db().user.count({ where: { email: "late@example.org" } })).toBe(0);

    fromAddress("203.0.113.51");
    expect(await signUpAction(null, signUpForm("late@example.org"))).toMatchObject({ ok: true });
    expect(await db().user.count({ where: { email: "late@example.org" } })).toBe(1);
  });
});

describe("sign-in limit, through next-auth's credentials provider", () => {
  // next-auth keeps the authorize function we configured under `options` and calls it per request.
  const provider = authOptions().providers[0] as unknown as { options: Pick<CredentialsConfig, "authorize"> };
  const signIn = (email: string, password: string, ip: string) =>
    Promise.resolve(provider.options.authorize({ email, password }, { headers: { "x-forwarded-for": `${ip}, 10.0.0.1` } }));

  it("counts failures against the client's address and refuses the email after the limit, even with the right password", async () => {
    const user = await signUp("Lena");
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await expect(signIn(user.email, `guess ${i}`, "198.51.100.20")).rejects.toThrow(WRONG_CREDENTIALS);
    }
    expect(await db().signInFailure.findMany({ where: { email: user.email }, select: { ip: true } })).toEqual(
      Array.from({ length: SIGN_IN_LIMITS.perEmail }, () => ({ ip: "198.51.100.20" })),
    );
    await expect(signIn(user.email, PASSWORD, "198.51.100.21")).rejects.toThrow(/Too many failed sign-ins/);
  });

  it("signs in with the right password while under the limit", async () => {
    const user = await signUp("Mika");
    await expect(signIn(user.email, "not it", "198.51.100.30")).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signIn(user.email, PASSWORD, "198.51.100.30")).resolves.toMatchObject({ id: user.id, email: user.email });
  });
});
