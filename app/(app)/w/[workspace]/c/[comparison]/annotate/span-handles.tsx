"use client";

import type { PointerEvent as ReactPointerEvent, ReactNode } from "react";

/**
 * Something drawn between two characters of the source's text (the caret, a span's drag
 * handles). It holds no text, so offsets in the DOM stay offsets in the text. "before" sits
 * before the character at `offset` (inside the highlight that starts there), "after" after
 * the character before it (inside the highlight that ends there).
 */
export interface TextMarker {
  offset: number;
  side: "before" | "after";
  node: ReactNode;
}

/** The text of one segment [start, start + text.length) with the markers that fall in it. */
export function withMarkers(text: string, start: number, markers: TextMarker[]): ReactNode {
  const end = start + text.length;
  const inside = markers
    .filter((m) => (m.side === "before" ? m.offset >= start && m.offset < end : m.offset > start && m.offset <= end))
    .sort((a, b) => a.offset - b.offset);
  if (inside.length === 0) return text;
  const parts: ReactNode[] = [];
  let from = start;
  for (const marker of inside) {
    if (marker.offset > from) parts.push(text.slice(from - start, marker.offset - start));
    parts.push(marker.node);
    from = marker.offset;
  }
  if (from < end) parts.push(text.slice(from - start));
  return parts;
}

/** The blinking caret of caret browsing; shown while the text has focus. */
export function TextCaret() {
  return <span className="text-caret" aria-hidden="true" />;
}

/** A grip on one end of the open annotation's span; dragging it moves that end. */
export function SpanHandle({ edge, onGrab }: { edge: "start" | "end"; onGrab: (edge: "start" | "end", event: ReactPointerEvent) => void }) {
  return (
    <span
      className={`span-handle span-handle--${edge}`}
      data-edge={edge}
      aria-hidden="true"
      title={edge === "start" ? "Drag to move the start by word, Alt+drag by character ([ and ] by word)" : "Drag to move the end by word, Alt+drag by character ({ and } by word)"}
      onPointerDown={(event) => onGrab(edge, event)}
    />
  );
}

/** The text offset under a point of the screen inside `container`, or null when the point is outside its text. */
export function offsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint?.(x, y);
  if (!position || !container.contains(position.offsetNode)) return null;
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(position.offsetNode, position.offset);
  return before.toString().length;
}
