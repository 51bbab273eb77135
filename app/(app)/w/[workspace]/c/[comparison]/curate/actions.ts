"use server";

import { userCall } from "@/lib/server/action";
import { curateSpan } from "@/lib/server/services/curation/curate-span";

/** Records an editor's verdict on a span in the merge view (accept, merge, edit: ACCEPTED with tags; reject). */
export const curateSpanAction = userCall((user, comparisonId: string, input: unknown) => curateSpan(user, comparisonId, input));
