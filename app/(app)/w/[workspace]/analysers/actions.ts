"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/server/action";
import { setAnalyserEnabled } from "@/lib/server/services/proposals/analyser-settings";
import { resetWorkspaceLexicon, saveWorkspaceLexicon } from "@/lib/server/services/proposals/workspace-lexicon";

export const setAnalyserEnabledAction = userAction(async (user, form) => {
  const workspace = String(form.get("workspace") ?? "");
  const analyser = String(form.get("analyser") ?? "");
  const enabled = form.get("enabled") === "on";
  await setAnalyserEnabled(user, workspace, analyser, enabled);
  revalidatePath(`/w/${workspace}/analysers`);
  return { ok: true, message: `${analyser} is ${enabled ? "on" : "off"} for this workspace.` };
});

export const saveLexiconAction = userAction(async (user, form) => {
  const workspace = String(form.get("workspace") ?? "");
  const { entries } = await saveWorkspaceLexicon(user, workspace, String(form.get("lexicon") ?? ""));
  revalidatePath(`/w/${workspace}/analysers`);
  return { ok: true, message: `Saved: ${entries} terms. Sources get proposals from this list the next time they are opened.` };
});

export const resetLexiconAction = userAction(async (user, form) => {
  const workspace = String(form.get("workspace") ?? "");
  await resetWorkspaceLexicon(user, workspace);
  revalidatePath(`/w/${workspace}/analysers`);
  return { ok: true, message: "This workspace uses the list Parallax ships again." };
});
