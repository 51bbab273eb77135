import { slugify } from "../slug";
import { codePointIndex, type CodePointIndex } from "../text/code-points";
import type { CandidateSource } from "./match-target";
import type { ImportedAnnotation, ImportedTarget } from "./read-web-annotations";
import type { ExportedAnnotation } from "./types";

/**
 * What the document formats (brat standoff, WebAnno TSV) have in common: one file (or pair
 * of files) per source, holding its text and the annotations on it, and nothing that names
 * the source but the file's name. Plain data in, files of text out, and back.
 */

/** One source as the document formats write it: its current text and the annotations placed on it. */
export interface ExportDocument {
  /** The file name without extension: `01-<title-slug>`, unique within the export. */
  stem: string;
  title: string;
  text: string;
  /** In text order; their offsets count in `text`. */
  annotations: ExportedAnnotation[];
}

/** A file of an export or import: its path inside the folder or zip, and its text. */
export interface TextFile {
  path: string;
  text: string;
}

/** The file stem of the source at a (0-based) position: sorts like the comparison's columns. */
export function documentStem(position: number, title: string): string {
  return `${String(position + 1).padStart(2, "0")}-${slugify(title)}`;
}

/** What a format reader makes of one document: its text (as far as the format has it), annotations, and what it skipped. */
export interface ReadDocument {
  /** The file the document came from, without extension (`01-barrier-fails`). */
  stem: string;
  text: string;
  annotations: ImportedAnnotation[];
  skipped: { where: string; reason: string }[];
}

/** How a document was recognised as one of the comparison's sources. */
export type DocumentMatch = { sourceId: string; by: "text" | "file name" } | null;

/**
 * The source a document belongs to: the one with the same text (line endings aside), else
 * the one whose title gives the file's name (as Parallax names them: `01-<title-slug>`),
 * if exactly one does. Null when neither: its annotations are then placed by their quotes.
 */
export function matchDocument(document: { stem: string; text: string }, sources: readonly CandidateSource[]): DocumentMatch {
  const unify = (text: string) => text.replace(/\r\n?/g, "\n");
  const byText = sources.filter((s) => unify(s.text) === unify(document.text));
  if (byText.length === 1) return { sourceId: byText[0]!.id, by: "text" };
  const name = slugify(document.stem.replace(/^\d+-/, ""));
  const byName = sources.filter((s) => slugify(s.title) === name);
  if (byName.length === 1) return { sourceId: byName[0]!.id, by: "file name" };
  return null;
}

/** Characters of context kept on each side of a quote, as the W3C export keeps them. */
const CONTEXT = 32;

/**
 * A target on a document's words, from UTF-16 offsets into its text: the quote with its
 * context, and the position in code points (what ImportedTarget counts in).
 */
export function documentTarget(where: string, text: string, index: CodePointIndex, start: number, end: number): ImportedTarget {
  return {
    where,
    sourceIri: null,
    title: null,
    outlet: null,
    via: null,
    quote: { exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    position: { start: index.toCodePoint(start), end: index.toCodePoint(end) },
  };
}

/** A span of a document as a format reader finds it, before spans on the same words are joined. */
export interface DocumentSpan {
  where: string;
  /** UTF-16 offsets into the document's text. */
  start: number;
  end: number;
  tag: { name: string; tagSet: string | null };
  author: string | null;
  comment: string | null;
  claim: ImportedAnnotation["claim"];
  /** A claim's evidence links. */
  links: string[];
  /** What the file calls the span (`doc.ann#T1`), unique within the import, for relations to name it. */
  ref?: string;
}

/** A relation of a document between two spans, named by their `ref`. */
export interface DocumentRelation {
  where: string;
  from: string;
  to: string;
  type: string;
  author: string | null;
}

/**
 * Spans on the same words with the same author, comment and claim are one annotation with
 * all their tags: both formats give each label its own span, where Parallax gives one
 * annotation several tags. The joined annotation is known by its first span's ref, and a
 * relation naming any of its spans links it (a linking annotation after the annotations,
 * as the W3C reader makes them).
 */
export function joinSpans(text: string, spans: readonly DocumentSpan[], relations: readonly DocumentRelation[] = []): ImportedAnnotation[] {
  const index = codePointIndex(text);
  const groups = new Map<string, DocumentSpan[]>();
  for (const span of spans) {
    const key = JSON.stringify([span.start, span.end, span.author, span.comment, span.claim, span.links]);
    groups.set(key, [...(groups.get(key) ?? []), span]);
  }
  const idOfRef = new Map<string, string>();
  const annotations: ImportedAnnotation[] = [...groups.values()].map((group) => {
    const first = group[0]!;
    for (const span of group) if (span.ref && first.ref) idOfRef.set(span.ref, first.ref);
    return {
      where: first.where,
      id: first.ref ?? null,
      created: null,
      modified: null,
      creator: first.author ? { id: null, name: first.author } : null,
      tags: group.map((span) => span.tag),
      comment: first.comment,
      claim: first.claim,
      links: first.links,
      targets: [documentTarget(first.where, text, index, first.start, first.end)],
    };
  });
  const linking = relations.map(
    (r): ImportedAnnotation => ({
      where: r.where,
      id: null,
      created: null,
      modified: null,
      creator: r.author ? { id: null, name: r.author } : null,
      tags: [],
      comment: null,
      claim: null,
      links: [],
      targets: [],
      relation: { from: idOfRef.get(r.from) ?? r.from, to: idOfRef.get(r.to) ?? r.to, type: r.type, key: null },
    }),
  );
  return [...annotations, ...linking];
}
