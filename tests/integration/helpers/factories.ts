import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { acceptInvitation } from "@/lib/server/services/invitations/accept-invitation";
import { createInvitation } from "@/lib/server/services/invitations/create-invitation";
import { createUser } from "@/lib/server/services/users/create-user";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";

export const PASSWORD = "correct horse battery";

/** A signed-up user with a unique email. */
export async function signUp(name = "Test User") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@example.org`;
  return createUser({ name, email, password: PASSWORD });
}

/** A user who owns a fresh workspace. */
export async function ownerWithWorkspace(name = "Owner") {
  const owner = await signUp(name);
  const workspace = await createWorkspace(owner, { name: `${name}'s desk` });
  return { owner, workspace };
}

/** Adds someone with an account to a workspace the way the app does: the owner invites, they open the link. */
export async function addMember(owner: Actor, workspaceSlug: string, invite: { email: string; role: string }) {
  const { token } = await createInvitation(owner, workspaceSlug, invite);
  const user = await db().user.findUniqueOrThrow({ where: { email: invite.email }, select: { id: true } });
  return acceptInvitation(user, token);
}
