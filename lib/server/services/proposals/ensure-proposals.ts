import "server-only";
import { ANALYSERS, analyse, type Lexicon } from "@/lib/domain/analysis";
import { DEFAULT_TAXONOMY } from "@/lib/domain/taxonomy";
import type { DbTx } from "@/lib/server/db/client";
import { db } from "@/lib/server/db/client";

const ANALYSER_VERSIONS = ANALYSERS.map((a) => `${a.id}@${a.version}`).join(",");

const SET_KEY_BY_NAME = new Map(DEFAULT_TAXONOMY.map((set) => [set.name, set.key]));

/** The list the analysers read in one workspace, and what tells its runs apart. */
export interface LexiconInUse {
  lexicon: Lexicon | undefined;
  /** "default" for the shipped list, the stored hash for a workspace's own. */
  hash: string;
}

/** What a stored run was made with: the analysers' versions and the list. */
export function proposalRunKey(lexicon: LexiconInUse): string {
  return `${ANALYSER_VERSIONS}#${lexicon.hash}`;
}

export interface RevisionToAnalyse {
  id: string;
  text: string;
  sourceId: string;
  comparisonId: string;
}

/**
 * The proposals of a revision are computed once per run key (analyser versions and the
 * workspace's list) and stored: reading them is then a plain indexed query, whatever the
 * analysers cost. Every analyser runs, whatever the workspace has switched on, so switching
 * one on later needs no new run; the workspace's choice filters at read time.
 *
 * A new run (an analyser's new version, an edited list) keeps the id of every proposal it
 * makes again, and so every reviewer's decision on it; those it no longer makes keep their
 * old run key and are no longer offered.
 *
 * Two readers at once may both analyse; the run row's primary key lets only the first one
 * store its proposals, in the same transaction, so no revision gets them twice.
 */
export async function ensureProposals(revision: RevisionToAnalyse, lexicon: LexiconInUse): Promise<string> {
  const runKey = proposalRunKey(lexicon);
  const done = await db().proposalRun.findUnique({ where: { revisionId_runKey: { revisionId: revision.id, runKey } }, select: { runKey: true } });
  if (done) return runKey;
  const proposals = analyse(revision.text, { analysers: ANALYSERS.map((a) => a.id), lexicon: lexicon.lexicon });
  const versions = new Map(ANALYSERS.map((a) => [a.id, a.version]));
  const keyOf = (p: { analyser: string; tagSetKey: string; tagName: string; start: number; end: number }) =>
    `${p.analyser}\u0000${p.tagSetKey}\u0000${p.tagName}\u0000${p.start}\u0000${p.end}`;
  await db().$transaction(async (tx: DbTx) => {
    const run = await tx.proposalRun.createMany({ data: [{ revisionId: revision.id, runKey }], skipDuplicates: true });
    if (run.count === 0) return;
    const earlier = await tx.proposal.findMany({
      where: { revisionId: revision.id },
      select: { id: true, analyser: true, analyserVersion: true, tagSetKey: true, tagName: true, start: true, end: true, confidence: true, reason: true, claimAssertedBy: true },
    });
    const earlierByKey = new Map(earlier.map((p) => [keyOf(p), p]));
    const again: string[] = [];
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
      const before = earlierByKey.get(keyOf(row));
      if (!before) {
        fresh.push({ ...row, runKey, comparisonId: revision.comparisonId, sourceId: revision.sourceId, revisionId: revision.id, exact: revision.text.slice(p.start, p.end) });
        continue;
      }
      again.push(before.id);
      const { analyserVersion, confidence, reason, claimAssertedBy } = row;
      if (before.analyserVersion !== analyserVersion || before.confidence !== confidence || before.reason !== reason || before.claimAssertedBy !== claimAssertedBy) {
        await tx.proposal.update({ where: { id: before.id }, data: { analyserVersion, confidence, reason, claimAssertedBy } });
      }
    }
    await tx.proposal.updateMany({ where: { id: { in: again } }, data: { runKey } });
    await tx.proposal.createMany({ data: fresh });
  });
  return runKey;
}
