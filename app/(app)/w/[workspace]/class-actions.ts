"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/server/action";
import { regenerateJoinCode } from "@/lib/server/services/classes/join-code";

export const regenerateJoinCodeAction = userAction(async (user, form) => {
  const slug = String(form.get("workspace") ?? "");
  await regenerateJoinCode(user, slug);
  revalidatePath(`/w/${slug}`);
  return { ok: true, message: "New code made: the old one no longer works." };
});
