"use client";

import { useActionState, useEffect, useRef, useState, useTransition } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";
import styles from "./profile.module.css";

export function CreateApiTokenForm() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  return (
    <>
      <form
        className="form--inline"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const name = String(new FormData(form).get("name") ?? "");
          startTransition(async () => {
            const result = await createApiTokenAction(name);
            if (result.ok) {
              form.reset();
              setError(null);
              setCreated(result.data);
            } else {
              setError(result.message);
            }
          });
        }}
      >
        <div className="field">
          <label htmlFor="api-token-name">Token name</label>
          <input
            id="api-token-name"
            name="name"
            type="text"
            required
            maxLength={80}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "api-token-name-hint api-token-error" : "api-token-name-hint"}
          />
          <span id="api-token-name-hint" className="field__hint">
            What will use it, e.g. “nightly export script”.
          </span>
        </div>
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? "Creating…" : "Create token"}
        </button>
      </form>
      {error ? (
        <div id="api-token-error" role="alert" className={`notice notice--error ${styles.message}`}>
          {error}
        </div>
      ) : null}
      {created ? <NewApiToken key={created.token} {...created} /> : null}
    </>
  );
}

/** The new token, shown this once; focused so a screen reader reads it with its warning. */
function NewApiToken({ name, token }: { name: string; token: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copyMessage, setCopyMessage] = useState("");
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const copy = async () => {
    input.current?.select();
    try {
      // navigator.clipboard is missing on plain http from another host; the selection remains.
      await navigator.clipboard.writeText(token);
      setCopyMessage("Copied to the clipboard.");
    } catch {
      setCopyMessage("Copying failed: the token is selected, press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  };
  return (
    <div className={`notice notice--success ${styles.message} ${styles.newToken}`}>
      <p>Token “{name}” created.</p>
      <div className="field">
        <label htmlFor="new-api-token">Your new API token</label>
        <div className={styles.tokenRow}>
          <input
            ref={input}
            id="new-api-token"
            type="text"
            readOnly
            value={token}
            className={styles.tokenValue}
            aria-describedby="new-api-token-hint"
            onFocus={(event) => event.currentTarget.select()}
          />
          <button type="button" className="button button--quiet" onClick={() => void copy()}>
            Copy<span className="visually-hidden"> the token</span>
          </button>
        </div>
        <span id="new-api-token-hint" className={styles.warning}>
          Copy it now: it is not shown again.
        </span>
      </div>
      <p role="status" aria-live="polite" className={styles.copyStatus}>
        {copyMessage}
      </p>
    </div>
  );
}

export function RevokeApiTokenButton({ tokenId, tokenName }: { tokenId: string; tokenName: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Revoke the token “${tokenName}”? Scripts using it stop working at once.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton pendingLabel="Revoking…" className="button button--danger button--small">
        Revoke<span className="visually-hidden"> token “{tokenName}”</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
