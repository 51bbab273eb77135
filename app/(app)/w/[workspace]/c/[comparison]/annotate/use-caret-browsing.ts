"use client";

import { useEffect, useLayoutEffect, useState, type KeyboardEvent, type RefObject } from "react";
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

  // A click in the text (without dragging a selection) puts the caret there.
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const region: HTMLElement = element;
    function onMouseUp() {
      const offset = collapsedOffset(region);
      if (offset !== null) setCaret({ anchor: offset, focus: offset });
    }
    element.addEventListener("mouseup", onMouseUp);
    return () => element.removeEventListener("mouseup", onMouseUp);
  }, [container]);

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

/** The text offset of the browser's collapsed selection (where a click put it) inside `container`, or null. */
function collapsedOffset(container: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  return before.toString().length;
}
