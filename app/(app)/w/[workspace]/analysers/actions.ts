"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/server/action";
import { setAnalyserEnabled } from "@/lib/server/services/proposals/analyser-settings";

export const setAnalyserEnabledAction = userAction(async (user, form) => {
  const workspace = String(form.get("workspace") ?? "");
  const analyser = String(form.get("analyser") ?? "");
  const enabled = form.get("enabled") === "on";
  await setAnalyserEnabled(user, workspace, analyser, enabled);
  revalidatePath(`/w/${workspace}/analysers`);
  return { ok: true, message: `${analyser} is ${enabled ? "on" : "off"} for this workspace.` };
});
