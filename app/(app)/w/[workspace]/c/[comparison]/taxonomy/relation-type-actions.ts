"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/server/action";
import { createRelationType } from "@/lib/server/services/relations/create-relation-type";
import { updateRelationType } from "@/lib/server/services/relations/update-relation-type";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** Relation types are offered on the annotate tab and named in the report: the whole comparison refreshes. */
function refresh(form: FormData) {
  revalidatePath(`/w/${text(form, "workspace")}/c/${text(form, "comparison")}`, "layout");
}

export const createRelationTypeAction = userAction(async (user, form) => {
  const type = await createRelationType(user, text(form, "comparisonId"), { name: text(form, "name") });
  refresh(form);
  return { ok: true, message: `Added the relation type “${type.name}”.` };
});

export const renameRelationTypeAction = userAction(async (user, form) => {
  const type = await updateRelationType(user, text(form, "comparisonId"), text(form, "typeId"), { name: text(form, "name") });
  refresh(form);
  return { ok: true, message: `Renamed to “${type.name}”.` };
});

export const setRelationTypeRetiredAction = userAction(async (user, form) => {
  const retired = text(form, "retired") === "true";
  const type = await updateRelationType(user, text(form, "comparisonId"), text(form, "typeId"), { retired });
  refresh(form);
  return { ok: true, message: retired ? `Retired “${type.name}”: links keep it; it is no longer offered.` : `“${type.name}” is offered again.` };
});
