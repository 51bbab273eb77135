"use client";

import { useEffect, useRef, type RefObject } from "react";

/** Long enough for the selection handles to settle between drags, short enough to feel immediate. */
const SETTLE_MS = 250;

/**
 * Calls `capture` when a selection made by touch settles inside `container`. On a touch
 * screen words are selected by a long press and the handles are dragged afterwards: no
 * mouseup reaches the text, only `selectionchange` events. They are ignored while the last
 * pointer was a mouse or pen (mouseup handles those, and reacting mid-drag would re-render
 * the text under the pointer).
 */
export function useTouchSelection(container: RefObject<HTMLElement | null>, capture: () => void) {
  const latest = useRef(capture);
  useEffect(() => {
    latest.current = capture;
  });
  useEffect(() => {
    let touch = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onPointerDown = (event: PointerEvent) => {
      touch = event.pointerType === "touch";
    };
    const onTouchStart = () => {
      touch = true;
    };
    const onSelectionChange = () => {
      if (!touch) return;
      const selection = document.getSelection();
      const node = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).commonAncestorContainer : null;
      if (!node || !container.current?.contains(node) || selection?.isCollapsed) return;
      clearTimeout(timer);
      timer = setTimeout(() => latest.current(), SETTLE_MS);
    };
    document.addEventListener("pointerdown", onPointerDown, true);
    document.addEventListener("touchstart", onTouchStart, { capture: true, passive: true });
    document.addEventListener("selectionchange", onSelectionChange);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("pointerdown", onPointerDown, true);
      document.removeEventListener("touchstart", onTouchStart, true);
      document.removeEventListener("selectionchange", onSelectionChange);
    };
  }, [container]);
}
