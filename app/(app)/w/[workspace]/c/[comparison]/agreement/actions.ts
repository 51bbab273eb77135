"use server";

import { revalidatePath } from "next/cache";
import { userCall } from "@/lib/server/action";
import { resolveDisagreement } from "@/lib/server/services/agreement/resolve-disagreement";

export const resolveDisagreementAction = userCall(async (user, where: { workspace: string; comparison: string }, input: unknown) => {
  await resolveDisagreement(user, where.workspace, where.comparison, input);
  revalidatePath(`/w/${where.workspace}/c/${where.comparison}/agreement`);
});
