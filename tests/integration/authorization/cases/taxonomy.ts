import { expect } from "vitest";
import * as taxonomy from "@/app/(app)/w/[workspace]/c/[comparison]/taxonomy/actions";
import { db } from "@/lib/server/db/client";
import { retireTag } from "@/lib/server/services/taxonomy/retire-tag";
import { EDITORS } from "../actors";
import { action, form } from "../matrix";
import { tagIn, unique } from "../world";

const tagRow = (id: string) => db().tag.findUniqueOrThrow({ where: { id } });

export const taxonomyEntries = [
  action(taxonomy.createTagAction, (c) => [
    c({
      name: "add a tag",
      expect: EDITORS,
      arrange: async () => ({ name: unique("Hedging") }),
      args: (cell, t) => [null, form({ ...cell.world.where, tagSetId: cell.world.tagSetId, name: t.name, color: "#f5aea3" })],
      verify: async (cell, t, allowed) => expect(await db().tag.count({ where: { tagSetId: cell.world.tagSetId, name: t.name } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(taxonomy.updateTagAction, (c) => [
    c({
      name: "rename a tag",
      expect: EDITORS,
      arrange: async (cell) => ({ ...(await tagIn(cell.world)), change: unique("Renamed tag") }),
      args: (cell, t) => [null, form({ ...cell.world.where, tagId: t.tagId, name: t.change, description: "", color: "#f5aea3" })],
      verify: async (_cell, t, allowed) => expect((await tagRow(t.tagId)).name).toBe(allowed ? t.change : t.name),
    }),
  ]),
  action(taxonomy.setTagRetiredAction, (c) => [
    c({
      name: "retire a tag",
      expect: EDITORS,
      arrange: (cell) => tagIn(cell.world),
      args: (cell, t) => [null, form({ ...cell.world.where, tagId: t.tagId, retired: "true" })],
      verify: async (_cell, t, allowed) => expect((await tagRow(t.tagId)).retiredAt !== null).toBe(allowed),
    }),
    c({
      name: "restore a retired tag",
      expect: EDITORS,
      arrange: async (cell) => {
        const tag = await tagIn(cell.world);
        await retireTag(cell.world.owner, cell.world.where.workspace, cell.world.where.comparison, tag.tagId);
        return tag;
      },
      args: (cell, t) => [null, form({ ...cell.world.where, tagId: t.tagId, retired: "false" })],
      verify: async (_cell, t, allowed) => expect((await tagRow(t.tagId)).retiredAt === null).toBe(allowed),
    }),
  ]),
  action(taxonomy.mergeTagsAction, (c) => [
    c({
      name: "merge one tag into another",
      expect: EDITORS,
      arrange: async (cell) => ({ tagId: (await tagIn(cell.world)).tagId, intoTagId: (await tagIn(cell.world)).tagId }),
      args: (cell, t) => [null, form({ ...cell.world.where, tagId: t.tagId, intoTagId: t.intoTagId })],
      verify: async (_cell, t, allowed) => expect((await tagRow(t.tagId)).mergedIntoId).toBe(allowed ? t.intoTagId : null),
    }),
  ]),
];
