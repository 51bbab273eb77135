import "server-only";
import { ANALYSERS, analyse } from "@/lib/domain/analysis";
import { DEFAULT_TAXONOMY } from "@/lib/domain/taxonomy";
import type { DbTx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";

/** Which analysers (and versions) a stored run was made with; a new version makes a new run. */
export const ANALYSER_VERSIONS = ANALYSERS.map((a) => `${a.id}@${a.version}`).join(",");

const SET_KEY_BY_NAME = new Map(DEFAULT_TAXONOMY.map((set) => [set.name, set.key]));

export interface RevisionToAnalyse {
  id: string;
  text: string;
  sourceId: string;
  comparisonId: string;
}

/**
 * The proposals of a revision are computed once per analyser version and stored: reading
 * them is then a plain indexed query, whatever the analysers cost. Every analyser runs,
 * whatever the workspace has switched on, so switching one on later needs no new run; the
 * workspace's choice filters at read time.
 *
 * When an analyser's version changes, proposals it makes again keep their id (and so every
 * reviewer's decision on them) and take the new version; those it no longer makes keep the
 * old version and are no longer offered (find-proposals reads current versions only).
 *
 * Two readers at once may both analyse; the run row's primary key lets only the first one
 * store its proposals, in the same transaction, so no revision gets them twice.
 */
export async function ensureProposals(revision: RevisionToAnalyse): Promise<void> {
  const done = await db().proposalRun.findUnique({
    where: { revisionId_versions: { revisionId: revision.id, versions: ANALYSER_VERSIONS } },
    select: { revisionId: true },
  });
  if (done) return;
  const proposals = analyse(revision.text, { analysers: ANALYSERS.map((a) => a.id) });
  const versions = new Map(ANALYSERS.map((a) => [a.id, a.version]));
  const keyOf = (p: { analyser: string; tagSetKey: string; tagName: string; start: number; end: number }) =>
    `${p.analyser}\u0000${p.tagSetKey}\u0000${p.tagName}\u0000${p.start}\u0000${p.end}`;
  await db().$transaction(async (tx: DbTx) => {
    const run = await tx.proposalRun.createMany({ data: [{ revisionId: revision.id, versions: ANALYSER_VERSIONS }], skipDuplicates: true });
    if (run.count === 0) return;
    const earlier = await tx.proposal.findMany({
      where: { revisionId: revision.id },
      select: { id: true, analyser: true, tagSetKey: true, tagName: true, start: true, end: true },
    });
    const earlierByKey = new Map(earlier.map((p) => [keyOf(p), p.id]));
    const fresh = [];
    for (const p of proposals) {
      const row = {
        analyser: p.analyser,
        analyserVersion: versions.get(p.analyser)!,
        tagSetKey: SET_KEY_BY_NAME.get(p.set)!,
        tagName: p.tag,
        start: p.start,
        end: p.end,
        confidence: p.confidence,
        reason: p.reason,
        claimAssertedBy: p.claim?.asserter ?? null,
      };
      const id = earlierByKey.get(keyOf(row));
      if (id) await tx.proposal.update({ where: { id }, data: { analyserVersion: row.analyserVersion, confidence: row.confidence, reason: row.reason, claimAssertedBy: row.claimAssertedBy } });
      else fresh.push({ ...row, comparisonId: revision.comparisonId, sourceId: revision.sourceId, revisionId: revision.id, exact: revision.text.slice(p.start, p.end) });
    }
    await tx.proposal.createMany({ data: fresh });
  });
}
