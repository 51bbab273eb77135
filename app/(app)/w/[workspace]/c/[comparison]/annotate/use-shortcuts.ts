"use client";

import { useEffect, useRef } from "react";
import type { TagSetOption } from "./annotate-types";

/** The keys 1–9, given to the first nine tags in use, in the order the form lists them. */
export function tagKeys(tagSets: TagSetOption[]): Map<string, string> {
  const tags = tagSets.flatMap((set) => set.tags.filter((t) => !t.retired));
  return new Map(tags.slice(0, 9).map((t, i) => [t.id, String(i + 1)]));
}

/** What the view's keys do; each returns false when it does not apply now (the key then does what it would anyway). */
export interface ShortcutHandlers {
  /** 1–9: the tag with that key on the current selection. */
  tag: (tagId: string) => boolean;
  /** Enter: save the new annotation, or the moved span. */
  save: () => boolean;
  /** Escape: drop the moved span, or the selection and its draft. */
  cancel: () => boolean;
  /** [ ] { }: move the open annotation's start or end by a word. */
  moveEdge: (edge: "start" | "end", direction: "forward" | "backward") => boolean;
  /** ?: the list of shortcuts. */
  help: () => void;
}

const EDGE_KEYS: Record<string, [edge: "start" | "end", direction: "forward" | "backward"]> = {
  "[": ["start", "backward"],
  "]": ["start", "forward"],
  "{": ["end", "backward"],
  "}": ["end", "forward"],
};

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/** Enter belongs to a button or link that has focus (it presses them); elsewhere (the text, the page) it saves. */
function pressesSomething(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest("button, a, summary, [role=button]") !== null;
}

/**
 * The annotate view's keys (listed in the `?` dialog). They act while no field has focus,
 * so typing a comment or a tag filter types; proposals keep n, p, a and r; arrows belong to
 * caret browsing in the text. Inside an open dialog only the dialog's own keys work.
 */
export function useShortcuts(keys: Map<string, string>, handlers: ShortcutHandlers) {
  const latest = useRef({ keys, handlers });
  useEffect(() => {
    latest.current = { keys, handlers };
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const { keys: tagKeyOf, handlers: on } = latest.current;
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (typingIn(event.target) || (event.target instanceof HTMLElement && event.target.closest("dialog"))) return;
      let handled: boolean;
      if (event.key === "?") {
        on.help();
        handled = true;
      } else if (/^[1-9]$/.test(event.key)) {
        const tagId = [...tagKeyOf].find(([, key]) => key === event.key)?.[0];
        handled = tagId ? on.tag(tagId) : false;
      } else if (event.key === "Enter") {
        handled = !pressesSomething(event.target) && on.save();
      } else if (event.key === "Escape") {
        handled = on.cancel();
      } else if (event.key in EDGE_KEYS) {
        const [edge, direction] = EDGE_KEYS[event.key]!;
        handled = on.moveEdge(edge, direction);
      } else return;
      if (handled) event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}
