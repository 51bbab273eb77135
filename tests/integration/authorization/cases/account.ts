import { expect } from "vitest";
import * as signUp from "@/app/(auth)/sign-up/actions";
import * as profile from "@/app/(app)/profile/actions";
import * as workspaces from "@/app/(app)/workspaces/actions";
import * as nextAuth from "@/app/api/auth/[...nextauth]/route";
import * as health from "@/app/api/health/route";
import { db } from "@/lib/server/db/client";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { PUBLIC, SIGNED_IN, UNSEEN } from "../actors";
import { action, exempt, form, route } from "../matrix";
import { unique } from "../world";
import { PASSWORD } from "../../helpers/factories";

const userRow = (id: string) => db().user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionsValidFrom: true } });
const tokenRow = (id: string) => db().apiToken.findUniqueOrThrow({ where: { id } });

export const accountEntries = [
  exempt(
    nextAuth.GET,
    "next-auth's own endpoints (sign-in, sign-out, session, CSRF) are public by design; sign-in goes through verifyCredentials, whose limits users.test.ts and rate-limits.test.ts check",
  ),
  route(health.GET, (c) => [
    c({
      name: "check the app's health",
      expect: PUBLIC,
      request: () => ({ params: {} }),
      shows: (body) => (body as { status: string }).status === "ok",
    }),
  ]),
  action(signUp.signUpAction, (c) => [
    c({
      name: "create an account",
      expect: PUBLIC,
      arrange: async () => ({ email: `${unique("newcomer").replace(" ", ".")}@example.org` }),
      args: (_cell, t) => [null, form({ name: "Nia Newcomer", email: t.email, password: PASSWORD })],
      verify: async (_cell, t, allowed) => expect(await db().user.count({ where: { email: t.email } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(workspaces.createWorkspaceAction, (c) => [
    c({
      name: "create a workspace",
      expect: SIGNED_IN,
      arrange: async () => ({ name: unique("Night desk") }),
      args: (_cell, t) => [null, form({ name: t.name })],
      verify: async (cell, t, allowed) => {
        const owners = await db().membership.findMany({ where: { workspace: { name: t.name } }, select: { userId: true, role: true } });
        expect(owners).toEqual(allowed ? [{ userId: cell.user?.id, role: "OWNER" }] : []);
      },
    }),
  ]),
  action(profile.createApiTokenAction, (c) => [
    c({
      name: "create a personal API token",
      expect: SIGNED_IN,
      arrange: async () => ({ name: unique("nightly import") }),
      args: (_cell, t) => [t.name],
      verify: async (cell, t, allowed) => {
        const made = await db().apiToken.findMany({ where: { name: t.name }, select: { userId: true } });
        expect(made).toEqual(allowed ? [{ userId: cell.user?.id }] : []);
      },
    }),
  ]),
  action(profile.revokeApiTokenAction, (c) => [
    c({
      name: "revoke someone else's token",
      expect: UNSEEN,
      arrange: (cell) => createApiToken(cell.world.colleague, { name: unique("colleague's script") }),
      args: (_cell, t) => [null, form({ tokenId: t.id })],
      verify: async (_cell, t, allowed) => expect((await tokenRow(t.id)).revokedAt !== null).toBe(allowed),
    }),
    c({
      name: "revoke own token",
      expect: SIGNED_IN,
      arrange: (cell) => createApiToken(cell.user ?? cell.world.colleague, { name: unique("own script") }),
      args: (_cell, t) => [null, form({ tokenId: t.id })],
      verify: async (_cell, t, allowed) => expect((await tokenRow(t.id)).revokedAt !== null).toBe(allowed),
    }),
  ]),
  action(profile.changePasswordAction, (c) => [
    c({
      name: "change own password",
      expect: SIGNED_IN,
      arrange: async (cell) => (cell.user ? userRow(cell.user.id) : null),
      args: () => [null, form({ currentPassword: PASSWORD, newPassword: "a new long passphrase", confirmPassword: "a new long passphrase" })],
      verify: async (cell, before, allowed) => {
        if (!cell.user || !before) return;
        const after = await userRow(cell.user.id);
        expect(after.passwordHash !== before.passwordHash).toBe(allowed);
        // The actors are shared by every case: their password goes back for the ones after this.
        await db().user.update({ where: { id: cell.user.id }, data: before });
      },
    }),
  ]),
];
