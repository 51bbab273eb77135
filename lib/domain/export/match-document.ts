import { normalizeText } from "../text";
import type { ImportedAnnotation } from "./read-web-annotations";
import type { ReadDocument } from "./labelled-documents";

/** A source of the comparison, as a corpus document is matched against it. */
export interface DocumentCandidate {
  id: string;
  title: string;
  /** The article id it was imported under (PTC), if any. */
  corpusId: string | null;
  /** Its current text. */
  text: string;
}

export type DocumentMatch = { sourceId: string; by: "text" | "corpus id" | "title" } | null;

const sameTitle = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The source a corpus document belongs to: the one whose text is the document's text (as
 * Parallax normalises it on import), else the one imported under the document's id, else
 * the only one with its title. The first is what a round trip meets; the others let a
 * corpus come back after a source was edited (its annotations then anchor by quote).
 */
export function matchDocument(doc: ReadDocument, sources: readonly DocumentCandidate[]): DocumentMatch {
  const text = normalizeText(doc.text);
  const byText = sources.find((s) => s.text === text);
  if (byText) return { sourceId: byText.id, by: "text" };
  const byId = doc.name === null ? undefined : sources.find((s) => s.corpusId === doc.name);
  if (byId) return { sourceId: byId.id, by: "corpus id" };
  const byTitle = doc.title === null ? [] : sources.filter((s) => sameTitle(s.title, doc.title!));
  if (byTitle.length === 1) return { sourceId: byTitle[0]!.id, by: "title" };
  return null;
}

/** Characters of context on each side of a quote, as the exports write them. */
const CONTEXT = 32;

/**
 * A document's spans as annotations for the import, each targeting the source the
 * document matched: the words it covers (with context) and its offsets, so it anchors
 * exactly on the same text and by its words on a text that was normalised or edited.
 * `tagSet` turns a format's group name (Label Studio's `from_name`) into a tag set's name.
 */
export function spansAsAnnotations(doc: ReadDocument, sourceId: string, tagSet: (group: string | null) => string | null): ImportedAnnotation[] {
  return doc.spans.map((span) => ({
    where: span.where,
    id: null,
    created: span.created,
    modified: span.modified,
    creator: span.author ? { id: null, name: span.author.name, email: span.author.email } : null,
    tags: span.tags.map((t) => ({ name: t.name, tagSet: tagSet(t.group) })),
    comment: span.comment,
    claim: null,
    links: [],
    targets: [
      {
        where: span.where,
        sourceIri: null,
        title: null,
        outlet: null,
        via: null,
        sourceId,
        quote: {
          exact: doc.text.slice(span.start, span.end),
          prefix: doc.text.slice(Math.max(0, span.start - CONTEXT), span.start),
          suffix: doc.text.slice(span.end, span.end + CONTEXT),
        },
        position: { start: span.start, end: span.end },
      },
    ],
  }));
}
