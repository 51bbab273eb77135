import "server-only";
import { alignAll } from "@/lib/domain/alignment/align-all";
import { draftsFromAlignment, planRerun } from "@/lib/domain/alignment/proposals";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { currentRevisions, readProposal } from "./proposal-fields";

/**
 * Align all: proposes fact rows for the whole comparison from the sources' current text and
 * replaces the undecided proposals of the last run with them. Decisions stay: what was
 * accepted or rejected, and what an editor split or merged, is not proposed again.
 */
export async function runAlignment(actor: Actor, workspaceSlug: string, comparisonSlug: string) {
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const revisions = await currentRevisions(db(), comparison.id);
  if (revisions.size < 2) throw new AppError("INVALID_INPUT", "Add at least two sources before aligning them.");
  const sources = [...revisions.values()].map((s) => ({ id: s.id, revisionId: s.currentRevision.id, text: s.currentRevision.text }));
  const started = performance.now();
  const result = alignAll(sources);
  const drafts = draftsFromAlignment(result, sources);
  const alignedMs = Math.round(performance.now() - started);
  return db().$transaction(
    async (tx) => {
      const kept = await tx.alignmentProposal.findMany({
        where: { comparisonId: comparison.id, OR: [{ status: { not: "PROPOSED" } }, { edited: true }] },
        select: { key: true, status: true, edited: true, passages: true, links: true },
      });
      const plan = planRerun(drafts, kept.map(readProposal));
      await tx.alignmentProposal.deleteMany({ where: { comparisonId: comparison.id, status: "PROPOSED", edited: false } });
      await tx.alignmentProposal.createMany({
        data: plan.map((d, position) => ({
          comparisonId: comparison.id,
          position,
          passages: d.passages,
          passageCount: d.passages.length,
          links: d.links,
          score: d.score,
          key: d.key,
        })),
      });
      return {
        proposed: plan.length,
        rows: plan.filter((d) => d.passages.length > 1).length,
        exclusives: plan.filter((d) => d.passages.length === 1).length,
        kept: kept.length,
        minScore: result.minScore,
        alignedMs,
      };
    },
    { timeout: 60_000 },
  );
}
