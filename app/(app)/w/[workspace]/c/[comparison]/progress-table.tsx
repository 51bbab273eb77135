"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { useComparisonEvents } from "@/app/_components/use-comparison-events";
import { UserText } from "@/app/_components/user-text";
import type { ProgressCell } from "@/lib/domain/work-queue/progress";
import type { ProgressTable as Table } from "@/lib/server/services/source-progress/find-source-progress";
import { fetchProgressTableAction } from "./work-queue-actions";
import styles from "./work-queue.module.css";

const CELL_CLASS = { done: styles.done, started: styles.started, "not-started": styles.notStarted };

function cellText(cell: ProgressCell) {
  const count = `${cell.annotations} annotation${cell.annotations === 1 ? "" : "s"}`;
  if (cell.state === "done") return `Done · ${count}`;
  return cell.state === "started" ? count : "Not started";
}

/**
 * The reviewer × source progress of the work queue: every reviewer for editors, one's own
 * row for a reviewer. It follows marks and annotations live, re-reading the table (through
 * the permission-checked action) when someone marks a source or annotates.
 */
export function ProgressTable({ comparisonId, annotateHref, initial }: { comparisonId: string; annotateHref: string; initial: Table }) {
  const [table, setTable] = useState(initial);
  const refresh = useCallback(() => {
    void fetchProgressTableAction(comparisonId).then((result) => {
      if (result.ok && result.data) setTable(result.data);
    });
  }, [comparisonId]);
  const status = useComparisonEvents(comparisonId, (event) => {
    if (event.type === "source-progress" || event.type === "annotation") refresh();
  });
  // Each time the stream (re)connects, catch up on what changed while it was not listening.
  useEffect(() => {
    if (status === "live") refresh();
  }, [status, refresh]);

  return (
    <section className="card" aria-labelledby="work-queue-heading">
      <h2 id="work-queue-heading">{table.scope === "all" ? "Reviewers' progress" : "Your progress"}</h2>
      {table.rows.length === 0 ? (
        <p className="empty">Nobody annotates this comparison yet.</p>
      ) : (
        <div className={styles.scroll}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                {table.sources.map((s) => (
                  <th key={s.id} scope="col" title={s.title}>
                    <Link href={`${annotateHref}?source=${s.id}`}><UserText>{s.outlet}</UserText></Link>
                  </th>
                ))}
                <th scope="col">Done</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={row.reviewer.id}>
                  <th scope="row"><UserText>{row.reviewer.name}</UserText></th>
                  {row.cells.map((cell) => (
                    <td key={cell.sourceId} className={CELL_CLASS[cell.state]}>
                      {cellText(cell)}
                    </td>
                  ))}
                  <td>
                    {row.done} of {table.sources.length}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
