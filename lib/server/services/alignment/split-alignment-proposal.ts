import "server-only";
import { splitProposal } from "@/lib/domain/alignment/proposals";
import { ZSplitAlignmentProposal } from "@/lib/schemas/alignment";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { requireOpenProposal } from "./proposal-fields";

/**
 * Takes one source's passage out of an undecided proposal: the rest stays one proposal, the
 * passage becomes a proposal of its own ("only in" its outlet). Both are marked as edited,
 * so running Align all again keeps them as the editor left them.
 */
export async function splitAlignmentProposal(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { proposalId, sourceId } = parseInput(ZSplitAlignmentProposal, input);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    const proposal = await requireOpenProposal(tx, comparison.id, proposalId);
    const parts = splitProposal(proposal, sourceId);
    if (!parts) throw new AppError("INVALID_INPUT", "Only a proposal of several outlets can be split, by one of its passages.");
    const [rest, alone] = parts;
    await tx.alignmentProposal.update({
      where: { id: proposal.id },
      data: { passages: rest.passages, passageCount: rest.passages.length, links: rest.links, score: rest.score, key: rest.key, edited: true },
    });
    const created = await tx.alignmentProposal.create({
      data: {
        comparisonId: comparison.id,
        position: proposal.position,
        passages: alone.passages,
        passageCount: 1,
        links: [],
        score: 0,
        key: alone.key,
        edited: true,
      },
      select: { id: true },
    });
    return { proposalId: proposal.id, splitOffId: created.id };
  });
}
