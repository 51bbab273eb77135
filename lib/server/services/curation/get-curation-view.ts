import "server-only";
import { buildMergeSpans } from "@/lib/domain/curation/merge";
import type { CurationVerdict } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { reviewerAnnotationsWhere } from "./reviewer-annotations";

type Verdict = { verdict: CurationVerdict; tagIds: string[]; curator: string; version: number };

/**
 * The merge view of one source for an editor (others are refused): the reviewers as columns,
 * their annotations lined up by span with agreements grouped, the verdicts already made, and
 * the comparison's tags (for editing a version). Without `sourceId`, the first source.
 */
export async function getCurationView(actor: Actor, workspaceSlug: string, comparisonSlug: string, sourceId?: string) {
  const { comparison } = await requireComparison(actor, workspaceSlug, comparisonSlug, { edit: true });
  const [sources, tagSets] = await Promise.all([
    db().source.findMany({
      where: { comparisonId: comparison.id },
      orderBy: { position: "asc" },
      select: { id: true, title: true, outlet: { select: { name: true } }, currentRevision: { select: { text: true } } },
    }),
    db().tagSet.findMany({
      where: { comparisonId: comparison.id },
      orderBy: { position: "asc" },
      select: { id: true, name: true, tags: { where: { mergedIntoId: null }, orderBy: { position: "asc" }, select: { id: true, name: true, color: true } } },
    }),
  ]);
  const source = sources.find((s) => s.id === sourceId) ?? sources[0];
  if (!source) return { comparison, sources: [], source: null, reviewers: [], spans: [], verdicts: {} as Record<string, Verdict>, tagSets };
  const [annotations, curated] = await Promise.all([
    db().annotation.findMany({
      where: reviewerAnnotationsWhere(comparison.id, source.id),
      orderBy: [{ start: "asc" }, { createdAt: "asc" }],
      select: {
        id: true, start: true, end: true, exact: true, comment: true,
        author: { select: { id: true, name: true } },
        tags: { select: { tagId: true } },
      },
    }),
    db().curatedAnnotation.findMany({
      where: { sourceId: source.id },
      select: { start: true, end: true, verdict: true, version: true, tags: { select: { tagId: true } }, curator: { select: { name: true } } },
    }),
  ]);
  const spans = buildMergeSpans(
    annotations.map((a) => ({ id: a.id, reviewer: a.author, start: a.start, end: a.end, exact: a.exact, comment: a.comment, tagIds: a.tags.map((t) => t.tagId) })),
  );
  const reviewers = [...new Map(annotations.map((a) => [a.author.id, a.author])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const verdicts: Record<string, Verdict> = Object.fromEntries(
    curated.map((c) => [`${c.start}:${c.end}`, { verdict: c.verdict, tagIds: c.tags.map((t) => t.tagId).sort(), curator: c.curator.name, version: c.version }]),
  );
  return {
    comparison,
    sources: sources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet?.name ?? "Unknown outlet" })),
    source: { id: source.id, title: source.title, outlet: source.outlet?.name ?? "Unknown outlet" },
    reviewers,
    spans,
    verdicts,
    tagSets,
  };
}
export type CurationView = Awaited<ReturnType<typeof getCurationView>>;
