"use client";

import { useState, useTransition } from "react";
import { nextUnfinishedSource } from "@/lib/domain/work-queue/progress";
import { setSourceDoneAction } from "../work-queue-actions";
import styles from "../work-queue.module.css";

/**
 * The reviewer's work queue in the annotate view: mark the source shown done (or undo it),
 * and go to the next source they have not finished.
 */
export function WorkQueueBar({
  comparisonId, sourceIds, sourceId, initialDone, onShow,
}: {
  comparisonId: string;
  sourceIds: string[];
  sourceId: string;
  initialDone: string[];
  onShow: (sourceId: string) => void;
}) {
  const [done, setDone] = useState(() => new Set(initialDone));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const isDone = done.has(sourceId);
  const next = nextUnfinishedSource(sourceIds, done, sourceId);

  function toggle() {
    startTransition(async () => {
      const result = await setSourceDoneAction(comparisonId, { sourceId, done: !isDone });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setDone((current) => {
        const updated = new Set(current);
        if (result.data.doneAt) updated.add(result.data.sourceId);
        else updated.delete(result.data.sourceId);
        return updated;
      });
    });
  }

  return (
    <div className={styles.bar} role="group" aria-label="Work queue">
      <button type="button" className="button button--small" aria-pressed={isDone} disabled={pending} onClick={toggle}>
        {isDone ? "Done ✓ (undo)" : "Mark done"}
      </button>
      <button type="button" className="button button--quiet button--small" disabled={!next} onClick={() => next && onShow(next)}>
        {next ? "Next source" : "No unfinished source left"}
      </button>
      <span className={styles.count} role="status">
        {done.size} of {sourceIds.length} sources done
      </span>
      {error ? <span role="alert">{error}</span> : null}
    </div>
  );
}
