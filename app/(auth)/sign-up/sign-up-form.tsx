"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { useSignInAfter } from "@/app/_components/use-sign-in-after";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/auth";
import { signUpAction } from "./actions";

/** Signs up and in. With a class's `joinCode`, the new account joins that class; `next` is where to go then. */
export function SignUpForm({ joinCode, next = "/workspaces" }: { joinCode?: string; next?: string }) {
  const [state, action] = useActionState(signUpAction, null);
  const signInAfter = useSignInAfter(state, next);

  return (
    <form
      className="form"
      action={action}
      noValidate
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        signInAfter(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      }}
    >
      {joinCode ? <input type="hidden" name="joinCode" value={joinCode} /> : null}
      <TextField name="name" label="Name" state={state} autoComplete="name" required />
      <TextField name="email" label="Email" type="email" state={state} autoComplete="email" required />
      <TextField
        name="password"
        label="Password"
        type="password"
        state={state}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        required
        minLength={MIN_PASSWORD_LENGTH}
      />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Creating account…">Create account</SubmitButton>
    </form>
  );
}
