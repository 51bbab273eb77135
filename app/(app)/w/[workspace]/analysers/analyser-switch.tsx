"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { setAnalyserEnabledAction } from "./actions";

/** Switches one analyser on or off for the workspace (owners and editors). */
export function AnalyserSwitch({ workspaceSlug, analyser, enabled }: { workspaceSlug: string; analyser: string; enabled: boolean }) {
  const [state, action] = useActionState(setAnalyserEnabledAction, null);
  return (
    <form action={action} className="form--inline" style={{ gap: "0.5rem", alignItems: "center" }}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="analyser" value={analyser} />
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      <SubmitButton pendingLabel="Saving…">{enabled ? `Turn off ${analyser}` : `Turn on ${analyser}`}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
