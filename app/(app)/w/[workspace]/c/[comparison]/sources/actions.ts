"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { userAction } from "@/lib/server/action";
import { languageName } from "@/lib/domain/text/language";
import { AppError } from "@/lib/server/errors";
import { createOutlet } from "@/lib/server/services/outlets/create-outlet";
import { createSource, type SourceContent } from "@/lib/server/services/sources/create-source";
import { updateSourceLanguage } from "@/lib/server/services/sources/update-source-language";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

async function contentOf(form: FormData): Promise<SourceContent> {
  const mode = text(form, "mode");
  if (mode === "file") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      throw new AppError("INVALID_INPUT", "Choose a .txt, .md or .html file to upload.", { file: "Choose a file." });
    }
    return { kind: "file", name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  }
  if (mode === "url") return { kind: "url", url: text(form, "sourceUrl") };
  return { kind: "paste", text: text(form, "text") };
}

export const createSourceAction = userAction(async (user, form) => {
  const workspace = text(form, "workspace");
  const comparison = text(form, "comparison");
  const content = await contentOf(form);
  await createSource(user, workspace, comparison, {
    content,
    metadata: {
      title: text(form, "title"),
      outletId: text(form, "outletId") === "new" ? "" : text(form, "outletId"),
      outletName: text(form, "outletId") === "new" ? text(form, "outletName") : "",
      author: text(form, "author"),
      url: content.kind === "url" ? "" : text(form, "url"),
      publishedAt: text(form, "publishedAt"),
      confirmDuplicate: form.get("confirmDuplicate") === "on",
    },
  });
  revalidatePath(`/w/${workspace}/c/${comparison}`, "layout");
  redirect(`/w/${workspace}/c/${comparison}/sources?added=1`);
});

export const createOutletAction = userAction(async (user, form) => {
  const workspace = text(form, "workspace");
  const outlet = await createOutlet(user, workspace, {
    name: text(form, "name"),
    site: text(form, "site"),
    country: text(form, "country"),
    notes: text(form, "notes"),
  });
  revalidatePath(`/w/${workspace}`, "layout");
  return { ok: true, message: `Outlet “${outlet.name}” added.` };
});

export const updateSourceTextAction = userAction(async (user, form) => {
  const workspace = text(form, "workspace");
  const comparison = text(form, "comparison");
  const result = await updateSourceText(user, workspace, comparison, text(form, "sourceId"), {
    text: text(form, "text"),
    baseRevision: Number(text(form, "baseRevision")),
  });
  revalidatePath(`/w/${workspace}/c/${comparison}`, "layout");
  if (!result.changed) return { ok: true, message: "The text is unchanged; no new revision was made." };
  const { exact, fuzzy, orphaned } = result.reanchored!;
  const orphanNote = orphaned ? ` ${orphaned} could not be placed and are listed as orphans to re-attach.` : "";
  return {
    ok: true,
    message: `Saved as revision ${result.revision}. Passages and annotations: ${exact} in place, ${fuzzy} moved with the text.${orphanNote}`,
  };
});

export const updateSourceLanguageAction = userAction(async (user, form) => {
  const workspace = text(form, "workspace");
  const comparison = text(form, "comparison");
  const { language } = await updateSourceLanguage(user, workspace, comparison, text(form, "sourceId"), { language: text(form, "language") });
  revalidatePath(`/w/${workspace}/c/${comparison}`, "layout");
  return { ok: true, message: language ? `Language set to ${languageName(language)} (${language}).` : "Language cleared: the text's direction follows its first letters." };
});
