import { expect } from "vitest";
import * as agreement from "@/app/(app)/w/[workspace]/c/[comparison]/agreement/actions";
import * as sideBySide from "@/app/(app)/w/[workspace]/c/[comparison]/actions";
import * as sources from "@/app/(app)/w/[workspace]/c/[comparison]/sources/actions";
import * as workspace from "@/app/(app)/w/[workspace]/actions";
import * as comparisons from "@/app/api/workspaces/[workspaceSlug]/comparisons/route";
import { db } from "@/lib/server/db/client";
import { createSource } from "@/lib/server/services/sources/create-source";
import { EDITORS, MEMBERS } from "../actors";
import { action, form, route, type Cell } from "../matrix";
import { factRowIn, unique } from "../world";

const countWhere = {
  comparisons: (cell: Cell, title: string) => db().comparison.count({ where: { workspaceId: cell.world.workspace.id, title } }),
  sources: (cell: Cell, title: string) => db().source.count({ where: { comparisonId: cell.world.comparison.id, title } }),
  factRows: (cell: Cell, label: string) => db().factRow.count({ where: { comparisonId: cell.world.comparison.id, label } }),
};

/** An article no other cell adds, so the duplicate check never interferes. */
const article = (title: string) => `${title}: the spillway was opened at dawn.\n\nResidents were not warned before the water arrived.`;

