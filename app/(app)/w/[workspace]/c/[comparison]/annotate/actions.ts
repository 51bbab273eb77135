"use server";

import { userCall } from "@/lib/server/action";
import { isAppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotationPage, findAnnotationWindow } from "@/lib/server/services/annotations/find-annotation-window";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { acceptProposal, acceptProposalsOfKind, rejectProposal } from "@/lib/server/services/proposals/decide-proposal";
import { findProposals } from "@/lib/server/services/proposals/find-proposals";
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
