"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/server/action";
import { clientIp } from "@/lib/server/auth/client-ip";
import { assertSignUpAllowed } from "@/lib/server/auth/sign-up-limit";
import { createUser } from "@/lib/server/services/users/create-user";

export const signUpAction = publicAction(async (form) => {
  await assertSignUpAllowed(clientIp(await headers()));
  const joinCode = form.get("joinCode");
  await createUser(
    { name: form.get("name"), email: form.get("email"), password: form.get("password") },
    { joinCode: typeof joinCode === "string" && joinCode ? joinCode : undefined },
  );
  return { ok: true, message: "Account created. Signing you in…" };
});
