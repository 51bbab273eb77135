"use client";

import { useState } from "react";
import { useBrowserValue } from "./use-browser";

/**
 * A read-only value to copy, with a Copy button. `path` values (starting with "/") are shown
 * as full addresses of this site, as the browser sees it, once the page runs there.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const origin = useBrowserValue(() => window.location.origin, "");
  const shown = value.startsWith("/") ? `${origin}${value}` : value;
  const [copied, setCopied] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="form--inline">
        <input id={id} type="text" readOnly value={shown} onFocus={(e) => e.currentTarget.select()} size={Math.min(60, shown.length + 2)} />
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => void navigator.clipboard.writeText(shown).then(() => setCopied(true))}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
    </div>
  );
}
