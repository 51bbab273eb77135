"use server";

import { revalidatePath } from "next/cache";
import { userAction, userCall } from "@/lib/server/action";
import { resetStudentPassword } from "@/lib/server/services/classes/reset-student-password";
import { changeMemberRole } from "@/lib/server/services/members/change-member-role";
import { inviteMember } from "@/lib/server/services/invitations/invite-member";
import { withdrawInvitation } from "@/lib/server/services/invitations/withdraw-invitation";
import { removeMember } from "@/lib/server/services/members/remove-member";

function workspaceOf(form: FormData): string {
  return String(form.get("workspace") ?? "");
}

/** Makes an invitation link and sends it on; the answer carries it (shown once, to copy) as `link`. */
export const inviteMemberAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  const invitation = await inviteMember(user, slug, { email: form.get("email"), role: form.get("role") });
  revalidatePath(`/w/${slug}/members`);
  const { delivery } = invitation;
  const sent =
    delivery.via === "email"
      ? `It was emailed to ${invitation.email}; you can also send this link yourself: it works once, for 7 days.`
      : delivery.via === "failed"
        ? `The email could not be sent (${delivery.error}); copy the link instead and send it to ${invitation.email}: it works once, for 7 days.`
        : `Send ${invitation.email} this link: it works once, for 7 days. It is also in the server log.`;
  return { ok: true, message: `Invitation made. ${sent}`, link: invitation.path };
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
