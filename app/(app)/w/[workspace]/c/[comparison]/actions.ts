"use server";

import { revalidatePath } from "next/cache";
import { userCall } from "@/lib/server/action";
import { saveColumnLayout } from "@/lib/server/services/column-layouts/save-column-layout";
import { deleteFactRow, renameFactRow } from "@/lib/server/services/fact-rows/update-fact-row";
import { removePassage } from "@/lib/server/services/passages/remove-passage";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { suggestPassages } from "@/lib/server/services/passages/suggest-passages";

type Where = { workspace: string; comparison: string };

function refresh({ workspace, comparison }: Where) {
  revalidatePath(`/w/${workspace}/c/${comparison}`, "layout");
}

export const setPassageAction = userCall(async (user, where: Where, input: unknown) => {
  const result = await setPassage(user, where.workspace, where.comparison, input);
  refresh(where);
  return result;
});

export const removePassageAction = userCall(async (user, where: Where, passageId: string) => {
  await removePassage(user, where.workspace, where.comparison, passageId);
  refresh(where);
});

export const suggestPassagesAction = userCall((user, where: Where, input: unknown) =>
  suggestPassages(user, where.workspace, where.comparison, input),
);

export const renameFactRowAction = userCall(async (user, where: Where, factRowId: string, label: string) => {
  await renameFactRow(user, where.workspace, where.comparison, factRowId, { label });
  refresh(where);
});

export const deleteFactRowAction = userCall(async (user, where: Where, factRowId: string) => {
  await deleteFactRow(user, where.workspace, where.comparison, factRowId);
  refresh(where);
});

/** Only the acting user's own arrangement changes, so nothing else is revalidated. */
export const saveColumnLayoutAction = userCall((user, where: Where, layout: unknown) =>
  saveColumnLayout(user, where.workspace, where.comparison, layout),
);
