"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { resetStudentPasswordAction } from "./actions";

/** Resets a student's password; the new one is shown here once, focused, for the teacher to pass on. */
export function ResetPasswordButton({ workspaceSlug, membershipId, memberName }: { workspaceSlug: string; membershipId: string; memberName: string }) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: true; password: string } | { ok: false; message: string } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (result?.ok) field.current?.select();
  }, [result]);
  const id = `password-${membershipId}`;
  return (
    <div className="form" style={{ gap: "0.4rem" }}>
      <button
        type="button"
        className="button button--quiet button--small"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Give ${memberName} a new password? Their current password and open sessions stop working.`)) return;
          startTransition(async () => {
            const answer = await resetStudentPasswordAction(workspaceSlug, membershipId);
            setResult(answer.ok ? { ok: true, password: answer.data.password } : { ok: false, message: answer.message });
          });
        }}
      >
        {pending ? "Resetting…" : "Reset password"}
        <span className="visually-hidden"> of {memberName}</span>
      </button>
      {result?.ok ? (
        <div className="field">
          <label htmlFor={id}>New password for {memberName}</label>
          <input id={id} ref={field} type="text" readOnly value={result.password} aria-describedby={`${id}-hint`} />
          <span id={`${id}-hint`} className="field__hint">
            Give it to them now: it is not shown again. They were signed out everywhere.
          </span>
        </div>
      ) : result ? (
        <p role="alert" className="notice notice--error">
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
