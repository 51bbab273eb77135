"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { MIN_PASSWORD_LENGTH } from "@/lib/schemas/auth";
import { signUpAction } from "./actions";

/** Signs up and in. With a class's `joinCode`, the new account joins that class; `next` is where to go then. */
export function SignUpForm({ joinCode, next = "/workspaces" }: { joinCode?: string; next?: string }) {
  const router = useRouter();
  const [state, action] = useActionState(signUpAction, null);
  const credentials = useRef<{ email: string; password: string } | null>(null);

  useEffect(() => {
    if (!state?.ok || !credentials.current) return;
    const { email, password } = credentials.current;
    credentials.current = null;
    void signIn("credentials", { email, password, redirect: false }).then((result) => {
      router.replace(result?.error ? "/sign-in" : next);
      router.refresh();
    });
  }, [state, router, next]);

  return (
    <form
      className="form"
      action={action}
      noValidate
      onSubmit={(event) => {
        const form = new FormData(event.currentTarget);
        credentials.current = { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") };
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
