"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { joinClass } from "@/lib/server/services/classes/join-class";

export const joinClassAction = userAction(async (user, form) => {
  const { workspace } = await joinClass(user, String(form.get("code") ?? ""));
  redirect(`/w/${workspace.slug}`);
});
