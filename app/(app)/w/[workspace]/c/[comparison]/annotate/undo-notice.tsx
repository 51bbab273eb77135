"use client";

import type { Direction } from "@/lib/domain/annotation/undo-stack";
import type { UndoNoticeState } from "./use-undo";

/**
 * What the last change, undo or redo did, with the button that reverses it (for mouse
 * users; the keys are Ctrl+Z and Ctrl+Shift+Z). Always in the page, so screen readers
 * hear each new message politely.
 */
export function UndoNotice({ notice, onRun, onDismiss }: { notice: UndoNoticeState | null; onRun: (direction: Direction) => void; onDismiss: () => void }) {
  return (
    <div className="undo-notice-region" role="status" aria-live="polite">
      {notice ? (
        <div className={`undo-notice${notice.ok ? "" : " undo-notice--refused"}`}>
          <span className="undo-notice__text">{notice.text}</span>
          {notice.button ? (
            <button type="button" className="button button--small" onClick={() => onRun(notice.button!.direction)} title={notice.button.direction === "undo" ? "Ctrl+Z" : "Ctrl+Shift+Z"}>
              {notice.button.label}
            </button>
          ) : null}
          <button type="button" className="button button--quiet button--small" onClick={onDismiss} aria-label="Dismiss this notice">
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
