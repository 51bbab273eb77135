import "server-only";
import { randomUUID } from "node:crypto";
import { factRowLabel, type ProposalPassage } from "@/lib/domain/alignment/proposals";
import { Prisma } from "@/lib/generated/prisma/client";
import { ZAcceptAlignmentAbove, ZAlignmentProposalId } from "@/lib/schemas/alignment";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { spanTarget } from "@/lib/server/services/sources/span-target";
import { parseInput } from "@/lib/server/validation";
import { currentRevisions, readProposal, requireOpenProposal } from "./proposal-fields";

const EDITED_SINCE = "A source was edited since Align all ran, so these passages may no longer be where they were. Run Align all again.";

/**
 * Makes ordinary fact rows of proposals, in their order, after the comparison's last row:
 * each passage anchored on its source's current revision as a hand-made one is (quote and
 * position selectors), and the proposal marked accepted with its row. Written in three
 * statements whatever the number of proposals, so accepting hundreds at once stays quick.
 */
async function acceptInTx(tx: DbTx, actor: Actor, comparisonId: string, proposals: { id: string; passages: ProposalPassage[] }[]) {
  if (proposals.length === 0) return [];
  const revisions = await currentRevisions(tx, comparisonId);
  const last = await tx.factRow.aggregate({ where: { comparisonId }, _max: { position: true } });
  const first = (last._max.position ?? -1) + 1;
  const rows = proposals.map((proposal, i) => ({
    id: randomUUID(),
    proposalId: proposal.id,
    label: factRowLabel(proposal.passages),
    position: first + i,
    passages: proposal.passages.map((p) => {
      const source = revisions.get(p.sourceId);
      if (!source || source.currentRevision.id !== p.revisionId) throw new AppError("CONFLICT", EDITED_SINCE);
      return { sourceId: p.sourceId, ...spanTarget(source.currentRevision, { start: p.start, end: p.end, revisionNumber: source.currentRevision.number }) };
    }),
  }));
  await tx.factRow.createMany({ data: rows.map(({ id, label, position }) => ({ id, comparisonId, label, position })) });
  await tx.passage.createMany({ data: rows.flatMap((row) => row.passages.map((p) => ({ factRowId: row.id, ...p }))) });
  const decided = await tx.$executeRaw`
    UPDATE "AlignmentProposal" AS p
    SET "status" = 'ACCEPTED', "factRowId" = v.row, "decidedById" = ${actor.id}, "decidedAt" = CURRENT_TIMESTAMP
    FROM (VALUES ${Prisma.join(rows.map((row) => Prisma.sql`(${row.proposalId}, ${row.id})`))}) AS v(id, row)
    WHERE p."id" = v.id AND p."comparisonId" = ${comparisonId} AND p."status" = 'PROPOSED'`;
  if (decided !== rows.length) throw new AppError("CONFLICT", "Someone decided on that proposal meanwhile. Reload the list to see where it stands.");
  return rows.map((row) => row.id);
}

/** Accepts one proposal: it becomes a fact row (of one source, for a passage only its outlet reports). */
export async function acceptAlignmentProposal(actor: Actor, workspaceSlug: string, comparisonSlug: string, proposalId: unknown) {
  const id = parseInput(ZAlignmentProposalId, proposalId);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    const proposal = await requireOpenProposal(tx, comparison.id, id);
    const [factRowId] = await acceptInTx(tx, actor, comparison.id, [proposal]);
    return { factRowId: factRowId! };
  });
}

/**
 * Accepts every undecided proposal of several outlets scoring at least `minScore`, in list
 * order. Passages only one outlet reports have no score and are never accepted wholesale.
 */
export async function acceptAlignmentProposalsAbove(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { minScore } = parseInput(ZAcceptAlignmentAbove, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(
    async (tx) => {
      const rows = await tx.alignmentProposal.findMany({
        where: { comparisonId: comparison.id, status: "PROPOSED", passageCount: { gt: 1 }, score: { gte: minScore } },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true, passages: true, links: true },
      });
      const factRowIds = await acceptInTx(tx, actor, comparison.id, rows.map(readProposal));
      return { accepted: factRowIds.length };
    },
    { timeout: 60_000 },
  );
}
