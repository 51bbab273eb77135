import "server-only";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { getAnnotation } from "./find-annotations";
import { requireAnnotationAccess } from "./require-annotation-access";
import type { AnnotationView } from "./annotation-view";

/** Why a permalinked annotation (or reply) is not shown: never anything of its content. */
export type UnseenState = "hidden" | "deleted" | "unseen" | "missing";

export type Whereabouts =
  | { state: "visible"; annotation: AnnotationView; reply: "visible" | "deleted" | "missing" | null }
  | { state: UnseenState };

/**
 * What a permalink leads to, fetched by id so it works whatever part of the comparison the
 * annotate view has loaded. A member who may not see the annotation learns only why (an
 * editor hid it, its author deleted it, it is blind class work), not what it says; someone
 * outside the workspace learns nothing, as for every other not-found.
 */
export async function locateAnnotation(actor: Actor, comparisonId: string, annotationId: string, replyId?: string): Promise<Whereabouts> {
  const { comparison } = await requireAnnotationAccess(actor, comparisonId, "read");
  const visible = await getAnnotation(actor, comparison.id, annotationId).catch(() => null);
  if (visible) {
    if (!replyId) return { state: "visible", annotation: visible, reply: null };
    const reply = visible.replies.some((r) => r.id === replyId)
      ? "visible"
      : (await db().reply.count({ where: { id: replyId, annotationId, deletedAt: { not: null } } })) > 0
        ? "deleted"
        : "missing";
    return { state: "visible", annotation: visible, reply };
  }
  const row = await db().annotation.findFirst({ where: { id: annotationId, comparisonId: comparison.id }, select: { deletedAt: true, hiddenAt: true } });
  if (!row) return { state: "missing" };
  if (row.deletedAt) return { state: "deleted" };
  if (row.hiddenAt) return { state: "hidden" };
  return { state: "unseen" };
}
