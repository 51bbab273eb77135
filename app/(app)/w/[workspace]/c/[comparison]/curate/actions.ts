"use server";

import { userCall } from "@/lib/server/action";
import { curateSpan } from "@/lib/server/services/curation/curate-span";
import { getCurationView } from "@/lib/server/services/curation/get-curation-view";

/** Records an editor's verdict on a span in the merge view (accept, merge, edit: ACCEPTED with tags; reject). */
export const curateSpanAction = userCall((user, comparisonId: string, input: unknown) => curateSpan(user, comparisonId, input));

/** For live updates: the merge view of one source as it is now (reviewers, spans, verdicts), for editors only. */
export const fetchCurationAction = userCall(async (user, workspaceSlug: string, comparisonSlug: string, sourceId: string) => {
  const { reviewers, spans, verdicts } = await getCurationView(user, workspaceSlug, comparisonSlug, sourceId);
  return { reviewers, spans, verdicts };
});
