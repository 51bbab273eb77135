"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { resetLexiconAction, saveLexiconAction } from "./actions";

/** Editing the workspace's loaded-terms list as JSON, checked whole on save. */
export function LexiconForm({ workspaceSlug, json, own }: { workspaceSlug: string; json: string; own: boolean }) {
  const [saved, save] = useActionState(saveLexiconAction, null);
  const [reset, resetAction] = useActionState(resetLexiconAction, null);
  return (
    <>
      <form className="form" action={save}>
        <input type="hidden" name="workspace" value={workspaceSlug} />
        <div className="field">
          <label htmlFor="lexicon-json">The list as JSON (the format is described in its “about” field)</label>
          <textarea id="lexicon-json" name="lexicon" rows={18} defaultValue={saved && !saved.ok ? saved.values?.lexicon : json} spellCheck={false} className="code" />
        </div>
        <FormMessage state={saved} />
        <div>
          <SubmitButton pendingLabel="Checking and saving…">Save the list</SubmitButton>
        </div>
      </form>
      {own ? (
        <form action={resetAction} className="form--inline">
          <input type="hidden" name="workspace" value={workspaceSlug} />
          <SubmitButton pendingLabel="Going back…">Go back to the shipped list</SubmitButton>
          <FormMessage state={reset} />
        </form>
      ) : null}
    </>
  );
}
