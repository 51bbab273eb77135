"use client";

import { useActionState, useRef, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { publishReportAction, revokeReportShareAction } from "./actions";

type Share = { url: string; createdAt: string; createdBy: string };

/** Whether the report is published, its share link with a copy button, and (for editors) publish and withdraw. */
export function PublishPanel({ comparisonId, share, canPublish }: { comparisonId: string; share: Share | null; canPublish: boolean }) {
  const [published, publish] = useActionState(publishReportAction, null);
  const [revoked, revoke] = useActionState(revokeReportShareAction, null);
  const input = useRef<HTMLInputElement>(null);
  const [copyMessage, setCopyMessage] = useState("");
  const copy = async (url: string) => {
    input.current?.select();
    try {
      // navigator.clipboard is missing on plain http from another host; the selection remains.
      await navigator.clipboard.writeText(url);
      setCopyMessage("Link copied to the clipboard.");
    } catch {
      setCopyMessage("Copying failed: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.");
    }
  };
  return (
    <section className="card no-print" aria-labelledby="publishing">
      <h2 id="publishing">Sharing</h2>
      {share ? (
        <>
          <p>
            Published on {share.createdAt} by {share.createdBy}: anyone with this link can read the report, filters
            included, without an account.
          </p>
          <div className="field">
            <label htmlFor="share-link">Share link</label>
            <div className="form--inline">
              <input
                ref={input}
                id="share-link"
                type="text"
                readOnly
                value={share.url}
                size={Math.min(80, share.url.length)}
                onFocus={(event) => event.currentTarget.select()}
              />
              <button type="button" className="button button--quiet" onClick={() => void copy(share.url)}>
                Copy link
              </button>
              {canPublish ? (
                <form
                  action={revoke}
                  onSubmit={(event) => {
                    if (!window.confirm("Withdraw the link? Whoever has it will see that the report is no longer available.")) event.preventDefault();
                  }}
                >
                  <input type="hidden" name="comparisonId" value={comparisonId} />
                  <SubmitButton pendingLabel="Withdrawing…" className="button button--danger">
                    Withdraw link
                  </SubmitButton>
                </form>
              ) : null}
            </div>
          </div>
          <p role="status" aria-live="polite" className="meta">
            {copyMessage}
          </p>
        </>
      ) : (
        <>
          <p>Not published: only members of this workspace can see the report.</p>
          {canPublish ? (
            <form action={publish}>
              <input type="hidden" name="comparisonId" value={comparisonId} />
              <SubmitButton pendingLabel="Publishing…">Publish report</SubmitButton>
            </form>
          ) : (
            <p className="meta">Owners and editors can publish it with a share link.</p>
          )}
        </>
      )}
      <FormMessage state={share ? published : revoked} />
    </section>
  );
}
