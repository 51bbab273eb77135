import "server-only";
import { ZAlignmentProposalId } from "@/lib/schemas/alignment";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

/** Rejects a proposal: it is kept as rejected, so running Align all again does not propose it. */
export async function rejectAlignmentProposal(actor: Actor, workspaceSlug: string, comparisonSlug: string, proposalId: unknown) {
  const id = parseInput(ZAlignmentProposalId, proposalId);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const { count } = await db().alignmentProposal.updateMany({
    where: { id, comparisonId: comparison.id, status: "PROPOSED" },
    data: { status: "REJECTED", decidedById: actor.id, decidedAt: new Date() },
  });
  if (count === 0) await explainMiss(comparison.id, id);
}

/** Takes back a rejection: the proposal is up for review again. */
export async function reopenAlignmentProposal(actor: Actor, workspaceSlug: string, comparisonSlug: string, proposalId: unknown) {
  const id = parseInput(ZAlignmentProposalId, proposalId);
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const { count } = await db().alignmentProposal.updateMany({
    where: { id, comparisonId: comparison.id, status: "REJECTED" },
    data: { status: "PROPOSED", decidedById: null, decidedAt: null },
  });
  if (count === 0) await explainMiss(comparison.id, id);
}

async function explainMiss(comparisonId: string, id: string): Promise<never> {
  const exists = await db().alignmentProposal.findFirst({ where: { id, comparisonId }, select: { status: true } });
  if (!exists) throw notFound("That proposal");
  throw new AppError("CONFLICT", "That proposal was decided on meanwhile. Reload the list to see where it stands.");
}
