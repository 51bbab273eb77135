import type * as nextAuth from "next-auth";
import { getServerSession, type Session } from "next-auth";
import { describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/server/auth/auth-options";
import { getSessionUser } from "@/lib/server/auth/session";
import { changePassword } from "@/lib/server/services/users/change-password";
import { PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// next-auth reads the cookie of a real request; here each test says which session it carried.
vi.mock("next-auth", async (original) => ({ ...(await original<typeof nextAuth>()), getServerSession: vi.fn() }));
vi.stubEnv("NEXTAUTH_SECRET", "a-session-secret-for-the-session-tests");

const db = setupTestDb();

function carrying(session: Partial<Session> & { user: Session["user"] }) {
  vi.mocked(getServerSession).mockResolvedValue({ expires: "", ...session });
}

async function signOut(token: { sub: string; sid: string }) {
  await authOptions().events!.signOut!({ token: { ...token, exp: Math.floor(Date.now() / 1000) + 3600 }, session: undefined as never });
}

describe("sessions end on the server", () => {
  it("refuses a session's cookie once it signed out, and only that session's", async () => {
    const user = await signUp("Sid");
    const phone = { user: { id: user.id, name: user.name, email: user.email }, sid: "phone-session", signedInAt: Date.now() };
    const laptop = { ...phone, sid: "laptop-session" };
    carrying(phone);
    expect(await getSessionUser()).toMatchObject({ id: user.id });

    await signOut({ sub: user.id, sid: "phone-session" });
    expect(await getSessionUser()).toBeNull();
    carrying(laptop);
    expect(await getSessionUser()).toMatchObject({ id: user.id });
    expect(await db().endedSession.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses every session older than a password change", async () => {
    const user = await signUp("Pat");
    const before = { user: { id: user.id, name: user.name, email: user.email }, sid: "old-session", signedInAt: Date.now() - 1000 };
    carrying(before);
    expect(await getSessionUser()).toMatchObject({ id: user.id });
    await changePassword(user, { currentPassword: PASSWORD, newPassword: "a fresh passphrase", confirmPassword: "a fresh passphrase" });
    expect(await getSessionUser()).toBeNull();
    carrying({ ...before, sid: "new-session", signedInAt: Date.now() + 1 });
    expect(await getSessionUser()).toMatchObject({ id: user.id });
  });

  it("refuses a token without a session id, made before sessions could end", async () => {
    const user = await signUp("Old Token");
    carrying({ user: { id: user.id, name: user.name, email: user.email }, signedInAt: Date.now() });
    expect(await getSessionUser()).toBeNull();
  });

  it("gives each sign-in its own session id", async () => {
    const { jwt } = authOptions().callbacks!;
    const signIn = () => jwt!({ token: {}, user: { id: "u1" } as never, account: null, trigger: "signIn" });
    const [a, b] = [await signIn(), await signIn()];
    expect(a.sid).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.sid).not.toBe(b.sid);
  });
});

describe("after signing in or out", () => {
  const base = "http://localhost:3000";
  it.each([
    ["/w/demo", `${base}/w/demo`],
    [`${base}/w/demo?tab=1`, `${base}/w/demo?tab=1`],
    ["/sign-in?signedOut=1", `${base}/sign-in?signedOut=1`],
    ["/\\evil.example", `${base}/workspaces`],
    ["/\t/evil.example", `${base}/workspaces`],
    ["//evil.example", `${base}/workspaces`],
    ["https://evil.example", `${base}/workspaces`],
    [`${base}.evil.example/w`, `${base}/workspaces`],
    [`${base}@evil.example/w`, `${base}/workspaces`],
  ])("next-auth sends the browser from %j to %j", async (url, expected) => {
    expect(await authOptions().callbacks!.redirect!({ url, baseUrl: base })).toBe(expected);
  });
});
