import "server-only";
import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { assertExportFormat, exportComparison } from "@/lib/server/export/export-comparison";
import { isDocumentFormat } from "@/lib/server/export/import-document-files";
import { publicOrigin } from "@/lib/server/export/urls";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { exportDocumentsToFolder } from "./documents";
import { resolveActor } from "./resolve-actor";

/**
 * Writes a comparison's export to a file. The stream goes to a temporary file beside the
 * target, renamed over it only once complete: a failure halfway leaves no half-written
 * file, and an earlier export at that path stays as it was.
 */
export async function exportToFile(options: {
  workspace: string;
  comparison: string;
  format: string | undefined;
  out: string;
  as?: string;
  /** Told the bytes written so far, as they are written. */
  onProgress?: (bytes: number) => void;
}) {
  const format = assertExportFormat(options.format);
  const actor = await resolveActor(options.workspace, options.as);
  const { comparison } = await requireComparison(actor, options.workspace, options.comparison);
  const out = path.resolve(options.out);
  // brat and WebAnno TSV are several files: a folder, unless a zip is asked for.
  if (isDocumentFormat(format) && !/\.zip$/i.test(out)) return exportDocumentsToFolder(actor, comparison.id, format, out);
  const file = await exportComparison(actor, comparison.id, format, { origin: publicOrigin() });
  const partial = path.join(path.dirname(out), `.${path.basename(out)}.${randomBytes(4).toString("hex")}.part`);
  try {
    let written = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        written += chunk.length;
        options.onProgress?.(written);
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(file.body as NodeReadableStream<Uint8Array>), counter, createWriteStream(partial, { flags: "wx" }));
    await rename(partial, out);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { path: out, bytes: (await stat(out)).size, format };
}
