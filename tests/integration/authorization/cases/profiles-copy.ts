import { expect } from "vitest";
import * as copy from "@/app/(app)/w/[workspace]/c/[comparison]/copy/actions";
import * as profiles from "@/app/api/workspaces/[workspaceSlug]/outlet-profiles/route";
import { db } from "@/lib/server/db/client";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { EDITORS, MEMBERS, type Expectation } from "../actors";
import { action, form, route } from "../matrix";
import { annotationIn, tagIn, unique } from "../world";

// Outlet profiles count everyone's annotations, as a report does: a class's student gets none.
const PROFILE_READERS: Expectation = { ...MEMBERS, studentBeforeReveal: 403 };

export const profilesCopyEntries = [
  route(profiles.GET, (c) => [
    c({
      name: "download the outlet profiles (CSV) counting someone else's annotation",
      expect: PROFILE_READERS,
      arrange: async (cell) => {
        const tag = await tagIn(cell.world);
        await annotationIn(cell.world, { tagId: tag.tagId });
        return tag;
      },
      request: (cell) => ({ params: { workspaceSlug: cell.world.workspace.slug } }),
      shows: (body, t) => String(body).includes(`,${t.name},All months,1,`),
    }),
  ]),
  action(copy.copyComparisonAction, (c) => [
    c({
      // The target is a new workspace of the actor's own, so only their role here decides.
      name: "copy the comparison into a workspace the actor owns",
      expect: EDITORS,
      arrange: async (cell) =>
        cell.user ? createWorkspace(cell.user, { name: unique("Copy desk") }) : { id: "", slug: cell.world.workspace.slug },
      args: (cell, t) => [null, form({ comparisonId: cell.world.comparison.id, targetWorkspaceSlug: t.slug, annotations: "copy" })],
      verify: async (cell, t, allowed) =>
        expect(await db().comparison.count({ where: { workspaceId: t.id, copiedFrom: { not: null } } })).toBe(allowed ? 1 : 0),
    }),
  ]),
];
