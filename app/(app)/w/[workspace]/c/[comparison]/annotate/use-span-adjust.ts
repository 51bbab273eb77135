"use client";

import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import { caretSelection, moveSpanEdge, snapSpanEdge } from "@/lib/domain/text/caret-selection";
import { reattachAnnotationAction } from "./actions";
import type { Annotation } from "./annotate-types";
import { offsetAtPoint } from "./span-handles";

type Span = { start: number; end: number };

/** A new span for an annotation, not saved yet, and the annotation version it is based on. */
export interface SpanAdjustment extends Span {
  id: string;
  version: number;
}

/**
 * Moving the start and end of the open annotation's span: by dragging a handle (by whole
 * words, or by character with Alt held; saved when the handle is let go) or by word with the keyboard ([ and ] the start, { and } the end;
 * Enter saves, Escape puts the span back). The save goes through the re-attach edit, which
 * names the version the change is based on: if a co-reviewer changed the annotation since,
 * it is refused, their version is shown, and the new span stays on screen to apply again.
 */
export function useSpanAdjust({
  comparisonId, container, source, annotation, onSaved, onRefused,
}: {
  comparisonId: string;
  container: RefObject<HTMLElement | null>;
  source: { text: string; revision: number; language?: string | null };
  /** The open annotation, when this user may move its span; null otherwise. */
  annotation: Annotation | null;
  onSaved: (annotation: Annotation) => void;
  onRefused: (message: string, current: Annotation | null) => void;
}) {
  const [adjustment, setAdjustment] = useState<SpanAdjustment | null>(null);
  const [saving, setSaving] = useState(false);
  const shown = adjustment && annotation && adjustment.id === annotation.id ? adjustment : null;

  const save = useCallback(
    async (next: SpanAdjustment) => {
      setSaving(true);
      const { id, version, start, end } = next;
      const result = await reattachAnnotationAction(comparisonId, id, { version, start, end, revisionNumber: source.revision });
      setSaving(false);
      if (result.ok) {
        setAdjustment(null);
        onSaved(result.data);
        return;
      }
      const current = (result.current as Annotation | undefined) ?? null;
      // Keep the new span, now based on their version: Enter applies it again.
      setAdjustment(current ? { ...next, version: current.version } : next);
      onRefused(current ? `${result.message} Their version is saved; your new span is still shown: press Enter to apply it to theirs, Escape to drop it.` : result.message, current);
    },
    [comparisonId, source.revision, onSaved, onRefused],
  );

  const base = useCallback(
    (): SpanAdjustment | null =>
      shown ?? (annotation ? { id: annotation.id, version: annotation.version, start: annotation.target.start, end: annotation.target.end } : null),
    [shown, annotation],
  );

  /** Moves one end by a word; returns false when there is no span to move. */
  const moveEdge = useCallback(
    (edge: "start" | "end", direction: "forward" | "backward") => {
      const from = base();
      if (!from) return false;
      setAdjustment({ ...from, ...moveSpanEdge(source.text, from, edge, direction, source.language) });
      return true;
    },
    [base, source.text, source.language],
  );

  const saved = annotation?.target;
  const drag = useRef<{ edge: "start" | "end"; from: SpanAdjustment } | null>(null);
  const latest = useRef<SpanAdjustment | null>(null);
  const grab = useCallback(
    (edge: "start" | "end", event: ReactPointerEvent) => {
      const from = base();
      if (!from || event.button !== 0) return;
      // No text selection while dragging.
      event.preventDefault();
      event.stopPropagation();
      drag.current = { edge, from };
      latest.current = from;
    },
    [base],
  );

  useEffect(() => {
    function onMove(event: PointerEvent) {
      const current = drag.current;
      if (!current || !container.current) return;
      const point = offsetAtPoint(container.current, event.clientX, event.clientY);
      if (point === null) return;
      const { from, edge } = current;
      // Whole words, as the keyboard moves; Alt held drags by character.
      const offset = event.altKey ? point : snapSpanEdge(source.text, point, edge, source.language);
      const span = edge === "start" ? { start: Math.min(offset, from.end - 1), end: from.end } : { start: from.start, end: Math.max(offset, from.start + 1) };
      const trimmed = caretSelection(source.text, { anchor: span.start, focus: span.end });
      if (!trimmed) return;
      latest.current = { ...from, ...trimmed };
      setAdjustment(latest.current);
    }
    function onUp() {
      const current = drag.current;
      if (!current) return;
      drag.current = null;
      const next = latest.current;
      if (next && (next.start !== saved?.start || next.end !== saved?.end)) void save(next);
    }
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    return () => {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
    };
  }, [container, source.text, source.language, save, saved]);

  return {
    /** The span drawn for the open annotation while it is being moved (or was refused), else null. */
    adjustment: shown,
    /** Whether the span shown differs from the saved one. */
    unsaved: Boolean(shown && annotation && (shown.start !== annotation.target.start || shown.end !== annotation.target.end)),
    saving,
    moveEdge,
    grab,
    save: () => {
      if (shown) void save(shown);
      return Boolean(shown);
    },
    cancel: () => {
      const had = Boolean(shown);
      setAdjustment(null);
      return had;
    },
  };
}
