"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { copyComparisonAction } from "./actions";

type Target = { slug: string; name: string; kind: "TEAM" | "CLASS" };

export function CopyForm({ comparisonId, targets }: { comparisonId: string; targets: Target[] }) {
  const [state, action] = useActionState(copyComparisonAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form className="form" action={action} noValidate>
      <input type="hidden" name="comparisonId" value={comparisonId} />
      <div className="field">
        <label htmlFor="copy-target">Workspace to copy into</label>
        <select id="copy-target" name="targetWorkspaceSlug" defaultValue={values?.targetWorkspaceSlug} aria-describedby="copy-target-error">
          {targets.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name} {t.kind === "CLASS" ? "(class)" : "(newsroom)"}
            </option>
          ))}
        </select>
        {errors?.targetWorkspaceSlug ? <span id="copy-target-error" className="field__error">{errors.targetWorkspaceSlug}</span> : null}
      </div>
      <fieldset className="field">
        <legend>Annotations</legend>
        <label>
          <input type="radio" name="annotations" value="none" defaultChecked={(values?.annotations ?? "none") === "none"} /> Leave them out: sources, fact rows and taxonomy only
        </label>
        <label>
          <input type="radio" name="annotations" value="copy" defaultChecked={values?.annotations === "copy"} /> Copy them (each keeps its reviewer when they are a member there; the others become yours)
        </label>
        <label>
          <input type="radio" name="annotations" value="key" defaultChecked={values?.annotations === "key"} /> Into a class: as the key of a new assignment over every
          source, fact row and tag
        </label>
      </fieldset>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Copying…">Copy</SubmitButton>
      </div>
    </form>
  );
}
