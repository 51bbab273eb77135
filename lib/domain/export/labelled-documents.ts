import { codePointIndex } from "../text/code-points";
import { AnnotationFileError } from "./read-web-annotations";
import type { ExportTag } from "./types";

/**
 * The plain data shared by the corpus formats that carry their documents' text with the
 * labels (Label Studio JSON, doccano JSONL, the propaganda-technique corpus layout): a
 * document is its text and labelled spans. Offsets here are always UTF-16 code units, as
 * in the app; each format's reader and writer converts to and from its own convention.
 */

/** A span as the writers get it: an annotation on its source's current text. */
export interface DocumentSpan {
  /** The annotation's id: Label Studio keeps it as the region id. */
  id: string;
  start: number;
  end: number;
  tags: ExportTag[];
  comment: string | null;
  author: { name: string; email: string | null };
  created: Date;
  modified: Date;
}

export interface LabelledDocument {
  /** The document's name in a corpus: the PTC article id, else a number the export gives it. */
  name: string;
  title: string;
  text: string;
  /** In text order. */
  spans: DocumentSpan[];
}

/** A span as the readers find it in a file. `group` is the format's name for a set of labels (Label Studio's `from_name`). */
export interface ReadSpan {
  where: string;
  start: number;
  end: number;
  tags: { name: string; group: string | null }[];
  comment: string | null;
  author: { name: string | null; email: string | null } | null;
  created: Date | null;
  modified: Date | null;
}

export interface ReadDocument {
  where: string;
  /** The document's id or title in the file, to find it among the comparison's sources when its text differs. */
  name: string | null;
  title: string | null;
  text: string;
  spans: ReadSpan[];
}

export interface ReadCorpus {
  documents: ReadDocument[];
  /** What the file holds that Parallax does not import, with the reason. */
  skipped: { where: string; reason: string }[];
}

/** A format's name of its offset unit, for error messages. */
export type OffsetUnit = "UTF-16 code units" | "code points";

/**
 * Checks a span's offsets against its document's text and converts them to UTF-16:
 * integers, start before end, end within the text. Anything else refuses the file.
 */
export function spanOffsets(text: string, start: unknown, end: unknown, unit: OffsetUnit, where: string): { start: number; end: number } {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new AnnotationFileError(where, `start and end must be whole numbers, not ${JSON.stringify(start)} and ${JSON.stringify(end)}.`);
  }
  const [s, e] = [start as number, end as number];
  if (unit === "UTF-16 code units") {
    if (s < 0 || s >= e || e > text.length) {
      throw new AnnotationFileError(where, `the span ${s}–${e} does not fit the text (${text.length} ${unit}; start must be before end).`);
    }
    return { start: s, end: e };
  }
  const index = codePointIndex(text);
  const length = index.toCodePoint(text.length);
  if (s < 0 || s >= e || e > length) {
    throw new AnnotationFileError(where, `the span ${s}–${e} does not fit the text (${length} ${unit}; start must be before end).`);
  }
  return { start: index.toUtf16(s), end: index.toUtf16(e) };
}

/** UTF-16 offsets of a span as code points, for the formats that count those. */
export function toCodePoints(text: string): (utf16: number) => number {
  const index = codePointIndex(text);
  return (utf16) => index.toCodePoint(utf16);
}
