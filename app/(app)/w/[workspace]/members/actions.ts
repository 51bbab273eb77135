"use server";

import { revalidatePath } from "next/cache";
import { userAction, userCall } from "@/lib/server/action";
import { resetStudentPassword } from "@/lib/server/services/classes/reset-student-password";
import { changeMemberRole } from "@/lib/server/services/members/change-member-role";
import { inviteMember } from "@/lib/server/services/members/invite-member";
import { removeMember } from "@/lib/server/services/members/remove-member";

function workspaceOf(form: FormData): string {
  return String(form.get("workspace") ?? "");
}

export const inviteMemberAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  const result = await inviteMember(user, slug, { email: form.get("email"), role: form.get("role") });
  revalidatePath(`/w/${slug}/members`);
  return {
    ok: true,
    message:
      result.status === "added"
        ? `${result.email} already had an account and is now a member.`
        : `Invitation saved: ${result.email} joins when they create an account with that email.`,
  };
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
