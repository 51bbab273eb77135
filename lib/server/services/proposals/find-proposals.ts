import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { notFound } from "@/lib/server/errors";
import { enabledAnalysers } from "./analyser-settings";
import { ensureProposals } from "./ensure-proposals";
import { proposalTags, proposalTagKey, type ProposalTag } from "./proposal-tags";
import { requireProposalAccess } from "./require-proposal-access";
import { lexiconInUse } from "./workspace-lexicon";

export interface ProposalView {
  id: string;
  sourceId: string;
  revisionNumber: number;
  start: number;
  end: number;
  exact: string;
  analyser: string;
  analyserVersion: number;
  confidence: number;
  reason: string;
  claimAssertedBy: string | null;
  tag: ProposalTag;
}

/**
 * The proposals on a source's current text that the actor has not yet accepted or rejected,
 * from the analysers the workspace runs with its current list, in text order. Each names a tag of this
 * comparison's taxonomy (the default set's tag of that name, or the tag it was merged into);
 * proposals whose tag was removed or retired are not offered.
 */
export async function findProposals(actor: Actor, comparisonId: string, sourceId: string): Promise<ProposalView[]> {
  const { comparison } = await requireProposalAccess(actor, comparisonId);
  const revision = await db().sourceRevision.findFirst({
    where: { currentOf: { id: sourceId, comparisonId: comparison.id } },
    select: { id: true, number: true, text: true },
  });
  if (!revision) throw notFound("That source");
  const runKey = await ensureProposals({ id: revision.id, text: revision.text, sourceId, comparisonId: comparison.id }, await lexiconInUse(comparison.workspaceId));
  const [enabled, rows, tagByKey] = await Promise.all([
    enabledAnalysers(comparison.workspaceId),
    db().proposal.findMany({
      where: { revisionId: revision.id, runKey, decisions: { none: { userId: actor.id } } },
      orderBy: [{ start: "asc" }, { end: "asc" }, { analyser: "asc" }],
    }),
    proposalTags(comparison.id),
  ]);
  return rows.flatMap((row) => {
    const tag = tagByKey.get(proposalTagKey(row));
    if (!tag || !enabled.has(row.analyser)) return [];
    return [{
      id: row.id,
      sourceId: row.sourceId,
      revisionNumber: revision.number,
      start: row.start,
      end: row.end,
      exact: row.exact,
      analyser: row.analyser,
      analyserVersion: row.analyserVersion,
      confidence: row.confidence,
      reason: row.reason,
      claimAssertedBy: row.claimAssertedBy,
      tag,
    }];
  });
}
