"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { useSignInAfter } from "@/app/_components/use-sign-in-after";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/auth";
import { changePasswordAction } from "./actions";

/**
 * Changing the password ends every session, this one too; the form signs this browser in
 * again with the new password, as sign-up does, so the user stays where they are.
 */
export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action] = useActionState(changePasswordAction, null);
  const signInAfter = useSignInAfter(state);

  return (
    <form
      className="form"
      action={action}
      noValidate
      onSubmit={(event) => {
        signInAfter(email, String(new FormData(event.currentTarget).get("newPassword") ?? ""));
      }}
    >
      <TextField name="currentPassword" label="Current password" type="password" state={state} autoComplete="current-password" required />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        state={state}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, not containing your email address.`}
        required
        minLength={MIN_PASSWORD_LENGTH}
      />
      <TextField name="confirmPassword" label="Confirm new password" type="password" state={state} autoComplete="new-password" required />
      <FormMessage state={state} />
      <SubmitButton pendingLabel="Changing password…">Change password</SubmitButton>
    </form>
  );
}
