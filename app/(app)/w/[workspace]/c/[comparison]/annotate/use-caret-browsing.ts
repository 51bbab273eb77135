"use client";

import { useLayoutEffect, useState, type KeyboardEvent, type RefObject } from "react";
import { arrowDirection, caretSelection, stepCaret, type CaretState } from "@/lib/domain/text/caret-selection";

type Span = { start: number; end: number };

/**
 * Caret browsing in the source's text: the text region takes focus and shows a caret; the
 * arrow keys move it, Shift+arrows extend the selection by a character, Ctrl (or Alt, as on
 * a Mac) with Shift by a word. The selection it makes is the view's selection, the same one
 * a mouse selection or "Find words to annotate" sets, and a selection made those ways puts
 * the caret at its end, so the keyboard carries on from there.
 */
export function useCaretBrowsing({
  container, text, language, selection, onSelect,
}: {
  container: RefObject<HTMLElement | null>;
  text: string;
  language?: string | null;
  selection: Span | null;
  onSelect: (selection: Span | null) => void;
}) {
  const [caret, setCaret] = useState<CaretState>({ anchor: 0, focus: 0 });

  // A selection made with the mouse or the find box (or dropped): the caret follows it.
  const [followed, setFollowed] = useState(selection);
  if (selection !== followed) {
    setFollowed(selection);
    const made = caretSelection(text, caret);
    if (!selection) {
      if (made) setCaret({ anchor: caret.focus, focus: caret.focus });
    } else if (!made || made.start !== selection.start || made.end !== selection.end) {
      setCaret({ anchor: selection.start, focus: selection.end });
    }
  }

  // Keep the caret in view as it moves through a long text.
  useLayoutEffect(() => {
    container.current?.querySelector(".text-caret")?.scrollIntoView({ block: "nearest" });
  }, [caret, container]);

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    if (event.target !== event.currentTarget || event.metaKey) return;
    event.preventDefault();
    // A mouse selection still on screen would be taken up again when Shift is released.
    window.getSelection()?.removeAllRanges();
    const dir = getComputedStyle(event.currentTarget).direction === "rtl" ? "rtl" : "ltr";
    const next = stepCaret(
      text,
      caret,
      { direction: arrowDirection(event.key, dir), unit: event.ctrlKey || event.altKey ? "word" : "character", extend: event.shiftKey },
      language,
    );
    setCaret(next);
    onSelect(caretSelection(text, next));
  }

  return { caret: Math.min(caret.focus, text.length), onKeyDown };
}
