"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { createWorkspaceAction } from "./actions";

export function CreateWorkspaceForm() {
  const [state, action] = useActionState(createWorkspaceAction, null);
  const kind = state && !state.ok ? state.values?.kind : undefined;
  return (
    <form className="form" action={action} noValidate>
      <TextField name="name" label="Workspace name" state={state} required maxLength={80} />
      <fieldset className="segmented">
        <legend>Kind</legend>
        <label className="check">
          <input type="radio" name="kind" value="TEAM" defaultChecked={kind !== "CLASS"} /> Team: a newsroom desk or research group; you are its owner
        </label>
        <label className="check">
          <input type="radio" name="kind" value="CLASS" defaultChecked={kind === "CLASS"} /> Class: you teach; students join with a code
        </label>
      </fieldset>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Creating…">Create workspace</SubmitButton>
      </div>
    </form>
  );
}
