"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { joinClassAction } from "./actions";

/** Joins the class of `code` as a student, or (without a code) the class of the code typed. */
export function JoinClassForm({ code, className }: { code?: string; className?: string }) {
  const [state, action] = useActionState(joinClassAction, null);
  return (
    <form className="form" action={action} noValidate>
      {code ? (
        <input type="hidden" name="code" value={code} />
      ) : (
        <TextField name="code" label="Class code" state={state} required autoComplete="off" placeholder="e.g. BCDF-2345" maxLength={20} />
      )}
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Joining…">{className ? `Join ${className}` : "Join class"}</SubmitButton>
      </div>
    </form>
  );
}
