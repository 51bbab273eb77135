import "server-only";
import { mergeProposals } from "@/lib/domain/alignment/proposals";
import { ZMergeAlignmentProposals } from "@/lib/schemas/alignment";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";
import { requireOpenProposal } from "./proposal-fields";

/**
 * Merges two undecided proposals into the first: one fact row's worth of passages, at most
 * one per source. Marked as edited, so running Align all again keeps it.
 */
export async function mergeAlignmentProposals(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { proposalId, withProposalId } = parseInput(ZMergeAlignmentProposals, input);
  if (proposalId === withProposalId) throw new AppError("INVALID_INPUT", "Choose another proposal to merge with.");
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  return db().$transaction(async (tx) => {
    const first = await requireOpenProposal(tx, comparison.id, proposalId);
    const second = await requireOpenProposal(tx, comparison.id, withProposalId);
    const columns = await tx.source.findMany({ where: { comparisonId: comparison.id }, orderBy: { position: "asc" }, select: { id: true } });
    const column = new Map(columns.map((s, i) => [s.id, i]));
    const merged = mergeProposals(first, second, (sourceId) => column.get(sourceId) ?? columns.length);
    if (!merged) {
      throw new AppError("CONFLICT", "Both proposals have a passage of the same source, and a fact row holds one per source. Split one of them out first.");
    }
    await tx.alignmentProposal.update({
      where: { id: first.id },
      data: {
        passages: merged.passages,
        passageCount: merged.passages.length,
        links: merged.links,
        score: merged.score,
        key: merged.key,
        edited: true,
        position: Math.min(first.position, second.position),
      },
    });
    await tx.alignmentProposal.delete({ where: { id: second.id } });
    return { proposalId: first.id };
  });
}
