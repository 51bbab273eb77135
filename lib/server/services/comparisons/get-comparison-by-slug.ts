import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canBrowseComparisons, canEditComparisons, hasMember, STUDENTS_READ_ASSIGNMENTS } from "@/lib/server/permissions";
import { visibleAnnotationsWhere } from "@/lib/server/services/annotations/annotation-view";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";

/** One comparison with its sources (current text and outlet) and its fact rows with their passages. */
export async function getComparisonBySlug(actor: Actor, workspaceSlug: string, comparisonSlug: string) {
  const workspace = await getWorkspaceBySlug(actor, workspaceSlug);
  if (!canBrowseComparisons(workspace.role)) throw new AppError("FORBIDDEN", STUDENTS_READ_ASSIGNMENTS);
  const comparison = await db().comparison.findFirst({
    where: {
      slug: comparisonSlug,
      workspaceId: workspace.id,
      workspace: hasMember(actor),
    },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      eventDate: true,
      copiedFrom: true,
      copyNote: true,
      createdAt: true,
      createdBy: { select: { name: true } },
      sources: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          title: true,
          url: true,
          author: true,
          publishedAt: true,
          language: true,
          outlet: { select: { id: true, name: true, site: true, country: true, notes: true } },
          currentRevision: { select: { number: true, text: true, wordCount: true, createdAt: true } },
        },
      },
      factRows: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          label: true,
          note: true,
          passages: { select: { id: true, sourceId: true, start: true, end: true, exact: true, anchorStatus: true } },
        },
      },
    },
  });
  if (!comparison) throw notFound("That comparison");
  // Counted apart, by the comparison's index: a `_count` in the select counts every comparison's annotations.
  const annotations = await db().annotation.count({ where: { comparisonId: comparison.id, ...visibleAnnotationsWhere(actor, workspace.role) } });
  return { workspace, comparison: { ...comparison, _count: { annotations } }, canEdit: canEditComparisons(workspace.role) };
}

export type ComparisonView = Awaited<ReturnType<typeof getComparisonBySlug>>;
