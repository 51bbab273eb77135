"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { copyComparisonAction } from "./actions";

type Target = { slug: string; name: string; kind: "TEAM" | "CLASS" };

type Mode = "none" | "copy" | "key" | "curated-key";

export function CopyForm({ comparisonId, targets, mode }: { comparisonId: string; targets: Target[]; mode: Mode }) {
  const [state, action] = useActionState(copyComparisonAction, null);
  const values = state && !state.ok ? state.values : undefined;
  const checked = values?.annotations ?? mode;
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
          <input type="radio" name="annotations" value="none" defaultChecked={checked === "none"} /> Leave them out: sources, fact rows and taxonomy only
        </label>
        <label>
          <input type="radio" name="annotations" value="copy" defaultChecked={checked === "copy"} /> Copy them (each keeps its reviewer when they are a member there; the others become yours)
        </label>
        <label>
          <input type="radio" name="annotations" value="key" defaultChecked={checked === "key"} /> Into a class: as the key of a new assignment over every
          source, fact row and tag
        </label>
        <label>
          <input type="radio" name="annotations" value="curated-key" defaultChecked={checked === "curated-key"} /> Into a class: the curated layer as the key
          instead (the spans accepted on the Curate page, with their curated tags)
        </label>
      </fieldset>
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Copying…">Copy</SubmitButton>
      </div>
    </form>
  );
}
