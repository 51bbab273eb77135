import "server-only";
import type { Actor } from "@/lib/server/actor";
import { serverEnv } from "@/lib/server/env";
import { createInvitation } from "./create-invitation";
import { deliverInvitation } from "./deliver-invitation";
import { invitationPath } from "./invitation-token";

/**
 * Creates an invitation, then hands its link on (email when SMTP is set, server log
 * otherwise). The invitation is made first and stands whatever happens to the email;
 * the answer says how the link went out, and carries it for the owner to copy.
 */
export async function inviteMember(actor: Actor & { name: string }, workspaceSlug: string, input: unknown) {
  const invitation = await createInvitation(actor, workspaceSlug, input);
  const path = invitationPath(invitation.token);
  const link = new URL(path, serverEnv().NEXTAUTH_URL ?? "http://localhost:3000").toString();
  const delivery = await deliverInvitation({
    email: invitation.email,
    workspaceName: invitation.workspace.name,
    inviterName: actor.name,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    link,
  });
  return { ...invitation, path, link, delivery };
}
