import "server-only";
import { anchorSelectors, createSelectors, reanchorAll, wordsChanged, type AnchorTarget, type ReanchorResult } from "@/lib/domain/anchoring";
import type { AnchorStatus } from "@/lib/generated/prisma/enums";
import type { DbTx } from "@/lib/server/db/client";

interface StoredTarget {
  id: string;
  revisionId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

function toAnchorTarget(t: StoredTarget): AnchorTarget {
  return {
    quote: { type: "TextQuoteSelector", exact: t.exact, prefix: t.prefix, suffix: t.suffix },
    position: { type: "TextPositionSelector", start: t.start, end: t.end },
  };
}

/**
 * Where each stored target lands in the new text. Targets anchored on the old revision
 * go through one diff of old → new; orphans from earlier revisions are searched for
 * afresh, so an edit that restores their text brings them back.
 */
function placeTargets(oldRevisionId: string, oldText: string, newText: string, targets: StoredTarget[]): ReanchorResult[] {
  const current = targets.filter((t) => t.revisionId === oldRevisionId);
  const mapped = new Map(current.map((t, i) => [t.id, i]));
  const results = reanchorAll(oldText, newText, current.map(toAnchorTarget));
  return targets.map((target) => {
    const index = mapped.get(target.id);
    if (index !== undefined) return results[index]!;
    const found = anchorSelectors(newText, toAnchorTarget(target));
    return found
      ? { status: "fuzzy", score: found.score, selectors: createSelectors(newText, found.start, found.end) }
      : { status: "orphaned" };
  });
}

function update(result: ReanchorResult, newRevisionId: string) {
  if (result.status === "orphaned") return { anchorStatus: "ORPHANED" as AnchorStatus };
  const { quote, position } = result.selectors;
  return {
    revisionId: newRevisionId,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position.start,
    end: position.end,
    anchorStatus: (result.status === "exact" ? "EXACT" : "FUZZY") as AnchorStatus,
  };
}

/**
 * The "text changed — check the tags" mark of an annotation after re-anchoring: set when
 * it now sits on different words than the ones it was tagged on, cleared when an edit
 * brings those words back, otherwise left as it was. The first wording is kept until
 * someone clears the mark, since the tags were chosen for it.
 */
function textChangedMark(
  result: ReanchorResult,
  annotation: { exact: string; previousQuote: string | null; textChangedAt: Date | null },
  now: Date,
): { textChangedAt: Date | null; previousQuote: string | null } | null {
  if (result.status === "orphaned") return null;
  const tagged = annotation.textChangedAt ? (annotation.previousQuote ?? annotation.exact) : annotation.exact;
  const words = result.selectors.quote.exact;
  if (!wordsChanged(tagged, words)) return annotation.textChangedAt ? { textChangedAt: null, previousQuote: null } : null;
  return annotation.textChangedAt ? null : { textChangedAt: now, previousQuote: tagged };
}

export interface ReanchorSummary {
  exact: number;
  fuzzy: number;
  orphaned: number;
}

/**
 * Moves every passage and annotation of a source onto its new revision. Nothing is
 * deleted: a target that cannot be placed keeps its old selectors and becomes an orphan.
 */
export async function reanchorTargets(
  tx: DbTx,
  sourceId: string,
  from: { id: string; text: string },
  to: { id: string; text: string },
): Promise<ReanchorSummary> {
  const select = { id: true, revisionId: true, exact: true, prefix: true, suffix: true, start: true, end: true } as const;
  const [passages, annotations] = await Promise.all([
    tx.passage.findMany({ where: { sourceId }, select }),
    tx.annotation.findMany({ where: { sourceId }, select: { ...select, previousQuote: true, textChangedAt: true } }),
  ]);
  const results = placeTargets(from.id, from.text, to.text, [...passages, ...annotations]);
  const summary: ReanchorSummary = { exact: 0, fuzzy: 0, orphaned: 0 };
  const now = new Date();
  for (const [i, result] of results.entries()) {
    summary[result.status]++;
    const data = update(result, to.id);
    if (i < passages.length) {
      await tx.passage.update({ where: { id: passages[i]!.id }, data });
    } else {
      const annotation = annotations[i - passages.length]!;
      await tx.annotation.update({
        where: { id: annotation.id },
        data: { ...data, anchorScore: result.status === "orphaned" ? 0 : result.score, ...textChangedMark(result, annotation, now) },
      });
    }
  }
  return summary;
}
