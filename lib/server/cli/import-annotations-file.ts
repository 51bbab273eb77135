import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AppError } from "@/lib/server/errors";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { resolveActor } from "./resolve-actor";

/** Imports a .jsonld (or .json) file of W3C Web Annotations into an existing comparison. */
export async function importAnnotationsFile(options: { file: string; workspace: string; comparison: string; as?: string }) {
  const file = path.resolve(options.file);
  const text = await readFile(file, "utf8").catch(() => {
    throw new AppError("NOT_FOUND", `No file at ${file}.`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${path.basename(file)} is not valid JSON: ${(error as Error).message}`);
  }
  const actor = await resolveActor(options.workspace, options.as);
  const { comparison } = await requireComparison(actor, options.workspace, options.comparison);
  const report = await importAnnotations(actor, comparison.id, json);
  return { ...report, workspace: options.workspace, comparison: comparison.slug };
}
