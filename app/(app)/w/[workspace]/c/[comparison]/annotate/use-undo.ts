"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import {
  applied, changedParts, dropped, emptyStack, joinWords, peek, record as recordChange, versionAfterStep,
  type AnnotationSnapshot, type Direction, type Done, type Step, type UndoStack,
} from "@/lib/domain/annotation/undo-stack";
import { deleteAnnotationAction, deleteRelationAction, updateAnnotationAction } from "./actions";
import type { draftFields } from "./annotation-form";
import type { Relation } from "./annotation-relations";
import type { Annotation } from "./annotate-types";
import { restoreAnnotationAction, restoreRelationAction } from "./undo-actions";

/** What an edit writes: the form's fields, or the resolved mark. */
export type EditFields = ReturnType<typeof draftFields> | { resolved: boolean };

/** The keys this view answers to for undo and redo, for the shortcut help to list. */
export const UNDO_SHORTCUTS = [
  { keys: "Ctrl+Z (⌘Z on a Mac)", does: "Undo your last change in this view" },
  { keys: "Ctrl+Shift+Z or Ctrl+Y (⌘⇧Z on a Mac)", does: "Redo what you undid" },
] as const;

/** The notice after each change, undo or redo: what happened, and the button that reverses it. */
export interface UndoNoticeState {
  text: string;
  ok: boolean;
  /** The button's words and direction, when there is something to reverse. */
  button: { label: string; direction: Direction } | null;
}

/** The fields an edit of `a` replaces, in the shape of `fields`, so writing them back undoes it. */
export function fieldsBefore(a: Annotation, fields: EditFields): EditFields {
  if ("resolved" in fields) return { resolved: a.resolved };
  const claim = a.claim;
  return {
    tagIds: a.tags.map((t) => t.id),
    comment: a.comment ?? "",
    claim: claim
      ? { asserter: claim.asserter ?? "OUTLET", assertedBy: claim.asserter === "QUOTED_PARTY" ? (claim.assertedBy ?? "") : undefined, status: claim.status ?? "UNVERIFIED", evidence: claim.evidence }
      : null,
  };
}

/** Words for an edit: "retag", "edit", "mark resolved"… of the quote. */
export function editLabel(a: Annotation, fields: EditFields): string {
  if ("resolved" in fields) return `${fields.resolved ? "mark resolved" : "reopen"} ${quote(a.target.exact)}`;
  const before = fieldsBefore(a, fields) as ReturnType<typeof draftFields>;
  const onlyTags = before.comment === fields.comment && JSON.stringify(before.claim) === JSON.stringify(fields.claim);
  return `${onlyTags ? "retag" : "edit"} ${quote(a.target.exact)}`;
}

export function quote(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

export function snapshotOf(a: Annotation): AnnotationSnapshot {
  return {
    tagNames: a.tags.map((t) => t.name),
    comment: a.comment,
    claim: a.claim ? JSON.stringify([a.claim.status, a.claim.asserter, a.claim.assertedBy, a.claim.evidence]) : null,
    resolved: a.resolved,
    hidden: a.hidden !== null,
  };
}

/** Refusals that another try would meet again; the others (database down, signed out, too many requests) keep the change to retry. */
const REFUSED_FOR_GOOD = new Set(["CONFLICT", "NOT_FOUND", "FORBIDDEN", "INVALID_INPUT"]);

/** Typing in a field: the browser's own undo applies there. */
function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || (target.tagName === "INPUT" && !["checkbox", "radio", "button", "submit"].includes((target as HTMLInputElement).type));
}

/**
 * Undo and redo of the user's own changes in the annotate view (Ctrl+Z, Ctrl+Shift+Z,
 * Ctrl+Y, or the notice's button). Each is a new versioned write through the same actions
 * as the change itself, so co-reviewers see it live; when someone changed the thing since,
 * the service refuses it, their version is shown, and the notice says what they changed.
 */