export const comparisonEntries = [
  route(comparisons.GET, (c) => [
    c({
      name: "list the workspace's comparisons",
      expect: MEMBERS,
      arrange: async (cell) => cell.world.comparison,
      request: (cell) => ({ params: { workspaceSlug: cell.world.workspace.slug } }),
      shows: (body, t) => (body as { comparisons: { id: string }[] }).comparisons.some((listed) => listed.id === t.id),
    }),
  ]),
  action(workspace.createComparisonAction, (c) => [
    c({
      name: "create a comparison",
      expect: EDITORS,
      arrange: async () => ({ title: unique("Barrier failure") }),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, title: t.title, description: "", eventDate: "" })],
      verify: async (cell, t, allowed) => expect(await countWhere.comparisons(cell, t.title)).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(sources.createSourceAction, (c) => [
    c({
      name: "add a source by pasting its text",
      expect: EDITORS,
      arrange: async () => ({ title: unique("Harbour report") }),
      args: (cell, t) => [
        null,
        form({ ...cell.world.where, mode: "paste", text: article(t.title), title: t.title, outletId: "new", outletName: "Harbour Wire" }),
      ],
      verify: async (cell, t, allowed) => expect(await countWhere.sources(cell, t.title)).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(sources.createOutletAction, (c) => [
    c({
      name: "add an outlet",
      expect: EDITORS,
      arrange: async () => ({ name: unique("Coast Courier") }),
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, name: t.name })],
      verify: async (cell, t, allowed) =>
        expect(await db().outlet.count({ where: { workspaceId: cell.world.workspace.id, name: t.name } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(sources.updateSourceTextAction, (c) => [
    c({
      name: "edit a source's text",
      expect: EDITORS,
      // A source of its own: editing the shared one would move every other cell's offsets.
      arrange: async (cell) => {
        const title = unique("Edited report");
        const source = await createSource(cell.world.owner, cell.world.where.workspace, cell.world.where.comparison, {
          content: { kind: "paste", text: article(title) },
          metadata: { title },
        });
        return { sourceId: source.id, text: `${article(title)}\n\nA correction was added later.` };
      },
      args: (cell, t) => [null, form({ ...cell.world.where, sourceId: t.sourceId, text: t.text, baseRevision: "1" })],
      verify: async (_cell, t, allowed) => expect(await db().sourceRevision.count({ where: { sourceId: t.sourceId } })).toBe(allowed ? 2 : 1),
    }),
  ]),
  action(sideBySide.setPassageAction, (c) => [
    c({
      name: "put a passage in a new fact row",
      expect: EDITORS,
      arrange: async () => ({ label: unique("Spillway opened") }),
      args: (cell, t) => [cell.world.where, { label: t.label, ...cell.world.span("opened the spillway") }],
      verify: async (cell, t, allowed) => expect(await countWhere.factRows(cell, t.label)).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(sideBySide.removePassageAction, (c) => [
    c({
      name: "take a passage out of its fact row",
      expect: EDITORS,
      arrange: (cell) => factRowIn(cell.world),
      args: (cell, t) => [cell.world.where, t.passageId],
      verify: async (_cell, t, allowed) => expect(await db().passage.count({ where: { id: t.passageId } })).toBe(allowed ? 0 : 1),
    }),
  ]),
  action(sideBySide.saveColumnLayoutAction, (c) => [
    c({
      name: "save one's own arrangement of the side by side's columns",
      expect: MEMBERS,
      args: (cell) => [cell.world.where, { order: [cell.world.source.id], hidden: [], collapsed: [cell.world.source.id] }],
      verify: async (cell, _t, allowed) => {
        if (!cell.user) return;
        const saved = await db().columnLayout.count({ where: { userId: cell.user.id, comparisonId: cell.world.comparison.id } });
        expect(saved).toBe(allowed ? 1 : 0);
      },
    }),
  ]),
  action(sources.updateSourceLanguageAction, (c) => [
    c({
      name: "set a source's language",
      expect: EDITORS,
      arrange: async (cell) => {
        const title = unique("Language report");
        return createSource(cell.world.owner, cell.world.where.workspace, cell.world.where.comparison, { content: { kind: "paste", text: article(title) }, metadata: { title } });
      },
      args: (cell, t) => [null, form({ ...cell.world.where, sourceId: t.id, language: "fa" })],
      verify: async (_cell, t, allowed) => expect((await db().source.findUniqueOrThrow({ where: { id: t.id } })).language === "fa").toBe(allowed),
    }),
  ]),
  action(sideBySide.suggestPassagesAction, (c) => [
    c({
      name: "suggest matching passages",
      expect: MEMBERS,
      args: (cell) => {
        const { sourceId, start, end } = cell.world.span("decision reckless");
        return [cell.world.where, { sourceId, start, end }];
      },
      shows: (body) => Array.isArray((body as { data: unknown }).data),
    }),
  ]),
  action(sideBySide.renameFactRowAction, (c) => [
    c({
      name: "rename a fact row",
      expect: EDITORS,
      arrange: async (cell) => ({ ...(await factRowIn(cell.world)), change: unique("Renamed fact") }),
      args: (cell, t) => [cell.world.where, t.factRowId, t.change],
      verify: async (_cell, t, allowed) =>
        expect((await db().factRow.findUniqueOrThrow({ where: { id: t.factRowId } })).label).toBe(allowed ? t.change : t.label),
    }),
  ]),
  action(sideBySide.deleteFactRowAction, (c) => [
    c({
      name: "delete a fact row",
      expect: EDITORS,
      arrange: (cell) => factRowIn(cell.world),
      args: (cell, t) => [cell.world.where, t.factRowId],
      verify: async (_cell, t, allowed) => expect(await db().factRow.count({ where: { id: t.factRowId } })).toBe(allowed ? 0 : 1),
    }),
  ]),
  action(agreement.resolveDisagreementAction, (c) => [
    c({
      name: "settle a disagreement",
      expect: EDITORS,
      arrange: async () => ({ note: unique("Settled") }),
      args: (cell, t) => {
        const { sourceId, start, end } = cell.world.span("sacrificed");
        return [cell.world.where, { sourceId, tagSetId: cell.world.tagSetId, start, end, kind: "RESOLVED", note: t.note }];
      },
      verify: async (cell, t, allowed) =>
        expect(await db().disagreementResolution.count({ where: { comparisonId: cell.world.comparison.id, note: t.note } })).toBe(allowed ? 1 : 0),
    }),
  ]),
];
