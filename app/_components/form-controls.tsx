"use client";

import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/server/action";

/** `pending` is for forms sent through a transition, which useFormStatus does not see. */
export function SubmitButton({
  children, pendingLabel, className = "button", pending: sending,
}: { children: React.ReactNode; pendingLabel: string; className?: string; pending?: boolean }) {
  const status = useFormStatus();
  const pending = sending ?? status.pending;
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? pendingLabel : children}
    </button>
  );
}

/** A labelled input with its hint and error wired up through aria-describedby. */
export function TextField({
  name, label, type = "text", state, hint, ...rest
}: {
  name: string;
  label: string;
  type?: "text" | "email" | "password";
  state: ActionState;
  hint?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "type">) {
  const id = `field-${name}`;
  const error = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  const previous = state && !state.ok ? state.values?.[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} defaultValue={previous} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...rest} />
      {hint ? <span id={`${id}-hint`} className="field__hint">{hint}</span> : null}
      {error ? <span id={`${id}-error`} className="field__error">{error}</span> : null}
    </div>
  );
}

/** The form-level outcome, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState }) {
  if (!state?.message) return <div role="status" aria-live="polite" />;
  return (
    <div role={state.ok ? "status" : "alert"} className={`notice ${state.ok ? "notice--success" : "notice--error"}`}>
      {state.message}
    </div>
  );
}
