/**
 * Undo and redo in the annotate view, as plain data.
 *
 * Nothing is ever rolled back in place: every undo and redo is a new versioned write
 * through the ordinary services (a create is undone by a delete, a delete by a restore, an
 * edit by an edit back), so co-reviewers see it live and a change someone else made in
 * between is never overwritten: the step names the version the user last held, and the
 * service refuses it when that is no longer the current one.
 *
 * A step says what to write next; applying it moves its change to the other stack as the
 * step that reverses it, at the version the write produced. Every other change kept for the
 * same thing moves to that version too: it is the one the user now holds, so the user's own
 * writes never stand in the way of their next undo, and only someone else's do.
 */

export type Entity = "annotation" | "relation";

export type Step<F> =
  | { op: "delete" | "restore"; entity: Entity; id: string; version: number }
  /** `fields` are written; `previous` are what they replace (the way back). */
  | { op: "update"; entity: "annotation"; id: string; version: number; fields: F; previous: F };

/** One change the user made: what it was ("retag “…”"), and the step that reverses it (or, on the redo stack, repeats it). */
export interface Change<F> {
  label: string;
  step: Step<F>;
}

export interface UndoStack<F> {
  /** Most recent last. */
  undo: Change<F>[];
  redo: Change<F>[];
}

/** How many changes are kept to undo; older ones fall off the bottom. */
export const UNDO_DEPTH = 50;

export function emptyStack<F>(): UndoStack<F> {
  return { undo: [], redo: [] };
}

/** What the user did, and the version of the thing afterwards, as the change undo will reverse. */
export type Done<F> =
  | { op: "create" | "delete"; entity: Entity; id: string; label: string; versionAfter: number }
  | { op: "update"; entity: "annotation"; id: string; label: string; versionAfter: number; before: F; after: F };

/** The step that reverses what was done. */
export function reversal<F>(done: Done<F>): Step<F> {
  const { entity, id, versionAfter: version } = done;
  if (done.op === "update") return { op: "update", entity: "annotation", id, version, fields: done.before, previous: done.after };
  return { op: done.op === "create" ? "delete" : "restore", entity, id, version };
}

/** The step that reverses `step` once it has been written and left the thing at `versionAfter`. */
export function inverse<F>(step: Step<F>, versionAfter: number): Step<F> {
  if (step.op === "update") return { ...step, version: versionAfter, fields: step.previous, previous: step.fields };
  return { ...step, op: step.op === "delete" ? "restore" : "delete", version: versionAfter };
}

/** The changes kept for one thing, based on the version the user now holds of it. */
function rebased<F>(changes: Change<F>[], entity: Entity, id: string, version: number): Change<F>[] {
  return changes.map((change) => (change.step.entity === entity && change.step.id === id ? { ...change, step: { ...change.step, version } } : change));
}

/** A new change: it goes on top, and what was undone before can no longer be redone. */
export function record<F>(stack: UndoStack<F>, done: Done<F>, depth = UNDO_DEPTH): UndoStack<F> {
  const kept = rebased(stack.undo, done.entity, done.id, done.versionAfter);
  return { undo: [...kept, { label: done.label, step: reversal(done) }].slice(-depth), redo: [] };
}

export type Direction = "undo" | "redo";

/** The change the next undo (or redo) would apply, if any. */
export function peek<F>(stack: UndoStack<F>, direction: Direction): Change<F> | null {
  return stack[direction].at(-1) ?? null;
}

/** After the top change of `direction` was written, leaving the thing at `versionAfter`: it moves to the other stack. */
export function applied<F>(stack: UndoStack<F>, direction: Direction, versionAfter: number, depth = UNDO_DEPTH): UndoStack<F> {
  const top = peek(stack, direction);
  if (!top) return stack;
  const { entity, id } = top.step;
  const rest = rebased(stack[direction].slice(0, -1), entity, id, versionAfter);
  const moved = [...rebased(stack[direction === "undo" ? "redo" : "undo"], entity, id, versionAfter), { label: top.label, step: inverse(top.step, versionAfter) }].slice(-depth);
  return direction === "undo" ? { undo: rest, redo: moved } : { undo: moved, redo: rest };
}

/**
 * After the top change of `direction` was refused for good (someone changed or removed the
 * thing since): it is dropped, so the next press reaches the change below it.
 */
export function dropped<F>(stack: UndoStack<F>, direction: Direction): UndoStack<F> {
  return { ...stack, [direction]: stack[direction].slice(0, -1) };
}

/** The version of a thing after a write of `step` that returned no version: deletes and restores count one up. */
export function versionAfterStep<F>(step: Step<F>): number {
  return step.version + 1;
}

/** What a user saw of an annotation, to say what someone else changed on it. */
export interface AnnotationSnapshot {
  tagNames: string[];
  comment: string | null;
  claim: string | null;
  resolved: boolean;
  hidden: boolean;
}

/** The parts of an annotation that differ between what the user held and what is stored now, in words. */
export function changedParts(held: AnnotationSnapshot, now: AnnotationSnapshot | null): string[] {
  if (!now) return ["deleted it"];
  const parts: string[] = [];
  if ([...held.tagNames].sort().join("\n") !== [...now.tagNames].sort().join("\n")) parts.push(`retagged it (now ${now.tagNames.join(", ") || "untagged"})`);
  if (held.comment !== now.comment) parts.push(now.comment ? `changed its comment to “${now.comment}”` : "removed its comment");
  if (held.claim !== now.claim) parts.push(now.claim ? "changed its claim" : "removed its claim");
  if (held.resolved !== now.resolved) parts.push(now.resolved ? "marked it resolved" : "reopened it");
  if (held.hidden !== now.hidden) parts.push(now.hidden ? "hid it" : "showed it again");
  return parts;
}

/** "a, b and c". */
export function joinWords(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
