import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The reviewers' annotations a curator works from: the team's own annotations on a source,
 * neither deleted nor hidden (a hidden one is not something the workspace stands behind), and
 * none of a class's assignment work (a key is made in its assignment).
 */
export function reviewerAnnotationsWhere(comparisonId: string, sourceId: string): Prisma.AnnotationWhereInput {
  return { comparisonId, sourceId, deletedAt: null, hiddenAt: null, assignmentId: null };
}
