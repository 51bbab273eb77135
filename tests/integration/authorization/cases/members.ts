import { expect } from "vitest";
import * as members from "@/app/(app)/w/[workspace]/members/actions";
import { db } from "@/lib/server/db/client";
import { OWNERS } from "../actors";
import { action, form } from "../matrix";
import { memberOf, unique } from "../world";

const membership = (id: string) => db().membership.findUnique({ where: { id } });

export const memberEntries = [
  action(members.inviteMemberAction, (c) => [
    c({
      name: "invite someone",
      expect: OWNERS,
      arrange: async () => ({ email: `${unique("invitee").replace(" ", ".")}@example.org` }),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, email: t.email, role: "REVIEWER" })],
      verify: async (cell, t, allowed) =>
        expect(await db().invitation.count({ where: { workspaceId: cell.world.workspace.id, email: t.email } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(members.changeMemberRoleAction, (c) => [
    c({
      name: "make a reviewer an editor",
      expect: OWNERS,
      arrange: (cell) => memberOf(cell.world, "REVIEWER"),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, membershipId: t.membershipId, role: "EDITOR" })],
      verify: async (_cell, t, allowed) => expect((await membership(t.membershipId))?.role).toBe(allowed ? "EDITOR" : "REVIEWER"),
    }),
  ]),
  action(members.removeMemberAction, (c) => [
    c({
      name: "remove a member",
      expect: OWNERS,
      arrange: (cell) => memberOf(cell.world, "REVIEWER"),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, membershipId: t.membershipId })],
      verify: async (_cell, t, allowed) => expect(await membership(t.membershipId)).toEqual(allowed ? null : expect.objectContaining({ role: "REVIEWER" })),
    }),
  ]),
];
