import "server-only";
import { unzipSync } from "fflate";
import { readBratConfig, readBratDocument } from "@/lib/domain/export/brat";
import type { ReadDocument } from "@/lib/domain/export/documents";
import { AnnotationFileError } from "@/lib/domain/export/read-web-annotations";
import { readWebAnnoTsv } from "@/lib/domain/export/webanno-tsv";
import type { Actor } from "@/lib/server/actor";
import { AppError } from "@/lib/server/errors";
import { importDocuments, invalidAt, type ImportReport } from "./import-annotations";

/** The formats whose files are documents (a text and its annotations per source), imported from a folder or zip. */
export const DOCUMENT_FORMATS = ["brat", "webanno"] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export function isDocumentFormat(value: string | null | undefined): value is DocumentFormat {
  return (DOCUMENT_FORMATS as readonly (string | null | undefined)[]).includes(value);
}

/** A file as uploaded or read from disk: its path (inside the folder or zip) and its bytes. */
export interface RawFile {
  path: string;
  bytes: Uint8Array;
}

/** What a zip may unpack to, so a small upload cannot fill the memory (a "zip bomb"). */
const MAX_UNZIPPED_BYTES = 64 * 1_048_576;

/** Zips are opened; folders inside them and hidden files (`.DS_Store`, `__MACOSX/`) are left out. */
function expand(files: readonly RawFile[]): RawFile[] {
  return files.flatMap((file) => {
    if (!/\.zip$/i.test(file.path)) return [file];
    let total = 0;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(file.bytes, {
        filter: (entry) => {
          total += entry.originalSize;
          if (total > MAX_UNZIPPED_BYTES) throw new AppError("INVALID_INPUT", `${file.path} unpacks to more than 64 MB; import its documents in parts.`);
          return !entry.name.endsWith("/");
        },
      });
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("INVALID_INPUT", `${file.path} is not a zip file that can be opened (${(error as Error).message}).`);
    }
    return Object.entries(entries).map(([path, bytes]) => ({ path, bytes }));
  }).filter((file) => !file.path.split("/").some((part) => part.startsWith(".") || part === "__MACOSX"));
}

function decode(file: RawFile): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(file.bytes);
  } catch {
    throw invalidAt(file.path, "is not UTF-8 text; save it as UTF-8 and try again.");
  }
  if (text.includes("\u0000")) throw invalidAt(file.path, "contains a NUL character (U+0000), an invisible character that cannot be saved: remove it and try again.");
  return text;
}

const baseName = (path: string) => path.split("/").at(-1)!;
const folderOf = (path: string) => path.split("/").slice(0, -1).join("/");
const stemOf = (path: string) => baseName(path).replace(/\.[^.]*$/, "");

/**
 * brat: each `.ann` with the `.txt` of the same name beside it, read with the nearest
 * `annotation.conf` and `visual.conf` (its own folder's, else any). A `.txt` alone has no
 * annotations and is reported; an `.ann` alone refuses the import (its offsets need the text).
 */
function readBrat(files: RawFile[]): ReadDocument[] {
  const texts = new Map(files.map((f) => [f.path, f]));
  const conf = (folder: string, name: string) => {
    const file = texts.get(folder ? `${folder}/${name}` : name) ?? files.find((f) => baseName(f.path) === name);
    return file ? decode(file) : null;
  };
  const anns = files.filter((f) => /\.ann$/i.test(f.path));
  const documents = anns.map((ann) => {
    const txtPath = ann.path.replace(/\.ann$/i, ".txt");
    const txt = texts.get(txtPath);
    if (!txt) throw invalidAt(ann.path, `has no ${baseName(txtPath)} beside it: brat's offsets count in that text.`);
    const folder = folderOf(ann.path);
    return readBratDocument({ stem: stemOf(ann.path), annName: ann.path, txt: decode(txt), ann: decode(ann) }, readBratConfig(conf(folder, "annotation.conf"), conf(folder, "visual.conf")));
  });
  const annotated = new Set(anns.map((a) => a.path.replace(/\.ann$/i, ".txt")));
  const lonely = files.filter((f) => /\.txt$/i.test(f.path) && !annotated.has(f.path));
  if (documents.length === 0) throw new AppError("INVALID_INPUT", "There is no .ann file among these files: a brat collection has a .txt and an .ann per document.");
  documents[0]!.skipped.unshift(...lonely.map((f) => ({ where: f.path, reason: "a text without an .ann file beside it has no annotations to import" })));
  return documents;
}

/**
 * WebAnno TSV: every `.tsv` file. In INCEpTION's project export (`annotation/<document>/<user>.tsv`)
 * the folder names the document and the file the annotator.
 */
function readWebAnno(files: RawFile[]): ReadDocument[] {
  const tsvs = files.filter((f) => /\.tsv$/i.test(f.path));
  if (tsvs.length === 0) throw new AppError("INVALID_INPUT", "There is no .tsv file among these files: WebAnno TSV files end in .tsv.");
  return tsvs.map((file) => {
    const perUser = /(?:^|\/)annotation\/([^/]+)\/([^/]+)\.tsv$/i.exec(file.path);
    return readWebAnnoTsv({
      stem: perUser ? perUser[1]!.replace(/\.[^.]*$/, "") : stemOf(file.path),
      name: file.path,
      tsv: decode(file),
      annotator: perUser ? perUser[2]! : null,
    });
  });
}

/**
 * Imports brat or WebAnno TSV files (loose, or zips of them) into a comparison: all of them
 * or, when any file is malformed, none (the error names the file and line).
 */
export async function importDocumentFiles(actor: Actor, comparisonId: string, format: DocumentFormat, files: readonly RawFile[]): Promise<ImportReport> {
  return importDocuments(actor, comparisonId, () => {
    const all = expand(files);
    try {
      return format === "brat" ? readBrat(all) : readWebAnno(all);
    } catch (error) {
      if (error instanceof AnnotationFileError) throw invalidAt(error.where, error.message.slice(error.where.length + 2));
      throw error;
    }
  });
}
