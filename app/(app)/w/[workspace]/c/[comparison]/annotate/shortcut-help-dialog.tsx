"use client";

import { Fragment, useEffect, useRef, type KeyboardEvent } from "react";
import { UserText } from "@/app/_components/user-text";
import type { TagSetOption } from "./annotate-types";
import { PROPOSAL_KEYS } from "./use-proposals";
import { UNDO_SHORTCUTS } from "./use-undo";

/**
 * Tab and Shift+Tab go round the dialog's own controls: a modal dialog makes the page inert,
 * but without this Tab would leave for the browser's address bar.
 */
function keepTabInside(event: KeyboardEvent<HTMLDialogElement>) {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("button, a[href], input, select, textarea, [tabindex]:not([tabindex='-1'])")];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/**
 * Every shortcut of the annotate view, in a modal dialog. The native `<dialog>` opened with
 * showModal() makes the rest of the page inert, closes on Escape and gives focus back to what
 * had it; its heading labels it, and Tab goes round its own controls (keepTabInside).
 */
export function ShortcutHelpDialog({
  open, onClose, tagSets, tagKeys, proposals,
}: {
  open: boolean;
  onClose: () => void;
  tagSets: TagSetOption[];
  tagKeys: Map<string, string>;
  /** Whether the proposal keys apply in this view. */
  proposals: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const tags = tagSets.flatMap((set) => set.tags.filter((t) => tagKeys.has(t.id)).map((t) => ({ ...t, set: set.name })));
  return (
    <dialog ref={ref} className="shortcut-help" aria-labelledby="shortcut-help-title" onClose={onClose} onKeyDown={keepTabInside}>
      <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
      <div className="shortcut-help__groups">
        <section aria-labelledby="shortcut-help-text">
          <h3 id="shortcut-help-text">Selecting words in the text</h3>
          <p className="meta">Click the text or Tab to it: a caret shows where you are.</p>
          <dl className="shortcut-list">
            <dt><kbd>←</kbd> <kbd>→</kbd></dt>
            <dd>Move the caret by a character</dd>
            <dt><kbd>Ctrl</kbd>/<kbd>Alt</kbd> + <kbd>←</kbd> <kbd>→</kbd></dt>
            <dd>Move the caret by a word</dd>
            <dt><kbd>Shift</kbd> + <kbd>←</kbd> <kbd>→</kbd></dt>
            <dd>Select, a character at a time</dd>
            <dt><kbd>Ctrl</kbd>/<kbd>Alt</kbd> + <kbd>Shift</kbd> + <kbd>←</kbd> <kbd>→</kbd></dt>
            <dd>Select, a word at a time (in right-to-left text the arrows follow the reading direction)</dd>
          </dl>
        </section>
        <section aria-labelledby="shortcut-help-annotate">
          <h3 id="shortcut-help-annotate">Annotating the selection</h3>
          <dl className="shortcut-list">
            <dt><kbd>1</kbd>–<kbd>9</kbd></dt>
            <dd>Add the tag with that key to the new annotation (press again to take it off); add more tags, a comment or a claim, then save</dd>
            <dt><kbd>Enter</kbd></dt>
            <dd>Save the new annotation (or a moved span)</dd>
            <dt><kbd>Esc</kbd></dt>
            <dd>Cancel: drop the selection and its draft (or put a moved span back)</dd>
          </dl>
          {tags.length > 0 ? (
            <ul className="plain-list shortcut-tags" aria-label="Tag keys">
              {tags.map((t) => (
                <li key={t.id}>
                  <kbd>{tagKeys.get(t.id)}</kbd> <span className="tag-chip" style={{ background: t.color }}><UserText>{t.name}</UserText></span>{" "}
                  <span className="meta"><UserText>{t.set}</UserText></span>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
        <section aria-labelledby="shortcut-help-span">
          <h3 id="shortcut-help-span">Moving an annotation&rsquo;s span</h3>
          <p className="meta">Open one of your annotations (click its highlight or its card): handles appear at its ends. Drag one to move that end by whole words (hold Alt to move it by character); it is saved when you let go.</p>
          <dl className="shortcut-list">
            <dt><kbd>[</kbd> <kbd>]</kbd></dt>
            <dd>Move the start back or forward by a word</dd>
            <dt><kbd>{"{"}</kbd> <kbd>{"}"}</kbd></dt>
            <dd>Move the end back or forward by a word</dd>
            <dt><kbd>Enter</kbd> / <kbd>Esc</kbd></dt>
            <dd>Save the moved span / put it back</dd>
          </dl>
        </section>
        <section aria-labelledby="shortcut-help-undo">
          <h3 id="shortcut-help-undo">Undo and redo</h3>
          <p className="meta">Your own changes in this view, newest first; inside a text field the field&rsquo;s own undo applies.</p>
          <dl className="shortcut-list">
            {UNDO_SHORTCUTS.map((s) => (
              <Fragment key={s.keys}>
                <dt>{s.keys}</dt>
                <dd>{s.does}</dd>
              </Fragment>
            ))}
          </dl>
        </section>
        {proposals ? (
          <section aria-labelledby="shortcut-help-proposals">
            <h3 id="shortcut-help-proposals">Proposals</h3>
            <dl className="shortcut-list">
              <dt><kbd>{PROPOSAL_KEYS.next}</kbd> <kbd>{PROPOSAL_KEYS.previous}</kbd></dt>
              <dd>Next and previous proposal</dd>
              <dt><kbd>{PROPOSAL_KEYS.accept}</kbd> <kbd>{PROPOSAL_KEYS.reject}</kbd></dt>
              <dd>Accept or reject the active proposal</dd>
            </dl>
          </section>
        ) : null}
        <section aria-labelledby="shortcut-help-general">
          <h3 id="shortcut-help-general">This list</h3>
          <dl className="shortcut-list">
            <dt><kbd>?</kbd></dt>
            <dd>Show these shortcuts</dd>
            <dt><kbd>Esc</kbd></dt>
            <dd>Close them</dd>
          </dl>
        </section>
      </div>
      <form method="dialog">
        <button type="submit" className="button">Close</button>
      </form>
    </dialog>
  );
}
