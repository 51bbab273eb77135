"use client";

import type { ReactNode } from "react";

/**
 * A link to a place in a results text. The text may sit in a closed section: the link
 * opens every <details> around its target before the browser scrolls there.
 */
export function FindingLink({ target, children }: { target: string; children: ReactNode }) {
  return (
    <a
      href={`#${target}`}
      onClick={() => {
        for (let at = document.getElementById(target)?.parentElement; at; at = at.parentElement) {
          if (at instanceof HTMLDetailsElement) at.open = true;
        }
      }}
    >
      {children}
    </a>
  );
}
