import { randomUUID } from "node:crypto";
import { createUser } from "@/lib/server/services/users/create-user";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";

export const PASSWORD = "correct horse battery";

/** A signed-up user with a unique email. */
export async function signUp(name = "Test User") {
  const email = `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 8)}@example.org`;
  return createUser({ name, email, password: PASSWORD });
}

/** A user who owns a fresh workspace. */
export async function ownerWithWorkspace(name = "Owner") {
  const owner = await signUp(name);
  const workspace = await createWorkspace(owner, { name: `${name}'s desk` });
  return { owner, workspace };
}
