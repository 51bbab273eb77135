import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { canEditComparisons } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { reportShareSelect } from "./report-share-fields";
import { newShareToken } from "./share-token";

async function requireEditor(actor: Actor, comparisonId: string) {
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canEditComparisons(role)) throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can publish or withdraw a report.");
  return comparison;
}

/**
 * Publishes the comparison's report: anyone with the returned link's token can read it.
 * A class's report is not published: it would show anyone holding the link, students
 * before the reveal among them, the class's work with the students' names, and the key.
 * While a link is live, publishing again returns that link rather than a second one;
 * after a revocation it makes a new token. Audited.
 */
export async function publishReport(actor: Actor, comparisonId: string) {
  const comparison = await requireEditor(actor, comparisonId);
  const { kind } = await db().workspace.findUniqueOrThrow({ where: { id: comparison.workspaceId }, select: { kind: true } });
  if (kind === "CLASS") throw new AppError("INVALID_INPUT", "A class's report stays in the class: it holds the students' work and the key, so it has no public link.");
  return db().$transaction(async (tx) => {
    // Locks the comparison, so two editors publishing at once end up with one link.
    await tx.$queryRaw`SELECT 1 FROM "Comparison" WHERE "id" = ${comparison.id} FOR UPDATE`;
    const live = await tx.reportShare.findFirst({ where: { comparisonId: comparison.id, revokedAt: null }, select: reportShareSelect });
    if (live) return live;
    const share = await tx.reportShare.create({
      data: { comparisonId: comparison.id, token: newShareToken(), createdById: actor.id },
      select: reportShareSelect,
    });
    await tx.auditEvent.create({
      data: { workspaceId: comparison.workspaceId, actorId: actor.id, action: "report.published", entityType: "ReportShare", entityId: share.id, data: { comparisonId: comparison.id } },
    });
    return share;
  });
}

/** Withdraws the live share link at once; the row stays so the old link can say so. Audited. */
export async function revokeReportShare(actor: Actor, comparisonId: string) {
  const comparison = await requireEditor(actor, comparisonId);
  await db().$transaction(async (tx) => {
    const live = await tx.reportShare.findMany({ where: { comparisonId: comparison.id, revokedAt: null }, select: { id: true } });
    if (live.length === 0) throw new AppError("CONFLICT", "The report is not published, so there is no link to withdraw.");
    await tx.reportShare.updateMany({ where: { id: { in: live.map((s) => s.id) } }, data: { revokedAt: new Date() } });
    await tx.auditEvent.createMany({
      data: live.map((s) => ({
        workspaceId: comparison.workspaceId,
        actorId: actor.id,
        action: "report.revoked",
        entityType: "ReportShare",
        entityId: s.id,
        data: { comparisonId: comparison.id },
      })),
    });
  });
}
