import "server-only";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { canAnnotate, canEditComparisons } from "@/lib/server/permissions";
import { requireComparisonById } from "@/lib/server/services/comparisons/require-comparison-by-id";

export type AnnotationNeed = "read" | "annotate" | "moderate";

/** The comparison, if the actor may read, annotate or moderate its annotations. */
export async function requireAnnotationAccess(actor: Actor, comparisonId: string, need: AnnotationNeed) {
  const access = await requireComparisonById(actor, comparisonId);
  if (need === "annotate" && !canAnnotate(access.role)) {
    throw new AppError("FORBIDDEN", "Viewers can read annotations but not add or change them.");
  }
  if (need === "moderate" && !canEditComparisons(access.role)) {
    throw new AppError("FORBIDDEN", "Only the workspace's owners and editors can moderate annotations.");
  }
  return access;
}
