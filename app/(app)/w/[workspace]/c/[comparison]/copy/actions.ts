"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { copyComparison } from "@/lib/server/services/comparisons/copy-comparison";

export const copyComparisonAction = userAction(async (user, form) => {
  const copy = await copyComparison(user, String(form.get("comparisonId") ?? ""), {
    targetWorkspaceSlug: form.get("targetWorkspaceSlug") ?? "",
    annotations: form.get("annotations") ?? "none",
  });
  redirect(`/w/${copy.workspaceSlug}/c/${copy.slug}`);
});
