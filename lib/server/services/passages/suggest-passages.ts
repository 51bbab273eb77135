import "server-only";
import { buildAlignmentCorpus, suggestPassages as rankPassages, type AlignmentCorpus } from "@/lib/domain/alignment";
import { ZPassageRange } from "@/lib/schemas/comparison";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { assignedSourceWhere } from "@/lib/server/permissions";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { parseInput } from "@/lib/server/validation";

// Indexing 8 long sources costs tens of milliseconds; a query on a built corpus well under
// one. Revisions never change, so a corpus keyed by its revision ids never goes stale.
const CORPUS_CACHE_SIZE = 16;
const corpora = new Map<string, AlignmentCorpus>();

function corpusFor(sources: { id: string; revisionId: string; text: string }[]): AlignmentCorpus {
  const key = sources.map((s) => s.revisionId).join(",");
  const cached = corpora.get(key);
  if (cached) {
    corpora.delete(key);
    corpora.set(key, cached);
    return cached;
  }
  const corpus = buildAlignmentCorpus(sources);
  corpora.set(key, corpus);
  if (corpora.size > CORPUS_CACHE_SIZE) corpora.delete(corpora.keys().next().value!);
  return corpus;
}

/**
 * For a span of one source, the most similar passages in each other source, best first. The
 * answer quotes the sources, so a student gets only the sources of their class's assignments,
 * both to pick from and to be shown.
 */
export async function suggestPassages(actor: Actor, workspaceSlug: string, comparisonSlug: string, input: unknown) {
  const { sourceId, start, end } = parseInput(ZPassageRange, input);
  const { workspace, comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug);
  const sources = await db().source.findMany({
    where: { comparisonId: comparison.id, currentRevisionId: { not: null }, ...assignedSourceWhere(workspace.role) },
    orderBy: { position: "asc" },
    select: { id: true, currentRevision: { select: { id: true, text: true } } },
  });
  const texts = sources.flatMap((s) => (s.currentRevision ? [{ id: s.id, revisionId: s.currentRevision.id, text: s.currentRevision.text }] : []));
  const picked = texts.find((s) => s.id === sourceId);
  const passage = picked?.text.slice(start, end) ?? "";
  if (!passage.trim()) throw new AppError("INVALID_INPUT", "Select some words of a source of this comparison first.");
  return rankPassages(passage, corpusFor(texts), { excludeSourceId: sourceId, limit: 3 });
}
