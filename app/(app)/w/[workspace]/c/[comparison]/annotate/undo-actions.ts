"use server";

import { userCall } from "@/lib/server/action";
import { restoreAnnotation } from "@/lib/server/services/annotations/restore-annotation";
import { restoreRelation } from "@/lib/server/services/relations/restore-relation";

/** Undoing a delete (or redoing a create): the actor's own annotation back, at the version the delete left. */
export const restoreAnnotationAction = userCall((user, comparisonId: string, annotationId: string, version: number) =>
  restoreAnnotation(user, comparisonId, annotationId, { version }),
);

/** Undoing a relation's delete (or redoing its create). */
export const restoreRelationAction = userCall((user, comparisonId: string, relationId: string, version: number) =>
  restoreRelation(user, comparisonId, relationId, { version }),
);
