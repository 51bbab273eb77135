"use client";

import type { ArrangedColumn } from "@/lib/domain/columns/column-layout";
import type { ViewSource } from "./comparison-types";

/** Which sources show side by side and in what order: a checkbox and two move buttons per source. */
export function ColumnPicker({ columns, sources, onHidden, onMove }: {
  columns: ArrangedColumn[];
  sources: Map<string, ViewSource>;
  onHidden: (id: string, hidden: boolean) => void;
  onMove: (id: string, by: number) => void;
}) {
  const shown = columns.filter((c) => !c.hidden).length;
  return (
    <details className="sbs__picker">
      <summary>
        Columns: {shown} of {columns.length} sources shown <span className="meta">(choose and order them; kept for you on every browser)</span>
      </summary>
      <ol className="column-picker" aria-label="Sources, left to right">
        {columns.map((column, i) => {
          const outlet = sources.get(column.id)?.outlet ?? "";
          return (
            <li key={column.id} className="column-picker__item">
              <label className="check">
                <input type="checkbox" checked={!column.hidden} onChange={(e) => onHidden(column.id, !e.target.checked)} />
                {outlet}
                <span className="meta"> · {sources.get(column.id)?.title}</span>
              </label>
              <span className="column-picker__moves">
                <button type="button" className="button button--quiet button--small" disabled={i === 0} aria-label={`Move ${outlet} left`} title="Move left" onClick={() => onMove(column.id, -1)}>
                  ←
                </button>
                <button type="button" className="button button--quiet button--small" disabled={i === columns.length - 1} aria-label={`Move ${outlet} right`} title="Move right" onClick={() => onMove(column.id, 1)}>
                  →
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
