"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";

export const createWorkspaceAction = userAction(async (user, form) => {
  const workspace = await createWorkspace(user, { name: form.get("name"), kind: form.get("kind") ?? undefined });
  redirect(`/w/${workspace.slug}`);
});
