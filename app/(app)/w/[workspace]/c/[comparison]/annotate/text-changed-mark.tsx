"use client";

import type { Annotation } from "./annotate-types";

/**
 * "Text changed — check the tags": an edit of the source changed the words under the
 * annotation, and re-anchoring kept it on the new words. Shown to those who can act on it
 * (its author and editors), with the words before and after and one click to clear it.
 */
export function TextChangedMark({ annotation: a, pending, onClear }: { annotation: Annotation; pending: boolean; onClear: () => void }) {
  if (!a.textChanged) return null;
  return (
    <div className="notice notice--warning text-changed" role="status" aria-label="Text changed — check the tags">
      <p>
        <strong>Text changed — check the tags.</strong> An edit of the source changed the words this annotation is on.
      </p>
      <dl className="text-changed__words">
        <dt>Before</dt>
        <dd>
          <del>“{a.textChanged.previousQuote}”</del>
        </dd>
        <dt>Now</dt>
        <dd>
          <ins>“{a.target.exact}”</ins>
        </dd>
      </dl>
      <button type="button" className="button button--small" disabled={pending} onClick={onClear}>
        Tags checked — clear the mark
      </button>
    </div>
  );
}