export function useUndo({
  comparisonId, onAnnotation, onAnnotationGone, onAnnotationBack, onRelation, onRelationGone,
}: {
  comparisonId: string;
  onAnnotation: (a: Annotation) => void;
  /** An annotation restored: its links, hidden while it was gone, are there again. */
  onAnnotationBack: () => void;
  onAnnotationGone: (id: string) => void;
  onRelation: (r: Relation) => void;
  onRelationGone: (id: string) => void;
}) {
  const stack = useRef<UndoStack<EditFields>>(emptyStack());
  // What the user last saw of each annotation they changed, to say what someone else changed since.
  const held = useRef(new Map<string, AnnotationSnapshot>());
  const busy = useRef(false);
  const [notice, setNotice] = useState<UndoNoticeState | null>(null);

  const record = useCallback((done: Done<EditFields>, after?: Annotation) => {
    stack.current = recordChange(stack.current, done);
    if (after) held.current.set(after.id, snapshotOf(after));
    setNotice({ ok: true, text: `Done: ${done.label}.`, button: { label: "Undo", direction: "undo" } });
  }, []);

  /** Writes one step; the version it left, or the failure to tell. */
  const write = useCallback(
    async (step: Step<EditFields>): Promise<{ ok: true; version: number } | { ok: false; message: string; code?: string; current?: unknown }> => {
      if (step.entity === "relation") {
        if (step.op === "delete") {
          const result = await deleteRelationAction(comparisonId, step.id, step.version);
          if (!result.ok) return result;
          onRelationGone(step.id);
          return { ok: true, version: versionAfterStep(step) };
        }
        const result = await restoreRelationAction(comparisonId, step.id, step.version);
        if (!result.ok) return result;
        onRelation(result.data);
        return { ok: true, version: result.data.version };
      }
      if (step.op === "delete") {
        const result = await deleteAnnotationAction(comparisonId, step.id, step.version);
        if (!result.ok) return result;
        onAnnotationGone(step.id);
        return { ok: true, version: versionAfterStep(step) };
      }
      const result = step.op === "update" ? await updateAnnotationAction(comparisonId, step.id, { version: step.version, ...step.fields }) : await restoreAnnotationAction(comparisonId, step.id, step.version);
      if (!result.ok) return result;
      onAnnotation(result.data);
      if (step.op === "restore") onAnnotationBack();
      held.current.set(result.data.id, snapshotOf(result.data));
      return { ok: true, version: result.data.version };
    },
    [comparisonId, onAnnotation, onAnnotationGone, onAnnotationBack, onRelation, onRelationGone],
  );

  const run = useCallback(
    async (direction: Direction) => {
      const change = peek(stack.current, direction);
      if (busy.current) return;
      if (!change) {
        setNotice({ ok: true, text: direction === "undo" ? "Nothing to undo here." : "Nothing to redo.", button: null });
        return;
      }
      busy.current = true;
      const result = await write(change.step);
      busy.current = false;
      const verb = direction === "undo" ? "undo" : "redo";
      if (result.ok) {
        stack.current = applied(stack.current, direction, result.version);
        const next = direction === "undo" ? { label: "Redo", direction: "redo" as const } : { label: "Undo", direction: "undo" as const };
        setNotice({ ok: true, text: `${direction === "undo" ? "Undone" : "Redone"}: ${change.label}.`, button: next });
        return;
      }
      // Refused for good (changed, gone or not allowed any more): dropped, so the next press reaches the change below.
      if (result.code && REFUSED_FOR_GOOD.has(result.code)) stack.current = dropped(stack.current, direction);
      const current = change.step.entity === "annotation" && result.code === "CONFLICT" ? (result.current as Annotation | undefined) : undefined;
      if (current) {
        onAnnotation(current);
        const before = held.current.get(current.id);
        const parts = before ? changedParts(before, snapshotOf(current)) : [];
        const what = parts.length ? joinWords(parts) : `changed it (it is now at version ${current.version})`;
        held.current.set(current.id, snapshotOf(current));
        setNotice({ ok: false, text: `Can't ${verb} ${change.label}: someone ${what} since. Nothing was changed; their version is shown.`, button: null });
        return;
      }
      setNotice({ ok: false, text: `Can't ${verb} ${change.label}: ${result.message}`, button: null });
    },
    [write, onAnnotation],
  );

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || isTextField(event.target)) return;
      const key = event.key.toLowerCase();
      const direction: Direction | null = key === "z" ? (event.shiftKey ? "redo" : "undo") : key === "y" && !event.shiftKey ? "redo" : null;
      if (!direction) return;
      event.preventDefault();
      void run(direction);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run]);

  return { record, run, notice, dismiss: useCallback(() => setNotice(null), []) };
}
