import "server-only";
import { buildProgressTable, type ProgressRow } from "@/lib/domain/work-queue/progress";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { canEditComparisons, canTrackProgress } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";

/** Who has a row in the progress table: everyone who annotates, never students (their assignments track them). */
const QUEUE_ROLES: Role[] = ["OWNER", "EDITOR", "REVIEWER", "TEACHER"];

/** The ids of the comparison's sources the actor has marked done (none for those outside the work queue). */
export async function findMyDoneSources(actor: Actor, comparisonId: string): Promise<string[]> {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canTrackProgress(role)) return [];
  const marks = await db().sourceProgress.findMany({
    where: { userId: actor.id, source: { comparisonId: comparison.id } },
    select: { sourceId: true },
  });
  return marks.map((m) => m.sourceId);
}

export interface ProgressTable {
  sources: { id: string; title: string; outlet: string }[];
  rows: ProgressRow[];
  /** "all": an editor's view of every reviewer; "own": a reviewer's own row. */
  scope: "all" | "own";
}

/**
 * The reviewer × source progress of a comparison: editors see every member who annotates,
 * a reviewer only their own row, and viewers and students nothing (null). Annotation
 * counts are of each reviewer's own annotations outside assignments, deleted ones left out.
 */
export async function getProgressTable(actor: Actor, comparisonId: string): Promise<ProgressTable | null> {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canTrackProgress(role)) return null;
  const scope = canEditComparisons(role) ? "all" : "own";
  const [sources, members] = await Promise.all([
    db().source.findMany({
      where: { comparisonId: comparison.id },
      orderBy: { position: "asc" },
      select: { id: true, title: true, outlet: { select: { name: true } } },
    }),
    db().membership.findMany({
      where: { workspaceId: comparison.workspaceId, role: { in: QUEUE_ROLES }, ...(scope === "own" ? { userId: actor.id } : {}) },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
  ]);
  const reviewers = members.map((m) => m.user);
  const userIds = reviewers.map((r) => r.id);
  const [marks, counts] = await Promise.all([
    db().sourceProgress.findMany({
      where: { userId: { in: userIds }, source: { comparisonId: comparison.id } },
      select: { userId: true, sourceId: true, doneAt: true },
    }),
    db().annotation.groupBy({
      by: ["authorId", "sourceId"],
      where: { comparisonId: comparison.id, authorId: { in: userIds }, assignmentId: null, deletedAt: null },
      _count: true,
    }),
  ]);
  return {
    sources: sources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet?.name ?? "Unknown outlet" })),
    rows: buildProgressTable({
      reviewers,
      sourceIds: sources.map((s) => s.id),
      marks,
      counts: counts.map((c) => ({ authorId: c.authorId, sourceId: c.sourceId, count: c._count })),
    }),
    scope,
  };
}
