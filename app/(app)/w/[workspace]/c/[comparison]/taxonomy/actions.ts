"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/server/action";
import { createTag } from "@/lib/server/services/taxonomy/create-tag";
import { mergeTags } from "@/lib/server/services/taxonomy/merge-tags";
import { restoreTag, retireTag } from "@/lib/server/services/taxonomy/retire-tag";
import { updateTag } from "@/lib/server/services/taxonomy/update-tag";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** The comparison a form belongs to, from its hidden fields. */
function where(form: FormData) {
  return { workspace: text(form, "workspace"), comparison: text(form, "comparison") };
}

/** Tags show up on every tab of the comparison (annotate, agreement…), so all of them refresh. */
function refresh({ workspace, comparison }: ReturnType<typeof where>) {
  revalidatePath(`/w/${workspace}/c/${comparison}`, "layout");
}

function annotations(count: number): string {
  return count === 1 ? "1 annotation" : `${count} annotations`;
}

export const createTagAction = userAction(async (user, form) => {
  const at = where(form);
  const tag = await createTag(user, at.workspace, at.comparison, {
    tagSetId: text(form, "tagSetId"),
    name: text(form, "name"),
    description: text(form, "description"),
    color: text(form, "color"),
  });
  refresh(at);
  return { ok: true, message: `Added “${tag.name}”.` };
});

export const updateTagAction = userAction(async (user, form) => {
  const at = where(form);
  const tag = await updateTag(user, at.workspace, at.comparison, text(form, "tagId"), {
    name: text(form, "name"),
    description: text(form, "description"),
    color: text(form, "color"),
  });
  refresh(at);
  return { ok: true, message: `Saved “${tag.name}”.` };
});

export const setTagRetiredAction = userAction(async (user, form) => {
  const at = where(form);
  const tagId = text(form, "tagId");
  if (text(form, "retired") === "true") {
    const tag = await retireTag(user, at.workspace, at.comparison, tagId);
    refresh(at);
    return { ok: true, message: `Retired “${tag.name}”. Annotations keep it; it is no longer offered for new ones.` };
  }
  const tag = await restoreTag(user, at.workspace, at.comparison, tagId);
  refresh(at);
  return { ok: true, message: `Restored “${tag.name}”; it is offered for new annotations again.` };
});

export const mergeTagsAction = userAction(async (user, form) => {
  const at = where(form);
  const { tag, into, moved, alreadyTagged } = await mergeTags(user, at.workspace, at.comparison, {
    tagId: text(form, "tagId"),
    intoTagId: text(form, "intoTagId"),
  });
  refresh(at);
  const had = alreadyTagged ? ` ${annotations(alreadyTagged)} already had “${into.name}”.` : "";
  return { ok: true, message: `Merged “${tag.name}” into “${into.name}”: ${annotations(moved)} moved.${had}` };
});
