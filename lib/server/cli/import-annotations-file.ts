import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { AnnotationFileSyntaxError, splitAnnotationFile } from "@/lib/domain/export/split-annotation-file";
import { AppError } from "@/lib/server/errors";
import { importAnnotationParts } from "@/lib/server/export/import-annotations";
import { requireComparison } from "@/lib/server/services/comparisons/require-comparison";
import { resolveActor } from "./resolve-actor";

/** How far an import is: annotations read, and bytes of the file read of its size. */
export interface ImportFileProgress {
  annotations: number;
  bytes: number;
  size: number;
}

/**
 * Imports a .jsonld (or .json) file of W3C Web Annotations into an existing comparison,
 * streaming it: the file is parsed as it is read and never held whole, so its size is
 * bounded by the disk, not by memory.
 */
export async function importAnnotationsFile(options: { file: string; workspace: string; comparison: string; as?: string; onProgress?: (progress: ImportFileProgress) => void }) {
  const file = path.resolve(options.file);
  const size = await stat(file).then(
    (s) => s.size,
    () => {
      throw new AppError("NOT_FOUND", `No file at ${file}.`);
    },
  );
  const actor = await resolveActor(options.workspace, options.as);
  const { comparison } = await requireComparison(actor, options.workspace, options.comparison);
  let bytes = 0;
  async function* chunks() {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  }
  try {
    const report = await importAnnotationParts(actor, comparison.id, splitAnnotationFile(chunks()), {
      onRead: (annotations) => options.onProgress?.({ annotations, bytes, size }),
    });
    return { ...report, workspace: options.workspace, comparison: comparison.slug };
  } catch (error) {
    if (error instanceof AnnotationFileSyntaxError) throw new AppError("INVALID_INPUT", `${path.basename(file)} is not valid JSON: ${error.message}`);
    throw error;
  }
}
