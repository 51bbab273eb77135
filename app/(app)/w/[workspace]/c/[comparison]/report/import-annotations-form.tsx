"use client";

import { startTransition, useActionState, useState } from "react";
import { FormMessage } from "@/app/_components/form-controls";
import { importAnnotationsAction } from "./actions";

const FORMATS = [
  { value: "jsonld", label: "W3C Web Annotations (.jsonld)", accept: ".jsonld,.json" },
  { value: "brat", label: "brat standoff (.zip, or .txt with .ann files)", accept: ".zip,.txt,.ann,.conf" },
  { value: "webanno", label: "WebAnno TSV 3 / INCEpTION (.zip or .tsv)", accept: ".zip,.tsv" },
];

/** Annotations from a file into this comparison, in one of the formats the export writes (docs/export.md). */
export function ImportAnnotationsForm({ comparisonId }: { comparisonId: string }) {
  const [state, action, pending] = useActionState(importAnnotationsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [format, setFormat] = useState(FORMATS[0]!.value);
  return (
    <section className="card no-print" aria-labelledby="import-annotations">
      <h2 id="import-annotations">Import annotations</h2>
      <p className="meta">
        Each annotation is placed on the source whose text or file name matches, by its words. All of the file is
        imported or, if anything in it is malformed, none of it.
      </p>
      <form
        className="form"
        onSubmit={(event) => {
          // Submitted by hand, not as the form's action: React would reset the fields after it,
          // the chosen format with them, and the next file is often in the same format.
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => action(data));
        }}
      >
        <input type="hidden" name="comparisonId" value={comparisonId} />
        <div className="field">
          <label htmlFor="import-format">Format</label>
          <select id="import-format" name="format" value={format} onChange={(event) => setFormat(event.target.value)} aria-invalid={errors?.format ? true : undefined}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="import-file">Files</label>
          <input id="import-file" type="file" name="file" multiple accept={FORMATS.find((f) => f.value === format)!.accept} aria-invalid={errors?.file ? true : undefined} />
        </div>
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
        <FormMessage state={state} />
      </form>
    </section>
  );
}
