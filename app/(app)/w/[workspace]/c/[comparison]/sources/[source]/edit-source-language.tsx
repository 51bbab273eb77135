"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { updateSourceLanguageAction } from "../actions";

/** The source's language tag (detected on import), which an editor can correct; it sets the text's lang and direction everywhere. */
export function EditSourceLanguage({ workspace, comparison, sourceId, language }: { workspace: string; comparison: string; sourceId: string; language: string | null }) {
  const [state, action] = useActionState(updateSourceLanguageAction, null);
  return (
    <form className="form source-language" action={action}>
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="comparison" value={comparison} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <div className="field">
        <label htmlFor="source-language">Language</label>
        <input id="source-language" name="language" defaultValue={language ?? ""} size={10} placeholder="e.g. fa" aria-describedby="source-language-hint" />
        <span className="field__hint" id="source-language-hint">A BCP 47 tag such as en, fa, ar, he or zh; it sets the reading direction.</span>
      </div>
      <SubmitButton pendingLabel="Saving…">Save language</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
