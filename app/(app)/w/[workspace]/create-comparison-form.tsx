"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { createComparisonAction } from "./actions";

export function CreateComparisonForm({ workspace }: { workspace: string }) {
  const [state, action] = useActionState(createComparisonAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form className="form" action={action} noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <TextField name="title" label="Title" state={state} required maxLength={200} hint="The event or story, e.g. “Harbour barrier failure, October 2025”." />
      <div className="field">
        <label htmlFor="comparison-description">Description (optional)</label>
        <textarea id="comparison-description" name="description" rows={3} defaultValue={values?.description} aria-describedby="comparison-description-error" />
        {errors?.description ? <span id="comparison-description-error" className="field__error">{errors.description}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="comparison-event-date">Event date (optional)</label>
        <input id="comparison-event-date" name="eventDate" type="date" defaultValue={values?.eventDate} aria-describedby="comparison-event-date-error" />
        {errors?.eventDate ? <span id="comparison-event-date-error" className="field__error">{errors.eventDate}</span> : null}
      </div>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Creating…">Create comparison</SubmitButton>
      </div>
    </form>
  );
}
