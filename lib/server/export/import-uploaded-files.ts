import "server-only";
import { AppError } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/actor";
import { canReadReports } from "@/lib/server/permissions";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { importAnnotations, type ImportReport } from "./import-annotations";
import { importDocumentFiles, isDocumentFormat, type RawFile } from "./import-document-files";

/** The formats the import form offers: W3C JSON-LD, brat, WebAnno TSV. */
export const IMPORT_FORMATS = ["jsonld", "brat", "webanno"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** What one form submission may upload in all: the form's 4 MB body less room for its framing. */
export const MAX_IMPORT_BYTES = 3 * 1_048_576;

/**
 * Files uploaded through the import form on the report page, in the format chosen: one
 * JSON-LD file, or brat and WebAnno TSV files (loose or zipped). Saves all of them or, on
 * any problem, none. As the report, it is not for a class's students: their annotations
 * belong to their assignments.
 */
export async function importUploadedFiles(actor: Actor, comparisonId: string, format: string, files: readonly RawFile[]): Promise<ImportReport> {
  const { role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  if (!canReadReports(role)) throw new AppError("FORBIDDEN", "Students annotate in their assignments: importing annotations is for the class's teachers.");
  if (files.length === 0) throw new AppError("INVALID_INPUT", "Choose the file to import.", { file: "Choose a file." });
  const size = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (size > MAX_IMPORT_BYTES) throw new AppError("INVALID_INPUT", "The files come to more than 3 MB: import them in parts, or use the command line.", { file: "At most 3 MB." });
  if (isDocumentFormat(format)) return importDocumentFiles(actor, comparisonId, format, files);
  if (format !== "jsonld") throw new AppError("INVALID_INPUT", `Choose one of the formats: ${IMPORT_FORMATS.join(", ")}.`, { format: "Choose a format." });
  if (files.length > 1) throw new AppError("INVALID_INPUT", "Choose one JSON-LD file.", { file: "One file." });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(files[0]!.bytes).replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${files[0]!.path} is not valid JSON: ${(error as Error).message}`, { file: "Not JSON." });
  }
  return importAnnotations(actor, comparisonId, json);
}

/** The import's outcome in a few sentences, for the form. */
export function describeImport(report: ImportReport): string {
  const saved = report.exact + report.fuzzy + report.orphaned;
  const parts = [`Imported ${saved} annotation${saved === 1 ? "" : "s"}: ${report.exact} anchored exactly, ${report.fuzzy} fuzzily, ${report.orphaned} orphaned (kept to re-attach).`];
  if (report.newTags.length) parts.push(`New tags: ${report.newTags.map((t) => `“${t.name}” in “${t.tagSet}”`).join(", ")}.`);
  if (report.reassigned.length) parts.push(`${report.reassigned.length} annotation${report.reassigned.length === 1 ? " is" : "s are"} yours now: their authors are not members who may annotate.`);
  if (report.skipped.length) {
    const shown = report.skipped.slice(0, 5).map((s) => `${s.where}: ${s.reason}`);
    const more = report.skipped.length > shown.length ? ` … and ${report.skipped.length - shown.length} more` : "";
    parts.push(`Skipped ${report.skipped.length}: ${shown.join("; ")}${more}.`);
  }
  return parts.join(" ");
}
