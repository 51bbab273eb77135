import { expect } from "vitest";
import * as annotate from "@/app/(app)/w/[workspace]/c/[comparison]/annotate/actions";
import * as relationTypes from "@/app/(app)/w/[workspace]/c/[comparison]/taxonomy/relation-type-actions";
import * as oneRelation from "@/app/api/comparisons/[comparisonId]/relations/[relationId]/route";
import * as relations from "@/app/api/comparisons/[comparisonId]/relations/route";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { deleteRelation } from "@/lib/server/services/relations/update-relation";
import { ANNOTATORS, EDITORS, NOBODY, ok, PEERS_ACT, PEERS_SEE, UNSEEN, type Expectation } from "../actors";
import { action, form, route, scenario, type Cell } from "../matrix";
import { annotationIn, unique, type World } from "../world";

// A relation is seen by whoever sees both its ends: one end hidden, only owners, editors and teachers see it.
const MODERATORS_SEE: Expectation = { anonymous: 401, outsider: 404, viewer: 404, reviewer: 404, editor: ok, owner: ok, studentBeforeReveal: 404, teacher: ok, pendingStudent: 404 };

const typeOf = async (world: World, key: string) => (await findRelationTypes(world.owner, world.comparison.id)).find((t) => t.key === key)!.id;

/** Two annotations by `author` (someone else by default), the second hidden if asked, linked by "same as" and handed to `author`. */
async function relationIn(world: World, { author = world.colleague, hiddenEnd = false }: { author?: SessionUser | null; hiddenEnd?: boolean } = {}) {
  const from = await annotationIn(world, { author });
  const to = await annotationIn(world, { author, hidden: hiddenEnd });
  const relation = await createRelation(world.owner, world.comparison.id, { fromId: from.id, toId: to.id, typeId: await typeOf(world, "same-as") });
  await db().relation.update({ where: { id: relation.id }, data: { authorId: (author ?? world.colleague).id } });
  return { id: relation.id, version: 1, fromId: from.id, contradicts: await typeOf(world, "contradicts") };
}

const relationRow = (id: string) => db().relation.findUniqueOrThrow({ where: { id }, include: { type: true } });
const at = (cell: Cell) => ({ comparisonId: cell.world.comparison.id });
const on = (cell: Cell, relationId: string) => ({ comparisonId: cell.world.comparison.id, relationId });
type Called<T> = { data: T };
const listed = (list: { id: string }[], t: { id: string }) => list.some((r) => r.id === t.id);

// --- reading -------------------------------------------------------------------------

const othersRelation = scenario({ name: "a relation between someone else's annotations", expect: PEERS_SEE, arrange: (cell: Cell) => relationIn(cell.world) });
const hiddenEnd = scenario({ name: "a relation to a hidden annotation", expect: MODERATORS_SEE, arrange: (cell: Cell) => relationIn(cell.world, { hiddenEnd: true }) });
const deletedRelation = scenario({
  name: "a deleted relation",
  expect: UNSEEN,
  arrange: async (cell: Cell) => {
    const relation = await relationIn(cell.world);
    await deleteRelation(cell.world.colleague, cell.world.comparison.id, relation.id, { version: 1 });
    return relation;
  },
});
const reads = [othersRelation, hiddenEnd, deletedRelation];

// --- writing -------------------------------------------------------------------------

/** Two annotations to link, by `own` the actor or someone else; allowed, exactly one relation joins them. */
function link(name: string, expectation: Expectation, own: boolean) {
  return scenario({
    name,
    expect: expectation,
    arrange: async (cell: Cell) => {
      const author = own ? cell.user : cell.world.colleague;
      return { fromId: (await annotationIn(cell.world, { author })).id, toId: (await annotationIn(cell.world, { author })).id, typeId: await typeOf(cell.world, "evidence") };
    },
    verify: async (_cell, t, allowed) => expect(await db().relation.count({ where: { fromId: t.fromId, toId: t.toId } })).toBe(allowed ? 1 : 0),
  });
}
const linkOthers = link("link someone else's annotations", PEERS_ACT, false);
const linkOwn = link("link own annotations", ANNOTATORS, true);

function retype(name: string, expectation: Expectation, own: boolean) {
  return scenario({
    name,
    expect: expectation,
    arrange: (cell: Cell) => relationIn(cell.world, { author: own ? cell.user : undefined }),
    verify: async (_cell, t, allowed) => expect((await relationRow(t.id)).type.key).toBe(allowed ? "contradicts" : "same-as"),
  });
}
const retypeOthers = retype("change someone else's relation", NOBODY, false);
const retypeOwn = retype("change own relation", ANNOTATORS, true);

