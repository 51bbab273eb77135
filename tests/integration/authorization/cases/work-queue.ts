import { expect } from "vitest";
import * as queue from "@/app/(app)/w/[workspace]/c/[comparison]/work-queue-actions";
import { db } from "@/lib/server/db/client";
import type { ProgressTable } from "@/lib/server/services/source-progress/find-source-progress";
import { ANNOTATORS, type Expectation } from "../actors";
import { action, type Cell } from "../matrix";

/** The work queue is for those who annotate; students are kept out of it (their assignments track their work). */
const QUEUE: Expectation = { ...ANNOTATORS, studentBeforeReveal: 403 };
/** The progress table: null (nothing to show, so 404) for viewers and students. */
const OWN_PROGRESS: Expectation = { ...QUEUE, viewer: 404, studentBeforeReveal: 404 };
const marked = async (cell: Cell) =>
  cell.user ? db().sourceProgress.count({ where: { userId: cell.user.id, sourceId: cell.world.source.id } }) : 0;
type Called = { data: ProgressTable };

export const workQueueEntries = [
  action(queue.setSourceDoneAction, (c) => [
    c({
      name: "mark a source done",
      expect: QUEUE,
      args: (cell) => [cell.world.comparison.id, { sourceId: cell.world.source.id, done: true }],
      verify: async (cell, _t, allowed) => expect(await marked(cell)).toBe(allowed ? 1 : 0),
    }),
    c({
      name: "undo one's own done mark",
      expect: QUEUE,
      // The mark is written directly: it stands for one made while the actor could (a former reviewer's).
      arrange: async (cell) => {
        if (cell.user) await db().sourceProgress.createMany({ data: [{ userId: cell.user.id, sourceId: cell.world.source.id }], skipDuplicates: true });
      },
      args: (cell) => [cell.world.comparison.id, { sourceId: cell.world.source.id, done: false }],
      verify: async (cell, _t, allowed) => expect(await marked(cell)).toBe(allowed || !cell.user ? 0 : 1),
    }),
  ]),
  action(queue.fetchProgressTableAction, (c) => [
    c({
      name: "read one's own progress",
      expect: OWN_PROGRESS,
      args: (cell) => [cell.world.comparison.id],
      shows: (body) => (body as Called).data.rows.length > 0,
    }),
  ]),
];
