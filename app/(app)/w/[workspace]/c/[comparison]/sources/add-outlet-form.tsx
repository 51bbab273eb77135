"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { createOutletAction } from "./actions";

export function AddOutletForm({ workspace }: { workspace: string }) {
  const [state, action] = useActionState(createOutletAction, null);
  return (
    <form className="form" action={action} noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <div className="form-grid">
        <TextField name="name" label="Name" state={state} required />
        <TextField name="site" label="Web site" state={state} placeholder="https://…" />
        <TextField name="country" label="Country" state={state} />
        <TextField name="notes" label="Notes (ownership, leaning)" state={state} />
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Adding…">Add outlet</SubmitButton>
      </div>
    </form>
  );
}
