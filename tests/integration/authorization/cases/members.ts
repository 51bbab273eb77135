import { expect } from "vitest";
import * as members from "@/app/(app)/w/[workspace]/members/actions";
import { db } from "@/lib/server/db/client";
import { OWNERS, type Expectation } from "../actors";
import { action, form } from "../matrix";
import { newcomerIn, unique } from "../world";

const membership = (id: string) => db().membership.findUnique({ where: { id } });
const passwordHash = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;

/** Teams invite and give roles; a class has neither (students join with its code, roles are teacher and student). */
const TEAM_OWNERS: Expectation = { ...OWNERS, teacher: 400 };
/** A teacher resets their students' passwords; a team's members keep theirs to themselves. */
const TEACHERS_RESET: Expectation = { ...OWNERS, owner: 403 };

export const memberEntries = [
  action(members.inviteMemberAction, (c) => [
    c({
      name: "invite someone",
      expect: TEAM_OWNERS,
      arrange: async () => ({ email: `${unique("invitee").replace(" ", ".")}@example.org` }),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, email: t.email, role: "REVIEWER" })],
      verify: async (cell, t, allowed) =>
        expect(await db().invitation.count({ where: { workspaceId: cell.world.workspace.id, email: t.email } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(members.changeMemberRoleAction, (c) => [
    c({
      name: "make a reviewer (in a class: a student) an editor",
      expect: TEAM_OWNERS,
      arrange: (cell) => newcomerIn(cell.world),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, membershipId: t.membershipId, role: "EDITOR" })],
      verify: async (cell, t, allowed) => expect((await membership(t.membershipId))?.role).toBe(allowed ? "EDITOR" : cell.world.classroom ? "STUDENT" : "REVIEWER"),
    }),
  ]),
  action(members.removeMemberAction, (c) => [
    c({
      name: "remove a member",
      expect: OWNERS,
      arrange: (cell) => newcomerIn(cell.world),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, membershipId: t.membershipId })],
      verify: async (_cell, t, allowed) => expect((await membership(t.membershipId)) === null).toBe(allowed),
    }),
  ]),
  action(members.resetStudentPasswordAction, (c) => [
    c({
      name: "reset a student's (in a team: a reviewer's) password",
      expect: TEACHERS_RESET,
      arrange: async (cell) => {
        const newcomer = await newcomerIn(cell.world);
        return { ...newcomer, hash: await passwordHash(newcomer.user.id) };
      },
      args: (cell, t) => [cell.world.workspace.slug, t.membershipId],
      verify: async (_cell, t, allowed) => expect((await passwordHash(t.user.id)) !== t.hash).toBe(allowed),
    }),
  ]),
];
