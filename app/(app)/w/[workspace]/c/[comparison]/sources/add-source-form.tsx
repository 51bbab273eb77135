"use client";

import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { MAX_UPLOAD_BYTES, uploadTooLargeMessage } from "@/lib/domain/upload-limits";
import { createSourceAction } from "./actions";

type Mode = "paste" | "file" | "url";
const MODES: { value: Mode; label: string }[] = [
  { value: "paste", label: "Paste text" },
  { value: "file", label: "Upload a file" },
  { value: "url", label: "From a web address" },
];

/** A chosen file over the limit is refused here, before its megabytes travel to the server. */
function tooLarge(input: HTMLInputElement | null): string | undefined {
  const file = input?.files?.[0];
  return file && file.size > MAX_UPLOAD_BYTES ? uploadTooLargeMessage(file.name, file.size) : undefined;
}

function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <span id={id} className="field__error">{message}</span> : null;
}

/**
 * Sent through a transition rather than as the form's action, so a refusal (a file of the wrong
 * kind, a duplicate) leaves every field as the user left it and the next try works; the form is
 * cleared once a source was added, and its state follows what the cleared form shows.
 */
export function AddSourceForm({ workspace, comparison, outlets }: { workspace: string; comparison: string; outlets: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createSourceAction, null);
  const form = useRef<HTMLFormElement>(null);
  const values = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const [mode, setMode] = useState<Mode>((values?.mode as Mode) ?? "paste");
  const [outletId, setOutletId] = useState(values?.outletId ?? (outlets[0]?.id ?? "new"));
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileTooLarge, setFileTooLarge] = useState<string>();
  const fileError = fileTooLarge ?? errors?.file;
  useEffect(() => {
    if (!state?.ok || !form.current) return;
    form.current.reset();
    const { elements } = form.current;
    const chosen = elements.namedItem("mode");
    if (chosen instanceof RadioNodeList && chosen.value) setMode(chosen.value as Mode);
    const outlet = elements.namedItem("outletId");
    if (outlet instanceof HTMLSelectElement) setOutletId(outlet.value);
  }, [state]);
  return (
    <form
      ref={form}
      className="form"
      action={action}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const refusal = mode === "file" ? tooLarge(fileInput.current) : undefined;
        setFileTooLarge(refusal);
        if (refusal) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => action(data));
      }}
    >
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="comparison" value={comparison} />
      <fieldset className="segmented">
        <legend>How do you want to add the article?</legend>
        {MODES.map((m) => (
          <label key={m.value}>
            <input type="radio" name="mode" value={m.value} defaultChecked={mode === m.value} onChange={() => setMode(m.value)} />
            {m.label}
          </label>
        ))}
      </fieldset>

      {mode === "paste" ? (
        <div className="field">
          <label htmlFor="source-text">Article text</label>
          <textarea
            id="source-text"
            name="text"
            rows={10}
            defaultValue={values?.text}
            aria-invalid={errors?.text ? true : undefined}
            aria-describedby="source-text-hint source-text-error"
          />
          <span id="source-text-hint" className="field__hint">Plain text, up to 1 MB. Markup is kept as text, never run.</span>
          <FieldError id="source-text-error" message={errors?.text} />
        </div>
      ) : null}
      {mode === "file" ? (
        <div className="field">
          <label htmlFor="source-file">File (.txt, .md or .html, UTF-8, up to 1 MB)</label>
          <input
            ref={fileInput}
            id="source-file"
            name="file"
            type="file"
            accept=".txt,.text,.md,.markdown,.html,.htm"
            aria-invalid={fileError ? true : undefined}
            aria-describedby="source-file-error"
            onChange={(event) => setFileTooLarge(tooLarge(event.currentTarget))}
          />
          <FieldError id="source-file-error" message={fileError} />
        </div>
      ) : null}
      {mode === "url" ? (
        <TextField name="sourceUrl" label="Web address of the article" state={state} placeholder="https://…" hint="We fetch the page and keep only the article text." />
      ) : null}

      <div className="form-grid">
        <TextField name="title" label="Title" state={state} hint={mode === "paste" ? undefined : "Leave empty to use the title found in the file or page."} />
        <div className="field">
          <label htmlFor="source-outlet">Outlet</label>
          <select id="source-outlet" name="outletId" value={outletId} onChange={(e) => setOutletId(e.target.value)}>
            {outlets.map((o) => (
              <option key={o.id} value={o.id}>{o.name}</option>
            ))}
            <option value="new">New outlet…</option>
          </select>
        </div>
        {outletId === "new" ? <TextField name="outletName" label="New outlet's name" state={state} /> : null}
        <TextField name="author" label="Author" state={state} />
        {mode !== "url" ? <TextField name="url" label="Original web address (optional)" state={state} /> : null}
        <div className="field">
          <label htmlFor="field-publishedAt">Publication date</label>
          <input id="field-publishedAt" name="publishedAt" type="date" defaultValue={values?.publishedAt} aria-describedby="field-publishedAt-error" />
          <FieldError id="field-publishedAt-error" message={errors?.publishedAt} />
        </div>
      </div>

      {errors?.duplicate ? (
        <div className="notice notice--info">
          <label className="check">
            <input type="checkbox" name="confirmDuplicate" /> Add it anyway: the comparison already has this text.
          </label>
        </div>
      ) : null}
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Adding…" pending={pending}>
          Add source
        </SubmitButton>
      </div>
    </form>
  );
}
