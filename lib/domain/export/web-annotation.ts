import type { ExportClaim, ExportedAnnotation } from "./types";

/**
 * Annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/) in JSON-LD,
 * and a whole comparison's annotations as one AnnotationCollection. docs/export.md shows
 * the shape with an example and explains each choice.
 */

export const ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

/**
 * Terms the W3C vocabulary has no word for (tag sets, claim fields, anchor status) live in
 * this namespace, written as "parallax:…". It names the terms; it is not a web page.
 */
export const PARALLAX_NAMESPACE = "https://parallax.example/ns#";

export const EXPORT_CONTEXT = [ANNO_CONTEXT, { parallax: PARALLAX_NAMESPACE }] as const;

/** Where things live in the exporting app; every id in the export is one of these. */
export interface WebAnnotationUrls {
  annotation(annotationId: string): string;
  /** The source's text at one revision: what the selectors count in. */
  source(sourceId: string, revision: number): string;
  creator(userId: string): string;
}

export type JsonObject = { [key: string]: unknown };

/**
 * A URL as a URI: the WHATWG serialisation percent-encodes non-ASCII paths and punycodes
 * hosts, so a link such as https://example.org/café passes the model's "format: uri".
 */
export function asUri(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

const lower = (value: string) => value.toLowerCase().replaceAll("_", " ");

function claimSentence(claim: ExportClaim): string {
  const who = claim.asserter === "OUTLET" ? "the outlet" : `${claim.assertedBy ?? "a quoted party"} (quoted)`;
  return `Claim asserted by ${who}; status: ${lower(claim.status)}.`;
}

function bodies(a: ExportedAnnotation): JsonObject[] {
  const result: JsonObject[] = a.tags.map((tag) => ({ type: "TextualBody", purpose: "tagging", value: tag.name, "parallax:tagSet": tag.tagSet }));
  if (a.comment) result.push({ type: "TextualBody", purpose: "commenting", format: "text/plain", value: a.comment });
  if (a.claim) {
    result.push({
      type: "TextualBody",
      purpose: "assessing",
      format: "text/plain",
      value: claimSentence(a.claim),
      "parallax:claimAsserter": lower(a.claim.asserter),
      ...(a.claim.assertedBy ? { "parallax:assertedBy": a.claim.assertedBy } : {}),
      "parallax:claimStatus": lower(a.claim.status),
    });
    for (const url of a.claim.evidence) result.push({ type: "SpecificResource", purpose: "linking", source: asUri(url) });
  }
  return result;
}

function motivation(a: ExportedAnnotation): string | string[] {
  const all = ["tagging", ...(a.comment ? ["commenting"] : []), ...(a.claim ? ["assessing"] : [])];
  return all.length === 1 ? all[0]! : all;
}

/** One annotation, complete with its own @context so it also stands alone. */
export function toWebAnnotation(a: ExportedAnnotation, urls: WebAnnotationUrls): JsonObject {
  return {
    "@context": EXPORT_CONTEXT,
    id: urls.annotation(a.id),
    type: "Annotation",
    motivation: motivation(a),
    created: a.created.toISOString(),
    modified: a.modified.toISOString(),
    creator: { id: urls.creator(a.author.id), type: "Person", name: a.author.name },
    body: bodies(a),
    target: {
      type: "SpecificResource",
      source: {
        id: urls.source(a.source.id, a.revision),
        type: "Text",
        format: "text/plain",
        "dcterms:title": a.source.title,
        ...(a.source.outlet ? { "schema:publisher": a.source.outlet } : {}),
        ...(a.source.url ? { via: asUri(a.source.url) } : {}),
      },
      selector: [
        { type: "TextQuoteSelector", exact: a.exact, prefix: a.prefix, suffix: a.suffix },
        // The model counts positions in code points (its MUST), not in JavaScript's UTF-16 units.
        { type: "TextPositionSelector", start: a.codePoints.start, end: a.codePoints.end },
      ],
    },
    "parallax:anchorStatus": lower(a.anchor.status),
    ...(a.curated ? { "parallax:curated": a.curated } : {}),
  };
}

export interface CollectionInfo {
  /** Where the collection can be fetched again (the export's own address). */
  id: string;
  label: string;
  generated: Date;
}

/**
 * The AnnotationCollection as JSON text chunks, one per batch of annotations, so a caller
 * streaming batches from the database holds one batch at a time. The file is one
 * collection with one embedded page holding every annotation: a file has no use for the
 * paging that lets a server answer in parts. `total` comes last, counted while writing;
 * an empty collection has no page.
 */
export async function* annotationCollectionChunks(
  info: CollectionInfo,
  batches: AsyncIterable<readonly ExportedAnnotation[]>,
  urls: WebAnnotationUrls,
  /** Further items written after the annotations (the linking annotations of relations), read once the annotations are written. */
  trailing: () => readonly JsonObject[] = () => [],
): AsyncGenerator<string> {
  const head = {
    "@context": EXPORT_CONTEXT,
    id: info.id,
    type: "AnnotationCollection",
    label: info.label,
    generated: info.generated.toISOString(),
    generator: { type: "Software", name: "Parallax" },
  };
  const open = JSON.stringify(head).slice(0, -1);
  const page = { id: `${info.id}#page-1`, type: "AnnotationPage", partOf: info.id, startIndex: 0 };
  let total = 0;
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    const items = batch.map((a) => JSON.stringify(toWebAnnotation(a, urls))).join(",\n");
    yield total === 0 ? `${open},"first":${JSON.stringify(page).slice(0, -1)},"items":[\n${items}` : `,\n${items}`;
    total += batch.length;
  }
  const more = trailing();
  if (more.length > 0) {
    const items = more.map((item) => JSON.stringify(item)).join(",\n");
    yield total === 0 ? `${open},"first":${JSON.stringify(page).slice(0, -1)},"items":[\n${items}` : `,\n${items}`;
    total += more.length;
  }
  yield total === 0 ? `${open},"total":0}\n` : `\n]},"total":${total}}\n`;
}
