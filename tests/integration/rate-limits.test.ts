import { headers } from "next/headers";
import type { CredentialsConfig } from "next-auth/providers/credentials";
import { describe, expect, it, vi } from "vitest";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { authOptions } from "@/lib/server/auth/auth-options";
import { PEER_ADDRESS_HEADER } from "@/lib/server/auth/client-ip";
import { SIGN_UP_LIMITS } from "@/lib/server/auth/sign-up-limit";
import { SIGN_IN_LIMITS, WRONG_CREDENTIALS } from "@/lib/server/services/users/verify-credentials";
import { changePassword } from "@/lib/server/services/users/change-password";
import { PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// The sign-up action reads the client address from the request headers, which only a real request has.
vi.mock("next/headers", () => ({ headers: vi.fn() }));
vi.stubEnv("NEXTAUTH_SECRET", "a-session-secret-for-the-rate-limit-tests");

const db = setupTestDb();

function fromAddress(ip: string) {
  vi.mocked(headers).mockResolvedValue(new Headers({ [PEER_ADDRESS_HEADER]: ip }) as Awaited<ReturnType<typeof headers>>);
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
    Promise.resolve(provider.options.authorize({ email, password }, { headers: { [PEER_ADDRESS_HEADER]: ip } }));

  it("counts failures against the client's address and refuses the email after the limit, even with the right password", async () => {
    const user = await signUp("Lena");
    for (let i = 0; i < SIGN_IN_LIMITS.perEmail; i++) {
      await expect(signIn(user.email, `guess ${i}`, "198.51.100.20")).rejects.toThrow(WRONG_CREDENTIALS);
    }
    const counters = await db().rateLimitCounter.findMany({ where: { key: { contains: "198.51.100.2" } }, select: { key: true, count: true } });
    expect(counters).toEqual([{ key: "sign-in:ip:198.51.100.20", count: SIGN_IN_LIMITS.perEmail }]);
    await expect(signIn(user.email, PASSWORD, "198.51.100.21")).rejects.toThrow(/Too many failed sign-ins/);
  });

  it("signs in with the right password while under the limit", async () => {
    const user = await signUp("Mika");
    await expect(signIn(user.email, "not it", "198.51.100.30")).rejects.toThrow(WRONG_CREDENTIALS);
    await expect(signIn(user.email, PASSWORD, "198.51.100.30")).resolves.toMatchObject({ id: user.id, email: user.email });
  });
});

// Counted, then checked, 30 parallel guesses all read a count under the limit and ~29 got
// through; counting and checking in one statement lets exactly the allowance through.
describe("limits under parallel requests", () => {
  const provider = authOptions().providers[0] as unknown as { options: Pick<CredentialsConfig, "authorize"> };
  const outcomes = async (attempts: Promise<unknown>[]) => {
    const settled = await Promise.allSettled(attempts);
    const said = settled.map((s) => (s.status === "rejected" ? String((s.reason as Error).message) : "signed in"));
    return { wrong: said.filter((m) => m === WRONG_CREDENTIALS).length, limited: said.filter((m) => /Too many failed sign-ins/.test(m)).length };
  };

  it(`lets exactly ${SIGN_IN_LIMITS.perEmail} of 30 parallel wrong guesses at one email be checked`, async () => {
    const user = await signUp("Parallel Pat");
    const guesses = Array.from({ length: 30 }, (_, i) =>
      Promise.resolve(provider.options.authorize({ email: user.email, password: `guess ${i}` }, { headers: { [PEER_ADDRESS_HEADER]: `192.0.2.${i}` } })),
    );
    expect(await outcomes(guesses)).toEqual({ wrong: SIGN_IN_LIMITS.perEmail, limited: 30 - SIGN_IN_LIMITS.perEmail });
  });

  it(`lets exactly ${SIGN_IN_LIMITS.perIp} of 30 parallel wrong guesses from one address be checked`, async () => {
    const guesses = Array.from({ length: 30 }, (_, i) =>
      Promise.resolve(provider.options.authorize({ email: `spray${i}@example.org`, password: "whatever123" }, { headers: { [PEER_ADDRESS_HEADER]: "192.0.2.200" } })),
    );
    expect(await outcomes(guesses)).toEqual({ wrong: SIGN_IN_LIMITS.perIp, limited: 30 - SIGN_IN_LIMITS.perIp });
  });

  it(`lets exactly ${SIGN_UP_LIMITS.perIp} of ${SIGN_UP_LIMITS.perIp + 10} parallel sign-ups from one address be tried`, async () => {
    fromAddress("203.0.113.60");
    const results = await Promise.all(
      Array.from({ length: SIGN_UP_LIMITS.perIp + 10 }, (_, i) => signUpAction(null, signUpForm(`rush${i}@example.org`, "short"))),
    );
    const codes = results.map((r) => (r && !r.ok ? r.code : "ok"));
    expect(codes.filter((c) => c === "INVALID_INPUT")).toHaveLength(SIGN_UP_LIMITS.perIp);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(10);
  });

  it(`checks exactly ${SIGN_IN_LIMITS.perEmail} of 30 parallel guesses at the current password, sharing the sign-in allowance`, async () => {
    const user = await signUp("Parallel Quinn");
    const guesses = Array.from({ length: 30 }, (_, i) =>
      changePassword(user, { currentPassword: `guess ${i}`, newPassword: "a fresh passphrase", confirmPassword: "a fresh passphrase" }),
    );
    const settled = await Promise.allSettled(guesses);
    const codes = settled.map((s) => (s.status === "rejected" ? (s.reason as { code: string }).code : "changed"));
    expect(codes.filter((c) => c === "INVALID_INPUT")).toHaveLength(SIGN_IN_LIMITS.perEmail);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(30 - SIGN_IN_LIMITS.perEmail);
    await expect(Promise.resolve(provider.options.authorize({ email: user.email, password: PASSWORD }, { headers: {} }))).rejects.toThrow(/Too many failed sign-ins/);
  });
});

// Before, the first X-Forwarded-For entry was believed from anyone: a prober could give
// every attempt another made-up address and never reach the per-address limit.
describe("the per-address limit and X-Forwarded-For", () => {
  const provider = authOptions().providers[0] as unknown as { options: Pick<CredentialsConfig, "authorize"> };

  it("counts a client by the connection's address, whatever X-Forwarded-For it sends, when no proxy is trusted", async () => {
    const guesses = Array.from({ length: SIGN_IN_LIMITS.perIp + 1 }, (_, i) =>
      Promise.resolve(
        provider.options.authorize(
          { email: `forged${i}@example.org`, password: "whatever123" },
          { headers: { [PEER_ADDRESS_HEADER]: "203.0.113.99", "x-forwarded-for": `198.18.0.${i}` } },
        ),
      ).then(() => "signed in", (error: Error) => error.message),
    );
    const said = await Promise.all(guesses);
    expect(said.filter((m) => /Too many failed sign-ins/.test(m))).toHaveLength(1);
    expect(await db().rateLimitCounter.count({ where: { key: { startsWith: "sign-in:ip:198.18." } } })).toBe(0);
  });
});
