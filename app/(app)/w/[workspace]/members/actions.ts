"use server";

import { revalidatePath } from "next/cache";
import { userAction, userCall } from "@/lib/server/action";
import { resetStudentPassword } from "@/lib/server/services/classes/reset-student-password";
import { changeMemberRole } from "@/lib/server/services/members/change-member-role";
import { serverEnv } from "@/lib/server/env";
import { createInvitation } from "@/lib/server/services/invitations/create-invitation";
import { deliverInvitation } from "@/lib/server/services/invitations/deliver-invitation";
import { invitationPath } from "@/lib/server/services/invitations/invitation-token";
import { withdrawInvitation } from "@/lib/server/services/invitations/withdraw-invitation";
import { removeMember } from "@/lib/server/services/members/remove-member";

function workspaceOf(form: FormData): string {
  return String(form.get("workspace") ?? "");
}

/** Makes an invitation link; the answer carries it (shown once, to copy) as `link`. */
export const inviteMemberAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  const invitation = await createInvitation(user, slug, { email: form.get("email"), role: form.get("role") });
  const path = invitationPath(invitation.token);
  deliverInvitation({
    email: invitation.email,
    workspaceName: invitation.workspace.name,
    inviterName: user.name,
    link: new URL(path, serverEnv().NEXTAUTH_URL ?? "http://localhost:3000").toString(),
  });
  revalidatePath(`/w/${slug}/members`);
  return {
    ok: true,
    message: `Invitation made. Send ${invitation.email} this link: it works once, for 7 days. It is also in the server log.`,
    link: path,
  };
});

export const withdrawInvitationAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  await withdrawInvitation(user, slug, { invitationId: form.get("invitationId") });
  revalidatePath(`/w/${slug}/members`);
  return { ok: true, message: "Invitation withdrawn: its link no longer works." };
});

export const changeMemberRoleAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  await changeMemberRole(user, slug, { membershipId: form.get("membershipId"), role: form.get("role") });
  revalidatePath(`/w/${slug}/members`);
  return { ok: true, message: "Role changed." };
});

export const removeMemberAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  await removeMember(user, slug, { membershipId: form.get("membershipId") });
  revalidatePath(`/w/${slug}/members`);
  return { ok: true, message: "Member removed." };
});

// A call rather than a form action: the answer carries the new password, shown once.
export const resetStudentPasswordAction = userCall(async (user, workspaceSlug: string, membershipId: string) =>
  resetStudentPassword(user, workspaceSlug, membershipId),
);
