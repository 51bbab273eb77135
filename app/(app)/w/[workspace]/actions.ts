"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";

export const createComparisonAction = userAction(async (user, form) => {
  const workspace = String(form.get("workspace") ?? "");
  const comparison = await createComparison(user, workspace, {
    title: form.get("title"),
    description: form.get("description"),
    eventDate: form.get("eventDate"),
  });
  redirect(`/w/${workspace}/c/${comparison.slug}/sources`);
});
