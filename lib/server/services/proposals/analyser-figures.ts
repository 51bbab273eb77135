import "server-only";
import { listAnalysers } from "@/lib/domain/analysis";
import { analyserPrecision, referenceTagKey } from "@/lib/domain/proposals/precision";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { ensureProposals } from "./ensure-proposals";
import { requireAnalyserWorkspace } from "./require-analyser-workspace";
import { lexiconInUse } from "./workspace-lexicon";

const EDITORS_ONLY = "Only the workspace's owners and editors see how analysers fare.";

/**
 * How often reviewers of the workspace accepted each analyser's proposals: the team's own
 * measure of which proposals to trust. Only decided proposals count.
 */
export async function findAcceptRates(actor: Actor, workspaceSlug: string) {
  const workspace = await requireAnalyserWorkspace(actor, workspaceSlug);
  if (!canEditComparisons(workspace.role)) throw new AppError("FORBIDDEN", EDITORS_ONLY);
  const counts = await db().$queryRaw<{ analyser: string; verdict: "ACCEPTED" | "REJECTED"; n: bigint }[]>`
    SELECT p."analyser", d."verdict", COUNT(*) AS n
    FROM "ProposalDecision" d
    JOIN "Proposal" p ON p."id" = d."proposalId"
    JOIN "Comparison" c ON c."id" = p."comparisonId"
    WHERE c."workspaceId" = ${workspace.id}
    GROUP BY p."analyser", d."verdict"`;
  return listAnalysers().map(({ id }) => {
    const accepted = Number(counts.find((c) => c.analyser === id && c.verdict === "ACCEPTED")?.n ?? 0);
    const rejected = Number(counts.find((c) => c.analyser === id && c.verdict === "REJECTED")?.n ?? 0);
    return { analyser: id, accepted, rejected, rate: accepted + rejected > 0 ? accepted / (accepted + rejected) : null };
  });
}

/**
 * Each analyser's precision and recall in one comparison against a reference layer: one
 * member's annotations (a reviewer's, or a gold layer imported under a member's name) on the
 * sources' current text. Every proposal counts, decided or not, from every analyser, so an
 * editor can judge one before switching it on.
 */
export async function findAnalyserPrecision(actor: Actor, comparisonId: string, referenceUserId: string) {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canEditComparisons(role)) throw new AppError("FORBIDDEN", EDITORS_ONLY);
  const referee = await db().membership.findUnique({ where: { workspaceId_userId: { workspaceId: comparison.workspaceId, userId: referenceUserId } }, select: { userId: true } });
  if (!referee) throw notFound("That reviewer");
  const revisions = await db().sourceRevision.findMany({
    where: { currentOf: { comparisonId: comparison.id } },
    select: { id: true, text: true, sourceId: true },
  });
  const lexicon = await lexiconInUse(comparison.workspaceId);
  let runKey = "";
  for (const revision of revisions) runKey = await ensureProposals({ ...revision, comparisonId: comparison.id }, lexicon);
  const revisionIds = revisions.map((r) => r.id);
  const [proposals, annotations, tagSets] = await Promise.all([
    db().proposal.findMany({ where: { comparisonId: comparison.id, revisionId: { in: revisionIds }, runKey }, select: { sourceId: true, analyser: true, tagSetKey: true, tagName: true, start: true, end: true } }),
    db().annotation.findMany({
      where: { comparisonId: comparison.id, authorId: referee.userId, revisionId: { in: revisionIds }, deletedAt: null, hiddenAt: null, anchorStatus: { not: "ORPHANED" }, assignmentId: null },
      select: { sourceId: true, start: true, end: true, tags: { select: { tag: { select: { name: true, tagSet: { select: { key: true } } } } } } },
    }),
    db().tagSet.findMany({ where: { comparisonId: comparison.id }, select: { key: true, name: true } }),
  ]);
  const setName = new Map(tagSets.map((s) => [s.key, s.name]));
  const tagKey = (setKey: string, tagName: string) => referenceTagKey(setName.get(setKey) ?? setKey, tagName);
  return analyserPrecision(
    revisions.map((r) => ({ sourceId: r.sourceId, text: r.text })),
    proposals.map((p) => ({ sourceId: p.sourceId, analyser: p.analyser, tagKey: tagKey(p.tagSetKey, p.tagName), start: p.start, end: p.end })),
    annotations.flatMap((a) => a.tags.map(({ tag }) => ({ sourceId: a.sourceId, tagKey: tagKey(tag.tagSet.key, tag.name), start: a.start, end: a.end }))),
  );
}
