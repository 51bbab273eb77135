import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ZImportManifest, type TImportManifest } from "@/lib/schemas/import-manifest";
import { AppError, isAppError } from "@/lib/server/errors";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createSource } from "@/lib/server/services/sources/create-source";
import { resolveActor } from "./resolve-actor";

const SUPPORTED = /\.(txt|text|md|markdown|html?)$/i;

export interface ImportLine {
  file: string;
  outcome: "imported" | "skipped" | "failed";
  detail: string;
}

async function readManifest(folder: string): Promise<TImportManifest | null> {
  let raw: string;
  try {
    raw = await readFile(path.join(folder, "manifest.json"), "utf8");
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new AppError("INVALID_INPUT", `manifest.json is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = ZImportManifest.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("INVALID_INPUT", `manifest.json: ${issue.path.join(".")}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Imports every article file of a folder into a comparison (a new one unless a slug is
 * given), reading titles, outlets and dates from manifest.json when there is one. Each
 * file is its own transaction: one bad file is reported and the rest still import.
 */
export async function importFolder(options: { folder: string; workspace: string; comparison?: string; as?: string; allowDuplicates?: boolean }) {
  const folder = path.resolve(options.folder);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new AppError("NOT_FOUND", `No folder at ${folder}.`);
  });
  const manifest = await readManifest(folder);
  const actor = await resolveActor(options.workspace, options.as);
  const comparisonSlug =
    options.comparison ??
    (await createComparison(actor, options.workspace, { title: manifest?.collection?.slice(0, 200) ?? path.basename(folder) })).slug;

  const byFile = new Map(manifest?.documents.map((d) => [d.file, d]) ?? []);
  const lines: ImportLine[] = [];
  for (const doc of byFile.keys()) {
    if (doc !== path.basename(doc) || doc.includes("..")) {
      lines.push({ file: doc, outcome: "failed", detail: "manifest names a path outside the folder; only plain file names are allowed" });
      byFile.delete(doc);
    } else if (!entries.some((e) => e.isFile() && e.name === doc)) {
      lines.push({ file: doc, outcome: "failed", detail: "listed in manifest.json but not in the folder" });
    }
  }
  const files = entries.filter((e) => e.isFile() && e.name !== "manifest.json").map((e) => e.name).sort();
  for (const file of files) {
    if (!SUPPORTED.test(file)) {
      lines.push({ file, outcome: "skipped", detail: "not a .txt, .md or .html file" });
      continue;
    }
    const meta = byFile.get(file);
    const bytes = new Uint8Array(await readFile(path.join(folder, file)));
    try {
      const source = await createSource(actor, options.workspace, comparisonSlug, {
        content: { kind: "file", name: file, bytes },
        metadata: {
          title: meta?.title,
          outletName: meta?.outlet,
          author: meta?.author,
          url: meta?.url,
          publishedAt: meta?.published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0],
          confirmDuplicate: options.allowDuplicates ?? false,
        },
      });
      lines.push({ file, outcome: "imported", detail: `“${source.title}”${meta?.outlet ? ` (${meta.outlet})` : ""}` });
    } catch (error) {
      // A file can be refused; a database outage stops the whole import instead.
      if (!isAppError(error) || error.code === "DATABASE_UNAVAILABLE") throw error;
      const duplicate = error.fieldErrors?.duplicate;
      lines.push({ file, outcome: duplicate ? "skipped" : "failed", detail: duplicate ?? error.message });
    }
  }
  return { workspace: options.workspace, comparison: comparisonSlug, lines };
}
