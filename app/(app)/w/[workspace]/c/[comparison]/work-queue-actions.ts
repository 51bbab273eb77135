"use server";

import { userCall } from "@/lib/server/action";
import { getProgressTable } from "@/lib/server/services/source-progress/find-source-progress";
import { setSourceDone } from "@/lib/server/services/source-progress/set-source-done";

/** Marks a source done for the signed-in reviewer (`done: true`), or undoes the mark. */
export const setSourceDoneAction = userCall((user, comparisonId: string, input: unknown) => setSourceDone(user, comparisonId, input));

/** The progress table as the signed-in user may see it (null for viewers), re-read on live changes. */
export const fetchProgressTableAction = userCall((user, comparisonId: string) => getProgressTable(user, comparisonId));
