"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { regenerateJoinCodeAction } from "./class-actions";

export function RegenerateJoinCodeButton({ workspace }: { workspace: string }) {
  const [state, action] = useActionState(regenerateJoinCodeAction, null);
  return (
    <form
      action={action}
      className="form--inline"
      onSubmit={(event) => {
        if (!window.confirm("Make a new code? The current code and link stop working; students who joined stay.")) event.preventDefault();
      }}
    >
      <input type="hidden" name="workspace" value={workspace} />
      <SubmitButton pendingLabel="Making a new code…" className="button button--quiet button--small">
        Make a new code
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
