import "server-only";
import { ZSetSourceDone } from "@/lib/schemas/source-progress";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canTrackProgress } from "@/lib/server/permissions";
import { publishComparisonEvent } from "@/lib/server/realtime/bus";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";
import { parseInput } from "@/lib/server/validation";

/**
 * Marks a source of the comparison done for the acting reviewer, or undoes the mark
 * (`done: false`); audited, and announced to everyone watching the comparison. Marking
 * twice keeps the first time; undoing a mark that is not there changes nothing.
 */
export async function setSourceDone(actor: Actor, comparisonId: string, input: unknown): Promise<{ sourceId: string; doneAt: Date | null }> {
  const { sourceId, done } = parseInput(ZSetSourceDone, input);
  const { comparison, role } = await requireComparisonById(actor, comparisonId);
  if (!canTrackProgress(role)) {
    throw new AppError(
      "FORBIDDEN",
      role === "STUDENT" ? "Your assignment keeps track of your work: submit it when you are done." : "Viewers read the comparison; only those who annotate mark sources done.",
    );
  }
  const source = await db().source.findFirst({ where: { id: sourceId, comparisonId: comparison.id }, select: { id: true, title: true } });
  if (!source) throw notFound("That source");
  const mark = { sourceId: source.id, userId: actor.id };
  // createMany/deleteMany report whether anything changed, so two clicks racing each other
  // neither fail on the primary key nor write two audit entries.
  await db().$transaction(async (tx) => {
    const changed = done
      ? (await tx.sourceProgress.createMany({ data: [mark], skipDuplicates: true })).count
      : (await tx.sourceProgress.deleteMany({ where: mark })).count;
    if (!changed) return;
    await tx.auditEvent.create({
      data: {
        workspaceId: comparison.workspaceId,
        actorId: actor.id,
        action: done ? "source.done" : "source.undone",
        entityType: "Source",
        entityId: source.id,
        data: { title: source.title },
      },
    });
  });
  const row = await db().sourceProgress.findUnique({ where: { sourceId_userId: mark }, select: { doneAt: true } });
  await publishComparisonEvent({ comparisonId: comparison.id, type: "source-progress", id: source.id, action: "updated" });
  return { sourceId: source.id, doneAt: row?.doneAt ?? null };
}
