"use client";

import { useEffect, type ReactNode } from "react";

/** Opens every <details> around the element and scrolls it to the middle of the screen. */
function reveal(id: string): boolean {
  const target = document.getElementById(id);
  if (!target) return false;
  for (let at = target.parentElement; at; at = at.parentElement) {
    if (at instanceof HTMLDetailsElement) at.open = true;
  }
  target.scrollIntoView({ block: "center" });
  return true;
}

/**
 * A link to a place in a results text. The text sits in a closed section, which a plain
 * fragment link leaves closed: the link opens the sections around its target first. An
 * address that already names a place (a reload, a shared link) is revealed the same way.
 */
export function FindingLink({ target, children }: { target: string; children: ReactNode }) {
  useEffect(() => {
    if (window.location.hash === `#${target}`) reveal(target);
  }, [target]);
  return (
    <a
      href={`#${target}`}
      onClick={(event) => {
        if (!reveal(target)) return;
        event.preventDefault();
        window.history.replaceState(null, "", `#${target}`);
      }}
    >
      {children}
    </a>
  );
}