function unlink(name: string, expectation: Expectation, own: boolean) {
  return scenario({
    name,
    expect: expectation,
    arrange: (cell: Cell) => relationIn(cell.world, { author: own ? cell.user : undefined }),
    verify: async (_cell, t, allowed) => expect((await relationRow(t.id)).deletedAt !== null).toBe(allowed),
  });
}
const unlinkOthers = unlink("delete someone else's relation", NOBODY, false);
const unlinkOwn = unlink("delete own relation", ANNOTATORS, true);

const hiddenFields = (cell: Cell) => ({ ...cell.world.where, comparisonId: cell.world.comparison.id });
const typeRow = (id: string) => db().relationType.findUniqueOrThrow({ where: { id } });

export const relationEntries = [
  route(relations.GET, (c) =>
    reads.map((read) =>
      c({
        ...read,
        request: (cell, t) => ({ params: at(cell), query: { annotationId: t.fromId } }),
        shows: (body, t) => listed((body as { relations: { id: string }[] }).relations, t),
      }),
    ),
  ),
  route(relations.POST, (c) => [linkOthers, linkOwn].map((make) => c({ ...make, status: 201, request: (cell, t) => ({ params: at(cell), body: t }) }))),
  route(oneRelation.GET, (c) => reads.map((read) => c({ ...read, request: (cell, t) => ({ params: on(cell, t.id) }), shows: (body, t) => (body as { id: string }).id === t.id }))),
  route(oneRelation.PATCH, (c) =>
    [retypeOthers, retypeOwn].map((change) => c({ ...change, request: (cell, t) => ({ params: on(cell, t.id), body: { version: t.version, typeId: t.contradicts } }) })),
  ),
  route(oneRelation.DELETE, (c) =>
    [unlinkOthers, unlinkOwn].map((del) => c({ ...del, status: 204, request: (cell, t) => ({ params: on(cell, t.id), query: { version: String(t.version) } }) })),
  ),

  action(annotate.fetchRelationAction, (c) =>
    reads.map((read) => c({ ...read, args: (cell, t) => [cell.world.comparison.id, t.id], shows: (body, t) => (body as Called<{ id: string }>).data.id === t.id })),
  ),
  action(annotate.fetchAllRelationsAction, (c) =>
    reads.map((read) => c({ ...read, args: (cell) => [cell.world.comparison.id], shows: (body, t) => listed((body as Called<{ id: string }[]>).data, t) })),
  ),
  action(annotate.createRelationAction, (c) => [linkOthers, linkOwn].map((make) => c({ ...make, args: (cell, t) => [cell.world.comparison.id, t] }))),
  action(annotate.updateRelationAction, (c) =>
    [retypeOthers, retypeOwn].map((change) => c({ ...change, args: (cell, t) => [cell.world.comparison.id, t.id, { version: t.version, typeId: t.contradicts }] })),
  ),
  action(annotate.deleteRelationAction, (c) => [unlinkOthers, unlinkOwn].map((del) => c({ ...del, args: (cell, t) => [cell.world.comparison.id, t.id, t.version] }))),

  action(relationTypes.createRelationTypeAction, (c) => [
    c({
      name: "add a relation type",
      expect: EDITORS,
      arrange: async () => ({ name: unique("answers") }),
      args: (cell, t) => [null, form({ ...hiddenFields(cell), name: t.name })],
      verify: async (cell, t, allowed) => expect(await db().relationType.count({ where: { comparisonId: cell.world.comparison.id, name: t.name } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(relationTypes.renameRelationTypeAction, (c) => [
    c({
      name: "rename a relation type",
      expect: EDITORS,
      arrange: async (cell) => ({ typeId: await typeOf(cell.world, "speaker"), name: unique("quoted from") }),
      args: (cell, t) => [null, form({ ...hiddenFields(cell), typeId: t.typeId, name: t.name })],
      verify: async (_cell, t, allowed) => expect((await typeRow(t.typeId)).name === t.name).toBe(allowed),
    }),
  ]),
  action(relationTypes.setRelationTypeRetiredAction, (c) => [
    c({
      name: "retire a relation type",
      expect: EDITORS,
      arrange: async (cell) => {
        const typeId = await typeOf(cell.world, "same-as");
        await db().relationType.update({ where: { id: typeId }, data: { retiredAt: null } });
        return { typeId };
      },
      args: (cell, t) => [null, form({ ...hiddenFields(cell), typeId: t.typeId, retired: "true" })],
      verify: async (_cell, t, allowed) => {
        expect((await typeRow(t.typeId)).retiredAt !== null).toBe(allowed);
        await db().relationType.update({ where: { id: t.typeId }, data: { retiredAt: null } });
      },
    }),
  ]),
];
