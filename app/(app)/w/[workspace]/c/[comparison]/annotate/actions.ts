"use server";

import { userCall } from "@/lib/server/action";
import { isAppError } from "@/lib/server/errors";
import { clearTextChanged } from "@/lib/server/services/annotations/clear-text-changed";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotationPage, findAnnotationWindow } from "@/lib/server/services/annotations/find-annotation-window";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { acceptProposal, acceptProposalsOfKind, rejectProposal } from "@/lib/server/services/proposals/decide-proposal";
import { findProposals } from "@/lib/server/services/proposals/find-proposals";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { findLinkCandidates } from "@/lib/server/services/relations/find-link-candidates";
import { findRelations, getRelation } from "@/lib/server/services/relations/find-relations";
import { deleteRelation, updateRelation } from "@/lib/server/services/relations/update-relation";
import { getSourceText } from "@/lib/server/services/sources/get-source-text";
import { ANNOTATION_PAGE_SIZE } from "./annotate-types";

export const createAnnotationAction = userCall((user, comparisonId: string, input: unknown) => createAnnotation(user, comparisonId, input));

export const updateAnnotationAction = userCall((user, comparisonId: string, annotationId: string, input: unknown) =>
  updateAnnotation(user, comparisonId, annotationId, input),
);

export const deleteAnnotationAction = userCall((user, comparisonId: string, annotationId: string, version: number) =>
  deleteAnnotation(user, comparisonId, annotationId, { version }),
);

export const hideAnnotationAction = userCall(
  (user, comparisonId: string, annotationId: string, input: { hidden: boolean; version: number; reason?: string }) =>
    setAnnotationHidden(user, comparisonId, annotationId, input),
);

export const reattachAnnotationAction = userCall((user, comparisonId: string, annotationId: string, input: unknown) =>
  reattachAnnotation(user, comparisonId, annotationId, input),
);

export const clearTextChangedAction = userCall((user, comparisonId: string, annotationId: string, version: number) =>
  clearTextChanged(user, comparisonId, annotationId, { version }),
);

export const replyAction = userCall((user, comparisonId: string, annotationId: string, body: string) =>
  createReply(user, comparisonId, annotationId, { body }),
);

/** For live updates: the annotation as this user may see it, or null when it is gone or hidden from them. */
export const fetchAnnotationAction = userCall(async (user, comparisonId: string, annotationId: string) => {
  try {
    return await getAnnotation(user, comparisonId, annotationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

/** A source's highlights, counts, filter choices and the rows in view, when the view opens a source, changes filters or catches up after the live stream (re)connects. */
export const fetchAnnotationWindowAction = userCall((user, comparisonId: string, query: unknown, pages: unknown) =>
  findAnnotationWindow(user, comparisonId, query, pages, ANNOTATION_PAGE_SIZE),
);

/** The full annotations of the list rows the reader scrolls to. */
export const fetchAnnotationPageAction = userCall((user, comparisonId: string, query: unknown, page: unknown) =>
  findAnnotationPage(user, comparisonId, query, page),
);

export const fetchSourceTextAction = userCall((user, comparisonId: string, sourceId: string) => getSourceText(user, comparisonId, sourceId));

export const fetchProposalsAction = userCall((user, comparisonId: string, sourceId: string) => findProposals(user, comparisonId, sourceId));

export const acceptProposalAction = userCall((user, comparisonId: string, proposalId: string) => acceptProposal(user, comparisonId, proposalId));

export const rejectProposalAction = userCall((user, comparisonId: string, proposalId: string) => rejectProposal(user, comparisonId, proposalId));

export const acceptProposalsOfKindAction = userCall((user, comparisonId: string, kind: unknown) =>
  acceptProposalsOfKind(user, comparisonId, kind),
);

export const createRelationAction = userCall((user, comparisonId: string, input: unknown) => createRelation(user, comparisonId, input));

export const updateRelationAction = userCall((user, comparisonId: string, relationId: string, input: unknown) =>
  updateRelation(user, comparisonId, relationId, input),
);

export const deleteRelationAction = userCall((user, comparisonId: string, relationId: string, version: number) =>
  deleteRelation(user, comparisonId, relationId, { version }),
);

/** For live updates: the relation as this user may see it, or null when it is gone or one of its ends is hidden from them. */
export const fetchRelationAction = userCall(async (user, comparisonId: string, relationId: string) => {
  try {
    return await getRelation(user, comparisonId, relationId);
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") return null;
    throw error;
  }
});

/** Every visible relation, to catch up after the live stream (re)connects. */
export const fetchAllRelationsAction = userCall((user, comparisonId: string) => findRelations(user, comparisonId));

/** The annotations of one source a link may point to (the "Link to…" form reads them when a source is chosen). */
export const fetchLinkCandidatesAction = userCall((user, comparisonId: string, sourceId: string) => findLinkCandidates(user, comparisonId, sourceId));
