"use client";

import { useActionState, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import type { ActionState } from "@/lib/server/action";
import { updateSourceTextAction } from "../actions";

/**
 * The current text, readable; editing turns it into a form that saves a new revision.
 * The draft is controlled state, so a refused save (e.g. someone saved first) keeps it.
 */
export function EditSourceText({
  workspace, comparison, sourceId, revision, text, textProps,
}: { workspace: string; comparison: string; sourceId: string; revision: number; text: string; textProps: { lang?: string; dir: "rtl" | "ltr" | "auto" } }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(text);
  const [state, action] = useActionState(async (previous: ActionState, form: FormData) => {
    const next = await updateSourceTextAction(previous, form);
    if (next?.ok) setEditing(false);
    return next;
  }, null);

  if (!editing) {
    return (
      <>
        <FormMessage state={state} />
        <div className="source__body source__body--flush" {...textProps}>{text}</div>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setDraft(text);
            setEditing(true);
          }}
        >
          Edit text
        </button>
      </>
    );
  }
  return (
    <form className="form" action={action}>
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="comparison" value={comparison} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="baseRevision" value={revision} />
      <div className="field">
        <label htmlFor="edit-text">Text of revision {revision}</label>
        <textarea id="edit-text" name="text" rows={24} {...textProps} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <span className="field__hint">Saving makes revision {revision + 1}; passages and annotations move with the text.</span>
      </div>
      <FormMessage state={state} />
      <div className="form--inline">
        <SubmitButton pendingLabel="Saving…">Save as new revision</SubmitButton>
        <button type="button" className="button button--quiet" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
