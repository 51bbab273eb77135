import { expect } from "vitest";
import * as curate from "@/app/(app)/w/[workspace]/c/[comparison]/curate/actions";
import * as curatedRoute from "@/app/api/comparisons/[comparisonId]/curated/route";
import { db } from "@/lib/server/db/client";
import { EDITORS, MEMBERS, type Expectation } from "../actors";
import { action, route, scenario } from "../matrix";
import { annotationIn } from "../world";

/** Editors curate; in a class every annotation is assignment work, which curation leaves alone (400: nothing to curate). */
const CURATORS: Expectation = { ...EDITORS, teacher: 400 };
/** The curated layer is read like the report it feeds: students get neither. */
const REPORT_READERS: Expectation = { ...MEMBERS, studentBeforeReveal: 403 };

const acceptSpan = scenario({
  name: "accept a reviewer's span into the curated layer",
  expect: CURATORS,
  arrange: async (cell) => {
    const annotation = await annotationIn(cell.world);
    await db().curatedAnnotation.deleteMany({ where: { comparisonId: cell.world.comparison.id } });
    return annotation;
  },
  verify: async (cell, _t, allowed) =>
    expect(await db().curatedAnnotation.count({ where: { comparisonId: cell.world.comparison.id, verdict: "ACCEPTED" } })).toBe(allowed ? 1 : 0),
});

export const curationEntries = [
  action(curate.curateSpanAction, (c) => [
    c({ ...acceptSpan, args: (cell, t) => [cell.world.comparison.id, { ...spanOf(cell.world.span("sacrificed")), verdict: "ACCEPTED", tagIds: [t.tagId] }] }),
  ]),
  action(curate.fetchCurationAction, (c) => [
    c({
      name: "read a source's merge view for live updates",
      expect: EDITORS,
      args: (cell) => [cell.world.workspace.slug, cell.world.comparison.slug, cell.world.span("sacrificed").sourceId],
    }),
  ]),
  route(curatedRoute.POST, (c) => [
    c({
      ...acceptSpan,
      request: (cell, t) => ({ params: { comparisonId: cell.world.comparison.id }, body: { ...spanOf(cell.world.span("sacrificed")), verdict: "ACCEPTED", tagIds: [t.tagId] } }),
    }),
  ]),
  route(curatedRoute.GET, (c) => [
    c({ name: "read the curated layer", expect: REPORT_READERS, request: (cell) => ({ params: { comparisonId: cell.world.comparison.id } }) }),
  ]),
];

function spanOf({ sourceId, start, end }: { sourceId: string; start: number; end: number }) {
  return { sourceId, start, end };
}
