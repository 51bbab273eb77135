import { expect } from "vitest";
import * as members from "@/app/(app)/w/[workspace]/members/actions";
import * as invite from "@/app/invite/actions";
import { db } from "@/lib/server/db/client";
import { createInvitation } from "@/lib/server/services/invitations/create-invitation";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { OWNERS, SIGNED_IN, type Expectation } from "../actors";
import { signUp } from "../../helpers/factories";
import { action, form } from "../matrix";
import { newcomerIn, unique } from "../world";

const membership = (id: string) => db().membership.findUnique({ where: { id } });
const passwordHash = async (userId: string) => (await db().user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })).passwordHash;

/** Teams invite and give roles; a class has neither (students join with its code, roles are teacher and student). */
const TEAM_OWNERS: Expectation = { ...OWNERS, teacher: 400 };
const inviteeEmail = () => `${unique("invitee").replace(" ", ".")}@example.org`;

/** An invitation to a fresh workspace of someone else's, so any signed-in actor may use the link. */
async function invitationElsewhere() {
  const owner = await signUp(unique("Inviting Owner"));
  const workspace = await createWorkspace(owner, { name: unique("Invited desk") });
  const invitation = await createInvitation(owner, workspace.slug, { email: inviteeEmail(), role: "REVIEWER" });
  return { workspaceId: workspace.id, token: invitation.token, id: invitation.id };
}

/** A teacher resets their students' passwords; a team's members keep theirs to themselves. */
const TEACHERS_RESET: Expectation = { ...OWNERS, owner: 403 };

export const memberEntries = [
  action(members.inviteMemberAction, (c) => [
    c({
      name: "invite someone",
      expect: TEAM_OWNERS,
      arrange: async () => ({ email: inviteeEmail() }),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, email: t.email, role: "REVIEWER" })],
      verify: async (cell, t, allowed, reply) => {
        expect(await db().invitation.count({ where: { workspaceId: cell.world.workspace.id, email: t.email } })).toBe(allowed ? 1 : 0);
        if (allowed) expect((reply.body as { link: string }).link).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
      },
    }),
  ]),
  action(members.withdrawInvitationAction, (c) => [
    c({
      name: "withdraw an invitation",
      expect: OWNERS,
      arrange: async (cell) => {
        const invitation = await db().invitation.create({
          data: { workspaceId: cell.world.workspace.id, email: inviteeEmail(), role: "REVIEWER", invitedById: cell.world.owner.id, tokenHash: unique("hash"), expiresAt: new Date(Date.now() + 60_000) },
        });
        return { id: invitation.id };
      },
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, invitationId: t.id })],
      verify: async (_cell, t, allowed) => expect((await db().invitation.findUniqueOrThrow({ where: { id: t.id } })).withdrawnAt !== null).toBe(allowed),
    }),
  ]),
  action(invite.acceptInvitationAction, (c) => [
    c({
      name: "join a workspace with an invitation link",
      expect: SIGNED_IN,
      arrange: invitationElsewhere,
      args: (_cell, t) => [null, form({ token: t.token })],
      verify: async (cell, t, allowed) => {
        expect(await db().membership.count({ where: { workspaceId: t.workspaceId, userId: cell.user?.id ?? "" } })).toBe(allowed ? 1 : 0);
        expect((await db().invitation.findUniqueOrThrow({ where: { id: t.id } })).acceptedById).toBe(allowed ? cell.user?.id : null);
      },
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
