import { expect } from "vitest";
import * as analysers from "@/app/(app)/w/[workspace]/analysers/actions";
import * as annotate from "@/app/(app)/w/[workspace]/c/[comparison]/annotate/actions";
import { DEFAULT_LEXICON } from "@/lib/domain/analysis";
import { db } from "@/lib/server/db/client";
import { proposalRunKey } from "@/lib/server/services/proposals/ensure-proposals";
import { EDITORS, ok, type Expectation } from "../actors";
import { action, form, scenario, type Cell } from "../matrix";
import { unique } from "../world";

/** Proposals are for those who annotate a team's comparisons; a class gets none, so its members are refused for their role. */
const PROPOSERS: Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: ok, editor: ok, owner: ok, studentBeforeReveal: 403, teacher: 403, pendingStudent: 404 };
/** Owners and editors of a team change how analysers work; a class has no analysers to change. */
const ANALYSER_EDITORS: Expectation = { ...EDITORS, teacher: 400 };

const SHIPPED_RUN = proposalRunKey({ lexicon: undefined, hash: "default" });

/** A stored proposal on the world's source, as the analysers would leave it. */
async function proposalIn(cell: Cell) {
  const { world } = cell;
  const revision = await db().sourceRevision.findFirstOrThrow({ where: { currentOf: { id: world.source.id } }, select: { id: true } });
  await db().proposalRun.createMany({ data: [{ revisionId: revision.id, runKey: SHIPPED_RUN }], skipDuplicates: true });
  const { start, end } = world.span("spillway");
  const proposal = await db().proposal.create({
    data: {
      comparisonId: world.comparison.id,
      sourceId: world.source.id,
      revisionId: revision.id,
      analyser: "loaded-language",
      analyserVersion: 1,
      tagSetKey: "framing-devices",
      tagName: "Loaded language",
      start,
      end,
      exact: "spillway",
      confidence: 0.8,
      reason: unique("Proposed for the matrix"),
      runKey: SHIPPED_RUN,
    },
  });
  return { id: proposal.id };
}

const verdicts = (proposalId: string, cell: Cell) => db().proposalDecision.count({ where: { proposalId, userId: cell.user?.id ?? "" } });

const readProposals = scenario({ name: "the proposals on a source", expect: PROPOSERS, arrange: proposalIn });
const decide = (name: string) =>
  scenario({
    name,
    expect: PROPOSERS,
    arrange: proposalIn,
    verify: async (cell: Cell, t: { id: string }, allowed: boolean) => expect(await verdicts(t.id, cell)).toBe(allowed ? 1 : 0),
  });

const analyserChoice = (cell: Cell) => db().workspaceAnalyser.findUnique({ where: { workspaceId_analyser: { workspaceId: cell.world.workspace.id, analyser: "hedging" } } });
const ownList = (cell: Cell) => db().workspaceLexicon.findUnique({ where: { workspaceId: cell.world.workspace.id } });

export const proposalEntries = [
  action(annotate.fetchProposalsAction, (c) => [
    c({
      ...readProposals,
      args: (cell) => [cell.world.comparison.id, cell.world.source.id],
      shows: (body, t) => (body as { data: { id: string }[] }).data.some((p) => p.id === t.id),
    }),
  ]),
  action(annotate.acceptProposalAction, (c) => [c({ ...decide("accept a proposal"), args: (cell, t) => [cell.world.comparison.id, t.id] })]),
  action(annotate.rejectProposalAction, (c) => [c({ ...decide("reject a proposal"), args: (cell, t) => [cell.world.comparison.id, t.id] })]),
  action(annotate.acceptProposalsOfKindAction, (c) => [
    c({
      ...decide("accept all proposals of one kind in a source"),
      args: (cell) => [cell.world.comparison.id, { sourceId: cell.world.source.id, analyser: "loaded-language", tagId: cell.world.tag("Loaded language") }],
    }),
  ]),
  action(analysers.setAnalyserEnabledAction, (c) => [
    c({
      name: "switch an analyser off for the workspace",
      expect: ANALYSER_EDITORS,
      arrange: async (cell) => {
        await db().workspaceAnalyser.deleteMany({ where: { workspaceId: cell.world.workspace.id } });
        return {};
      },
      args: (cell) => [null, form({ workspace: cell.world.workspace.slug, analyser: "hedging", enabled: "off" })],
      verify: async (cell, _t, allowed) => expect((await analyserChoice(cell))?.enabled).toBe(allowed ? false : undefined),
    }),
  ]),
  action(analysers.saveLexiconAction, (c) => [
    c({
      name: "save the workspace's own loaded-terms list",
      expect: ANALYSER_EDITORS,
      arrange: async (cell) => {
        await db().workspaceLexicon.deleteMany({ where: { workspaceId: cell.world.workspace.id } });
        return { name: unique("Our list") };
      },
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, lexicon: JSON.stringify({ ...DEFAULT_LEXICON, name: t.name }) })],
      verify: async (cell, t, allowed) => expect(((await ownList(cell))?.lexicon as { name?: string } | undefined)?.name).toBe(allowed ? t.name : undefined),
    }),
  ]),
  action(analysers.resetLexiconAction, (c) => [
    c({
      name: "go back to the shipped loaded-terms list",
      expect: ANALYSER_EDITORS,
      arrange: async (cell) => {
        const lexicon = JSON.parse(JSON.stringify(DEFAULT_LEXICON));
        await db().workspaceLexicon.upsert({
          where: { workspaceId: cell.world.workspace.id },
          create: { workspaceId: cell.world.workspace.id, lexicon, hash: unique("hash"), updatedById: cell.world.owner.id },
          update: {},
        });
        return {};
      },
      args: (cell) => [null, form({ workspace: cell.world.workspace.slug })],
      verify: async (cell, _t, allowed) => expect(await ownList(cell)).toEqual(allowed ? null : expect.objectContaining({ workspaceId: cell.world.workspace.id })),
    }),
  ]),
];
