import { expect } from "vitest";
import * as undo from "@/app/(app)/w/[workspace]/c/[comparison]/annotate/undo-actions";
import * as restoreOneAnnotation from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/restore/route";
import * as restoreOneRelation from "@/app/api/comparisons/[comparisonId]/relations/[relationId]/restore/route";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { ANNOTATORS, UNSEEN, type Expectation } from "../actors";
import { action, route, scenario, type Cell } from "../matrix";
import { annotationIn, type World } from "../world";

// Undo brings back only what the actor deleted themselves: someone else's deleted work does
// not exist for anyone (viewers are refused for their role before that is looked at).
const OTHERS_DELETED: Expectation = { ...UNSEEN, viewer: 403 };

/** An annotation by `author` (someone else by default), deleted as if by them: at version 2, as a delete leaves it. */
async function deletedAnnotation(world: World, author?: SessionUser | null) {
  const annotation = await annotationIn(world, { author: author ?? undefined });
  await db().annotation.update({ where: { id: annotation.id }, data: { deletedAt: new Date(), version: 2 } });
  return { id: annotation.id, version: 2 };
}

/** A relation between two annotations by `author` (someone else by default), by them, deleted at version 2. */
async function deletedRelation(world: World, author?: SessionUser | null) {
  const from = await annotationIn(world, { author: author ?? undefined });
  const to = await annotationIn(world, { author: author ?? undefined });
  const typeId = (await findRelationTypes(world.owner, world.comparison.id)).find((t) => t.key === "evidence")!.id;
  const relation = await createRelation(world.owner, world.comparison.id, { fromId: from.id, toId: to.id, typeId });
  await db().relation.update({ where: { id: relation.id }, data: { authorId: (author ?? world.colleague).id, deletedAt: new Date(), version: 2 } });
  return { id: relation.id, version: 2 };
}

const annotationRestored = async (_cell: Cell, t: { id: string }, allowed: boolean) =>
  expect((await db().annotation.findUniqueOrThrow({ where: { id: t.id } })).deletedAt === null).toBe(allowed);
const relationRestored = async (_cell: Cell, t: { id: string }, allowed: boolean) =>
  expect((await db().relation.findUniqueOrThrow({ where: { id: t.id } })).deletedAt === null).toBe(allowed);

const restoreOwn = scenario({ name: "restore own deleted annotation", expect: ANNOTATORS, arrange: (cell: Cell) => deletedAnnotation(cell.world, cell.user), verify: annotationRestored });
const restoreOthers = scenario({ name: "restore someone else's deleted annotation", expect: OTHERS_DELETED, arrange: (cell: Cell) => deletedAnnotation(cell.world), verify: annotationRestored });
const relinkOwn = scenario({ name: "restore own deleted relation", expect: ANNOTATORS, arrange: (cell: Cell) => deletedRelation(cell.world, cell.user), verify: relationRestored });
const relinkOthers = scenario({ name: "restore someone else's deleted relation", expect: OTHERS_DELETED, arrange: (cell: Cell) => deletedRelation(cell.world), verify: relationRestored });

export const undoEntries = [
  route(restoreOneAnnotation.POST, (c) =>
    [restoreOwn, restoreOthers].map((restore) => c({ ...restore, request: (cell, t) => ({ params: { comparisonId: cell.world.comparison.id, annotationId: t.id }, body: { version: t.version } }) })),
  ),
  route(restoreOneRelation.POST, (c) =>
    [relinkOwn, relinkOthers].map((restore) => c({ ...restore, request: (cell, t) => ({ params: { comparisonId: cell.world.comparison.id, relationId: t.id }, body: { version: t.version } }) })),
  ),
  action(undo.restoreAnnotationAction, (c) => [restoreOwn, restoreOthers].map((restore) => c({ ...restore, args: (cell, t) => [cell.world.comparison.id, t.id, t.version] }))),
  action(undo.restoreRelationAction, (c) => [relinkOwn, relinkOthers].map((restore) => c({ ...restore, args: (cell, t) => [cell.world.comparison.id, t.id, t.version] }))),
];
