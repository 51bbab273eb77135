"use client";

import { startTransition, useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/form-controls";
import { importCorpusAction } from "./import-corpus-action";

const FORMATS = [
  { value: "labelstudio", label: "Label Studio JSON", accept: ".json", hint: "A Label Studio JSON export of text tasks labelled with Labels." },
  { value: "doccano", label: "doccano JSONL", accept: ".jsonl,.json", hint: "One document per line with its label (or entities) spans." },
  { value: "ptc", label: "Propaganda-technique corpus", accept: ".zip,.txt,.tsv", hint: "The folder as a .zip, or its article<ID>.txt and article<ID>.labels.tsv files." },
] as const;

/**
 * Imports annotations from a corpus format into this comparison: each document is matched
 * to the source holding its text, and its spans become annotations (all or nothing).
 */
export function ImportCorpusForm({ workspace, comparison, comparisonId }: { workspace: string; comparison: string; comparisonId: string }) {
  const [state, action, pending] = useActionState(importCorpusAction, null);
  const [format, setFormat] = useState<(typeof FORMATS)[number]["value"]>("labelstudio");
  const chosen = FORMATS.find((f) => f.value === format)!;
  return (
    <section className="card no-print" aria-labelledby="import-corpus">
      <h2 id="import-corpus">Import a labelled corpus</h2>
      <p className="meta">
        The file&apos;s texts must be sources of this comparison (as after exporting from here); each import saves all of its
        annotations or, if the file is malformed, none. Larger corpora, and new comparisons from them, go through the command line.
      </p>
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          // Sent by hand rather than as the form's action, which would reset the form: the format chosen and the result stay side by side.
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => action(data));
        }}
      >
        <input type="hidden" name="workspace" value={workspace} />
        <input type="hidden" name="comparison" value={comparison} />
        <input type="hidden" name="comparisonId" value={comparisonId} />
        <fieldset className="segmented">
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.value}>
              <input type="radio" name="format" value={f.value} checked={format === f.value} onChange={() => setFormat(f.value)} />
              {f.label}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="import-corpus-files">File{format === "ptc" ? "s" : ""}</label>
          <input
            id="import-corpus-files"
            name="files"
            type="file"
            accept={chosen.accept}
            multiple={format === "ptc"}
            aria-describedby="import-corpus-hint import-corpus-error"
            aria-invalid={state && !state.ok && state.fieldErrors?.files ? true : undefined}
          />
          <span id="import-corpus-hint" className="field__hint">{chosen.hint} Up to 4 MB.</span>
          {state && !state.ok && state.fieldErrors?.files ? <span id="import-corpus-error" className="field__error">{state.fieldErrors.files}</span> : null}
        </div>
        <FormMessage state={state} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
      </form>
    </section>
  );
}
