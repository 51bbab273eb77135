import { expect } from "vitest";
import * as align from "@/app/(app)/w/[workspace]/c/[comparison]/align/actions";
import { proposalKey, type ProposalPassage } from "@/lib/domain/alignment/proposals";
import type { AlignmentProposalStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db/client";
import { createSource } from "@/lib/server/services/sources/create-source";
import { EDITORS } from "../actors";
import { action, type Cell } from "../matrix";
import { unique, type World } from "../world";

const SECOND = "Engineers opened the spillway at first light to spare the city centre.";
const seconds = new Map<string, Promise<string>>();

/** A second source in the world's comparison (made once), so a proposal can span two outlets. */
function secondSourceOf(world: World): Promise<string> {
  let made = seconds.get(world.comparison.id);
  if (!made) {
    made = createSource(world.owner, world.where.workspace, world.where.comparison, {
      content: { kind: "paste", text: SECOND },
      metadata: { title: unique("Spillway at first light"), outletName: "River Post" },
    }).then((s) => s.id);
    seconds.set(world.comparison.id, made);
  }
  return made;
}

async function passageOf(sourceId: string, words: string): Promise<ProposalPassage> {
  const revision = await db().sourceRevision.findFirstOrThrow({ where: { currentOf: { id: sourceId } }, select: { id: true, text: true } });
  const start = revision.text.indexOf(words);
  return { sourceId, revisionId: revision.id, start, end: start + words.length, exact: words };
}

/** An Align all proposal in the cell's comparison, written as a run would: of both sources, or of one. */
async function proposalIn(cell: Cell, { status = "PROPOSED", sources = "both" }: { status?: AlignmentProposalStatus; sources?: "both" | "first" | "second" } = {}) {
  const { world } = cell;
  const second = await secondSourceOf(world);
  const passages = [
    ...(sources === "second" ? [] : [await passageOf(world.source.id, "Officials opened the spillway at dawn")]),
    ...(sources === "first" ? [] : [await passageOf(second, "Engineers opened the spillway at first light")]),
  ];
  const links = passages.length === 2 ? [{ a: 0, b: 1, score: 0.995 }] : [];
  const created = await db().alignmentProposal.create({
    data: {
      comparisonId: world.comparison.id,
      status,
      position: 0,
      passages,
      passageCount: passages.length,
      links,
      score: links.length ? 0.995 : 0,
      key: proposalKey(passages),
    },
  });
  return { id: created.id, secondSourceId: second };
}

const statusOf = async (id: string) => (await db().alignmentProposal.findUniqueOrThrow({ where: { id } })).status;
const latestRun = async (comparisonId: string) =>
  (await db().alignmentProposal.aggregate({ where: { comparisonId, edited: false }, _max: { createdAt: true } }))._max.createdAt?.getTime() ?? 0;

export const alignmentEntries = [
  action(align.runAlignmentAction, (c) => [
    c({
      name: "run Align all",
      expect: EDITORS,
      arrange: async (cell) => {
        await secondSourceOf(cell.world);
        return { before: await latestRun(cell.world.comparison.id) };
      },
      args: (cell) => [cell.world.where],
      verify: async (cell, t, allowed) => expect((await latestRun(cell.world.comparison.id)) > t.before).toBe(allowed),
    }),
  ]),
  action(align.acceptAlignmentProposalAction, (c) => [
    c({
      name: "accept a proposal as a fact row",
      expect: EDITORS,
      arrange: (cell) => proposalIn(cell),
      args: (cell, t) => [cell.world.where, t.id],
      verify: async (_cell, t, allowed) => {
        const proposal = await db().alignmentProposal.findUniqueOrThrow({ where: { id: t.id } });
        expect(proposal.status).toBe(allowed ? "ACCEPTED" : "PROPOSED");
        expect(proposal.factRowId !== null).toBe(allowed);
      },
    }),
  ]),
  action(align.acceptAlignmentProposalsAboveAction, (c) => [
    c({
      name: "accept every proposal above a score",
      expect: EDITORS,
      arrange: (cell) => proposalIn(cell),
      args: (cell) => [cell.world.where, 0.99],
      verify: async (_cell, t, allowed) => expect(await statusOf(t.id)).toBe(allowed ? "ACCEPTED" : "PROPOSED"),
    }),
  ]),
  action(align.rejectAlignmentProposalAction, (c) => [
    c({
      name: "reject a proposal",
      expect: EDITORS,
      arrange: (cell) => proposalIn(cell),
      args: (cell, t) => [cell.world.where, t.id],
      verify: async (_cell, t, allowed) => expect(await statusOf(t.id)).toBe(allowed ? "REJECTED" : "PROPOSED"),
    }),
  ]),
  action(align.reopenAlignmentProposalAction, (c) => [
    c({
      name: "review a rejected proposal again",
      expect: EDITORS,
      arrange: (cell) => proposalIn(cell, { status: "REJECTED" }),
      args: (cell, t) => [cell.world.where, t.id],
      verify: async (_cell, t, allowed) => expect(await statusOf(t.id)).toBe(allowed ? "PROPOSED" : "REJECTED"),
    }),
  ]),
  action(align.splitAlignmentProposalAction, (c) => [
    c({
      name: "split a passage out of a proposal",
      expect: EDITORS,
      arrange: (cell) => proposalIn(cell),
      args: (cell, t) => [cell.world.where, t.id, t.secondSourceId],
      verify: async (_cell, t, allowed) =>
        expect((await db().alignmentProposal.findUniqueOrThrow({ where: { id: t.id } })).passageCount).toBe(allowed ? 1 : 2),
    }),
  ]),
  action(align.mergeAlignmentProposalsAction, (c) => [
    c({
      name: "merge two proposals",
      expect: EDITORS,
      arrange: async (cell) => ({ first: await proposalIn(cell, { sources: "first" }), second: await proposalIn(cell, { sources: "second" }) }),
      args: (cell, t) => [cell.world.where, t.first.id, t.second.id],
      verify: async (_cell, t, allowed) => {
        expect((await db().alignmentProposal.findUniqueOrThrow({ where: { id: t.first.id } })).passageCount).toBe(allowed ? 2 : 1);
        expect(await db().alignmentProposal.count({ where: { id: t.second.id } })).toBe(allowed ? 0 : 1);
      },
    }),
  ]),
];
