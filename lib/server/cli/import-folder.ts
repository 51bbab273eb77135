import "server-only";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { ZCreateComparison, ZSourceMetadata, type TCreateComparison } from "@/lib/schemas/comparison";
import { ZImportManifest, type TImportManifest } from "@/lib/schemas/import-manifest";
import { db } from "@/lib/server/db/client";
import { AppError, isAppError } from "@/lib/server/errors";
import { extractSource } from "@/lib/server/import/extract-source";
import { insertComparison } from "@/lib/server/services/comparisons/create-comparison";
import { requireComparison, requireEditableWorkspace } from "@/lib/server/services/comparisons/require-comparison";
import { storeSource, type PreparedSource } from "@/lib/server/services/sources/create-source";
import { parseInput } from "@/lib/server/validation";
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

/** Where the files go: a comparison that exists, or one the import creates with them. */
type Target = { kind: "existing"; comparison: { id: string; slug: string; workspaceId: string } } | { kind: "new"; workspaceId: string; input: TCreateComparison };

/** How long the one transaction of an import may run: a folder of articles, not one request (300 short files took 38 s on a busy two-core machine). */
const IMPORT_TRANSACTION_MS = 600_000;

/**
 * Imports every article file of a folder into a comparison (a new one unless a slug is
 * given), reading titles, outlets and dates from manifest.json when there is one.
 *
 * All or nothing: every file is read and checked first, and if any fails, nothing is saved
 * (not even the new comparison) and the report says which files failed and why. Then the
 * comparison and every source are saved in one transaction, so an import stopped half-way
 * (killed, a database outage) leaves no half-filled comparison behind. Files that are not
 * articles, and texts already in the comparison, are skipped; they do not stop the import.
 * The price: every extracted text (at most 1 MB each) is held in memory until the end.
 */
export async function importFolder(options: {
  folder: string;
  workspace: string;
  comparison?: string;
  as?: string;
  allowDuplicates?: boolean;
}): Promise<{ workspace: string; comparison: string; saved: true; lines: ImportLine[] } | { workspace: string; comparison?: string; saved: false; lines: ImportLine[] }> {
  const folder = path.resolve(options.folder);
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => {
    throw new AppError("NOT_FOUND", `No folder at ${folder}.`);
  });
  const manifest = await readManifest(folder);
  const actor = await resolveActor(options.workspace, options.as);
  const target: Target = options.comparison
    ? { kind: "existing", comparison: (await requireComparison(actor, options.workspace, options.comparison, { edit: true })).comparison }
    : {
        kind: "new",
        workspaceId: (await requireEditableWorkspace(actor, options.workspace)).id,
        input: parseInput(ZCreateComparison, { title: manifest?.collection?.slice(0, 200) ?? path.basename(folder) }),
      };

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
  const ready: { file: string; prepared: PreparedSource }[] = [];
  const files = entries.filter((e) => e.isFile() && e.name !== "manifest.json").map((e) => e.name).sort();
  for (const file of files) {
    if (!SUPPORTED.test(file)) {
      lines.push({ file, outcome: "skipped", detail: "not a .txt, .md or .html file" });
      continue;
    }
    const meta = byFile.get(file);
    try {
      const metadata = parseInput(ZSourceMetadata, {
        title: meta?.title,
        outletName: meta?.outlet,
        author: meta?.author,
        url: meta?.url,
        publishedAt: meta?.published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0],
        confirmDuplicate: options.allowDuplicates ?? false,
      });
      const bytes = new Uint8Array(await readFile(path.join(folder, file)));
      ready.push({ file, prepared: { meta: metadata, extracted: await extractSource({ kind: "file", name: file, bytes }) } });
    } catch (error) {
      if (!isAppError(error)) throw error;
      lines.push({ file, outcome: "failed", detail: error.message });
    }
  }

  if (lines.some((l) => l.outcome === "failed")) {
    for (const { file } of ready) lines.push({ file, outcome: "skipped", detail: "readable, but not imported because another file failed" });
    return { workspace: options.workspace, comparison: options.comparison, saved: false, lines };
  }

  const comparison = await db().$transaction(
    async (tx) => {
      const comparison = target.kind === "existing" ? target.comparison : await insertComparison(tx, actor, target.workspaceId, target.input);
      for (const { file, prepared } of ready) {
        const stored = await storeSource(tx, actor, comparison, prepared);
        const outlet = prepared.meta.outletName;
        lines.push(
          "twin" in stored
            ? { file, outcome: "skipped", detail: `already in the comparison as “${stored.twin}”` }
            : { file, outcome: "imported", detail: `“${stored.source.title}”${outlet ? ` (${outlet})` : ""}` },
        );
      }
      return comparison;
    },
    { timeout: IMPORT_TRANSACTION_MS },
  );
  return { workspace: options.workspace, comparison: comparison.slug, saved: true, lines };
}
