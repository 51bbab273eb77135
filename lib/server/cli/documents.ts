import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { TextFile } from "@/lib/domain/export/documents";
import { AppError } from "@/lib/server/errors";
import { exportDocuments } from "@/lib/server/export/export-documents";
import { DOCUMENT_FORMATS, importDocumentFiles, isDocumentFormat, type DocumentFormat, type RawFile } from "@/lib/server/export/import-document-files";
import type { Actor } from "@/lib/server/actor";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { resolveActor } from "./resolve-actor";

export const DOCUMENTS_USAGE = `  npm run cli -- import <folder|file.zip|file> --format brat|webanno --workspace <slug> --comparison <slug> [--as <email>]
      Imports brat standoff (.txt + .ann) or WebAnno TSV 3 (.tsv) annotations into the comparison,
      each file recognised as one of its sources; all of them or, on a malformed file, none.
  npm run cli -- export <comparison> --workspace <slug> --format brat|webanno --out <folder|file.zip> [--as <email>]
      Writes one brat .txt/.ann pair (with annotation.conf, visual.conf) or one .tsv per source:
      into a new folder, or into a zip when --out ends in .zip.`;

async function listFiles(root: string): Promise<RawFile[]> {
  const info = await stat(root).catch(() => {
    throw new AppError("NOT_FOUND", `Nothing at ${root}.`);
  });
  if (!info.isDirectory()) return [{ path: path.basename(root), bytes: new Uint8Array(await readFile(root)) }];
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const full = path.join(entry.parentPath, entry.name);
        return { path: path.relative(root, full).split(path.sep).join("/"), bytes: new Uint8Array(await readFile(full)) };
      }),
  );
}

/** `import <path> --format brat|webanno …`: prints what was imported, skipped and created. */
export async function runImportDocuments(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { workspace: { type: "string" }, comparison: { type: "string" }, as: { type: "string" }, format: { type: "string" } },
  });
  const target = positionals[0];
  if (!target || !values.workspace || !values.comparison || !isDocumentFormat(values.format)) {
    console.error(`Importing ${DOCUMENT_FORMATS.join(" or ")} needs the folder or file, --format, --workspace and --comparison.\n\n${DOCUMENTS_USAGE}`);
    return 2;
  }
  const files = await listFiles(path.resolve(target));
  const actor = await resolveActor(values.workspace, values.as);
  const { comparison } = await requireComparison(actor, values.workspace, values.comparison);
  const report = await importDocumentFiles(actor, comparison.id, values.format, files);
  for (const { stem, source, by } of report.documents) console.log(`document  ${stem}: ${source ? `“${source}” (by its ${by})` : "no source has its text or name; each annotation goes where its words are"}`);
  for (const { where, reason } of report.skipped) console.log(`skipped   ${where}: ${reason}`);
  for (const { name, tagSet } of report.newTags) console.log(`new tag   “${name}” in “${tagSet}”`);
  for (const { where, creator } of report.reassigned) console.log(`author    ${where}: “${creator}” is not a member who may annotate; the annotation is yours`);
  const saved = report.exact + report.fuzzy + report.orphaned;
  console.log(
    `\n${saved} annotations imported into /w/${values.workspace}/c/${comparison.slug}: ` +
      `${report.exact} anchored exactly, ${report.fuzzy} fuzzily, ${report.orphaned} orphaned (kept to re-attach); ${report.skipped.length} skipped`,
  );
  return 0;
}

/**
 * Writes the files into a new folder: first into a temporary folder beside it, renamed once
 * complete, so a failure leaves nothing half-written. An existing folder must be empty.
 */
async function writeFolder(out: string, files: readonly TextFile[]): Promise<void> {
  const existing = await readdir(out).catch(() => null);
  if (existing && existing.length > 0) throw new AppError("CONFLICT", `${out} is not empty: choose a new folder (or an empty one) for the export.`);
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(4).toString("hex")}.part`);
  try {
    for (const file of files) {
      const at = path.join(partial, ...file.path.split("/").slice(1));
      await mkdir(path.dirname(at), { recursive: true });
      await writeFile(at, file.text, { flag: "wx" });
    }
    if (existing) await rmdir(out);
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/** `export … --format brat|webanno --out <folder>`: the documents as files in a folder (the comparison's slug is left out of their paths). */
export async function exportDocumentsToFolder(actor: Actor, comparisonId: string, format: DocumentFormat, out: string) {
  const { files, relationsLeftOut } = await exportDocuments(actor, comparisonId, format);
  await writeFolder(out, files);
  return { path: out, bytes: files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0), format, relationsLeftOut };
}
