import { readDoccano } from "@/lib/domain/export/doccano";
import { readLabelStudio } from "@/lib/domain/export/label-studio";
import type { ReadCorpus } from "@/lib/domain/export/labelled-documents";
import { readPtc, type CorpusFile } from "@/lib/domain/export/ptc";
import { AnnotationFileError } from "@/lib/domain/export/read-web-annotations";
import { AppError } from "@/lib/server/errors";

/** The corpus formats: files that carry their documents' text with the labelled spans (docs/export.md). */
export const CORPUS_FORMATS = ["labelstudio", "doccano", "ptc"] as const;
export type CorpusFormat = (typeof CORPUS_FORMATS)[number];

export const CORPUS_FORMAT_NAMES: Record<CorpusFormat, string> = {
  labelstudio: "Label Studio JSON",
  doccano: "doccano JSONL",
  ptc: "propaganda-technique corpus (PTC) folder",
};

export function isCorpusFormat(value: string | null | undefined): value is CorpusFormat {
  return (CORPUS_FORMATS as readonly string[]).includes(value ?? "");
}

/** A place in the file and what is wrong there: nothing is saved. */
function invalidAt(error: AnnotationFileError): AppError {
  const problem = error.message.slice(error.where.length + 2);
  return new AppError("INVALID_INPUT", error.message, { [error.where]: problem });
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new AppError("INVALID_INPUT", `${name} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads a corpus file (Label Studio, doccano) or a PTC folder's files into documents and
 * spans, or refuses it as a whole with the place of the first problem. A NUL character,
 * which no text column can hold, is refused wherever it is.
 */
export function readCorpus(format: CorpusFormat, files: readonly CorpusFile[]): ReadCorpus {
  const nul = files.find((f) => f.content.includes("\u0000"));
  if (nul) throw new AppError("INVALID_INPUT", `${nul.name} contains a NUL character (U+0000), an invisible character that cannot be saved: remove it and try again.`);
  try {
    if (format === "ptc") return readPtc(files);
    if (files.length !== 1) throw new AppError("INVALID_INPUT", `Choose one ${CORPUS_FORMAT_NAMES[format]} file.`);
    const [file] = files as [CorpusFile];
    return format === "labelstudio" ? readLabelStudio(parseJson(file.content, file.name)) : readDoccano(file.content);
  } catch (error) {
    if (error instanceof AnnotationFileError) throw invalidAt(error);
    throw error;
  }
}
