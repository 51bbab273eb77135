"use server";

import { revalidatePath } from "next/cache";
import { unzipSync } from "fflate";
import type { CorpusFile } from "@/lib/domain/export/ptc";
import { userAction } from "@/lib/server/action";
import { AppError } from "@/lib/server/errors";
import { CORPUS_FORMAT_NAMES, isCorpusFormat, readCorpus } from "@/lib/server/export/corpus-formats";
import { importCorpus } from "@/lib/server/export/import-corpus";

/** What a zip of a PTC folder may unpack to: ten times the form's limit, so a small zip cannot fill the memory. */
const MAX_UNZIPPED_BYTES = 40 * 1_048_576;
/** Skipped items named in the form's message; the command line lists them all. */
const LISTED = 5;

function utf8(name: string, bytes: Uint8Array): CorpusFile {
  try {
    return { name, content: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    throw new AppError("INVALID_INPUT", `${name} is not UTF-8 text.`, { files: `${name} is not UTF-8 text.` });
  }
}

/** The files sent, with a zip (of a PTC folder) unpacked: its files by their names, wherever they sit in it. */
async function uploaded(form: FormData): Promise<CorpusFile[]> {
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  if (files.length === 0) throw new AppError("INVALID_INPUT", "Choose the file (or the PTC folder's files) to import.", { files: "Choose a file." });
  const read: CorpusFile[] = [];
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (!/\.zip$/i.test(file.name)) {
      read.push(utf8(file.name, bytes));
      continue;
    }
    let total = 0;
    const entries = unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `${file.name} unpacks to more than 40 MB; import the folder from the command line.`);
        return !entry.name.endsWith("/");
      },
    });
    for (const [name, content] of Object.entries(entries)) read.push(utf8(name.split("/").at(-1)!, content));
  }
  return read;
}

export const importCorpusAction = userAction(async (user, form) => {
  const format = form.get("format");
  if (typeof format !== "string" || !isCorpusFormat(format)) throw new AppError("INVALID_INPUT", "Choose the file's format.", { format: "Choose a format." });
  const comparisonId = String(form.get("comparisonId") ?? "");
  const report = await importCorpus(user, comparisonId, readCorpus(format, await uploaded(form)));
  revalidatePath(`/w/${String(form.get("workspace"))}/c/${String(form.get("comparison"))}`, "layout");
  const saved = report.exact + report.fuzzy + report.orphaned;
  const parts = [
    `${saved} annotations imported from the ${CORPUS_FORMAT_NAMES[format]}: ${report.exact} anchored exactly, ${report.fuzzy} fuzzily, ${report.orphaned} orphaned (kept to re-attach).`,
  ];
  if (report.newTags.length) parts.push(`New tags: ${report.newTags.map((t) => `“${t.name}” in “${t.tagSet}”`).join(", ")}.`);
  if (report.reassigned.length) parts.push(`${report.reassigned.length} annotations are yours: their annotators are not members who may annotate.`);
  if (report.skipped.length) {
    const listed = report.skipped.slice(0, LISTED).map((s) => `${s.where}: ${s.reason}`);
    const more = report.skipped.length > LISTED ? `; and ${report.skipped.length - LISTED} more` : "";
    parts.push(`${report.skipped.length} skipped (${listed.join("; ")}${more}).`);
  }
  return { ok: true, message: parts.join(" ") };
});
