"use server";

import { revalidatePath } from "next/cache";
import { userAction, userCall } from "@/lib/server/action";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/server/services/api-tokens/revoke-api-token";
import { changePassword } from "@/lib/server/services/users/change-password";

// A call rather than a form action: the answer must carry the new token, which a form's
// ActionState has no room for (and which must never be echoed back as a form value).
export const createApiTokenAction = userCall(async (user, name: string) => {
  const { token, name: saved } = await createApiToken(user, { name });
  revalidatePath("/profile");
  return { token, name: saved };
});

export const revokeApiTokenAction = userAction(async (user, form) => {
  const token = await revokeApiToken(user, String(form.get("tokenId") ?? ""));
  revalidatePath("/profile");
  return { ok: true, message: `Token “${token.name}” revoked.` };
});

export const changePasswordAction = userAction(async (user, form) => {
  await changePassword(user, {
    currentPassword: form.get("currentPassword"),
    newPassword: form.get("newPassword"),
    confirmPassword: form.get("confirmPassword"),
  });
  return { ok: true, message: "Password changed. You were signed out everywhere else." };
});
