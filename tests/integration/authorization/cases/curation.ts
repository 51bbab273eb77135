import { expect } from "vitest";
import * as curate from "@/app/(app)/w/[workspace]/c/[comparison]/curate/actions";
import { db } from "@/lib/server/db/client";
import { EDITORS, type Expectation } from "../actors";
import { action } from "../matrix";
import { annotationIn } from "../world";

/** Editors curate; in a class every annotation is assignment work, which curation leaves alone (400: nothing to curate). */
const CURATORS: Expectation = { ...EDITORS, teacher: 400 };

export const curationEntries = [
  action(curate.curateSpanAction, (c) => [
    c({
      name: "accept a reviewer's span into the curated layer",
      expect: CURATORS,
      arrange: async (cell) => {
        const annotation = await annotationIn(cell.world);
        await db().curatedAnnotation.deleteMany({ where: { comparisonId: cell.world.comparison.id } });
        return annotation;
      },
      args: (cell, t) => [cell.world.comparison.id, { ...spanOf(cell.world.span("sacrificed")), verdict: "ACCEPTED", tagIds: [t.tagId] }],
      verify: async (cell, _t, allowed) =>
        expect(await db().curatedAnnotation.count({ where: { comparisonId: cell.world.comparison.id, verdict: "ACCEPTED" } })).toBe(allowed ? 1 : 0),
    }),
  ]),
];

function spanOf({ sourceId, start, end }: { sourceId: string; start: number; end: number }) {
  return { sourceId, start, end };
}
