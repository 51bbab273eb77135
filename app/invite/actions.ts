"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { acceptInvitation } from "@/lib/server/services/invitations/accept-invitation";

export const acceptInvitationAction = userAction(async (user, form) => {
  const { workspace } = await acceptInvitation(user, String(form.get("token") ?? ""));
  redirect(`/w/${workspace.slug}`);
});
