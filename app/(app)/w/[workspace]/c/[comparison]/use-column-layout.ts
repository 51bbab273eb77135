"use client";

import { useState, useTransition } from "react";
import { arrangeColumns, moveColumn, toLayout, type ArrangedColumn, type ColumnLayout } from "@/lib/domain/columns/column-layout";
import { saveColumnLayoutAction } from "./actions";
import type { Where } from "./comparison-types";

/**
 * The user's arrangement of the side-by-side columns: changed at once on screen and saved
 * on the server for them (so it follows them to another browser). A failed save says so.
 */
export function useColumnLayout(where: Where, sourceIds: string[], initial: ColumnLayout) {
  const [columns, setColumns] = useState<ArrangedColumn[]>(() => arrangeColumns(sourceIds, initial));
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const arranged = arrangeColumns(sourceIds, toLayout(columns));

  function change(next: ArrangedColumn[]) {
    setColumns(next);
    startTransition(async () => {
      const result = await saveColumnLayoutAction(where, toLayout(next));
      setError(result.ok ? null : `Your column layout was not saved: ${result.message}`);
    });
  }

  const update = (id: string, patch: Partial<ArrangedColumn>) => change(arranged.map((c) => (c.id === id ? { ...c, ...patch } : c)));

  return {
    columns: arranged,
    error,
    setHidden: (id: string, hidden: boolean) => update(id, { hidden }),
    setCollapsed: (id: string, collapsed: boolean) => update(id, { collapsed }),
    move: (id: string, by: number) => change(moveColumn(arranged, id, by)),
  };
}
