"use server";

import { publicAction } from "@/lib/server/action";
import { createUser } from "@/lib/server/services/users/create-user";

export const signUpAction = publicAction(async (form) => {
  await createUser({ name: form.get("name"), email: form.get("email"), password: form.get("password") });
  return { ok: true, message: "Account created. Signing you in…" };
});
