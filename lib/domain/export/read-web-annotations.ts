import type { ExportClaimAsserter, ExportClaimStatus } from "./types";

/**
 * Reads W3C Web Annotations (https://www.w3.org/TR/annotation-model/) as Parallax or any
 * conformant tool writes them, into plain data the import can anchor and save: a single
 * Annotation, an AnnotationPage, an AnnotationCollection with embedded pages (`first`, then
 * each page's `next`), or a JSON array of any of these. Bodies may be TextualBodies,
 * `bodyValue`, links, or Choices and Composites of them; a target's selectors may come
 * alone, in a list, or refined by one another (`refinedBy`).
 *
 * A file that is not made of annotations is refused as a whole, with the place of the
 * first problem (`$.first.items[3].target`); what is readable but cannot become a Parallax
 * annotation (no tags, no quote) is the import's to skip and report.
 */

export class AnnotationFileError extends Error {
  constructor(
    /** Where in the file: a JSONPath such as `$.first.items[3].target.selector[0]`. */
    readonly where: string,
    problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = "AnnotationFileError";
  }
}

export interface ImportedTarget {
  where: string;
  /** Set by the formats whose files are documents (brat, WebAnno, the corpus formats): the source their file was recognised as. */
  sourceId?: string;
  /** The annotated document's IRI, when the target names one. */
  sourceIri: string | null;
  /** What the target says about the document (Parallax writes these). */
  title: string | null;
  outlet: string | null;
  /** The address the document's text was retrieved from (the original article). */
  via: string | null;
  quote: { exact: string; prefix?: string; suffix?: string } | null;
  /** Offsets in Unicode code points, as the model counts them (not UTF-16 units). */
  position: { start: number; end: number } | null;
}

export interface ImportedClaim {
  asserter: ExportClaimAsserter;
  assertedBy: string | null;
  status: ExportClaimStatus;
}

export interface ImportedAnnotation {
  where: string;
  id: string | null;
  created: Date | null;
  modified: Date | null;
  creator: { id: string | null; name: string | null; email?: string | null } | null;
  tags: { name: string; tagSet: string | null }[];
  /** The commenting (and other describing) bodies, joined by blank lines. */
  comment: string | null;
  claim: ImportedClaim | null;
  /** Links among the bodies: a claim's evidence. */
  links: string[];
  targets: ImportedTarget[];
  /** Set for a relation: an annotation with motivation `linking` whose two targets are annotations' IRIs. */
  relation?: ImportedRelation;
}

export interface ImportedRelation {
  /** The annotations' IRIs, from `parallax:relationFrom`/`parallax:relationTo`, else in target order. */
  from: string;
  to: string;
  /** The relation type's name (the classifying or tagging body), and its Parallax key when given. */
  type: string | null;
  key: string | null;
}

type Node = { [key: string]: unknown };

const isObject = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]);
const typesOf = (node: Node): string[] => listOf(node.type ?? node["@type"]).filter((t): t is string => typeof t === "string");
/** Whether a node has the type, compact ("Annotation") or prefixed ("oa:Annotation"). */
const hasType = (node: Node, type: string) => typesOf(node).some((t) => t === type || t === `oa:${type}`);

function optionalString(node: Node, key: string, where: string): string | null {
  const value = node[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw new AnnotationFileError(`${where}.${key}`, `must be a string, not ${JSON.stringify(value)}.`);
  return value;
}

function optionalDate(node: Node, key: string, where: string): Date | null {
  const value = optionalString(node, key, where);
  if (value === null) return null;
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new AnnotationFileError(`${where}.${key}`, `must be a date and time such as 2025-01-31T12:00:00Z, not “${value}”.`);
  }
  return date;
}

/** The IRI of a resource given as a string or as an object with an id. */
function iriOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isObject(value) && typeof (value.id ?? value["@id"]) === "string") return (value.id ?? value["@id"]) as string;
  return null;
}

// ---------------------------------------------------------------------------
// Selectors and targets

/** Every selector of a list, with the selectors each one is refined by. */
function flattenSelectors(value: unknown, where: string): { node: Node; where: string }[] {
  return listOf(value).flatMap((selector, i) => {
    const at = Array.isArray(value) ? `${where}[${i}]` : where;
    if (!isObject(selector)) return [];
    return [{ node: selector, where: at }, ...flattenSelectors(selector.refinedBy, `${at}.refinedBy`)];
  });
}

function readQuote(node: Node, where: string): ImportedTarget["quote"] {
  if (typeof node.exact !== "string" || node.exact.length === 0) {
    throw new AnnotationFileError(`${where}.exact`, "a TextQuoteSelector needs the quoted words as a non-empty string.");
  }
  const prefix = optionalString(node, "prefix", where);
  const suffix = optionalString(node, "suffix", where);
  return { exact: node.exact, ...(prefix !== null ? { prefix } : {}), ...(suffix !== null ? { suffix } : {}) };
}

function readPosition(node: Node, where: string): ImportedTarget["position"] {
  const { start, end } = node;
  if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number)) {
    throw new AnnotationFileError(where, `a TextPositionSelector needs whole numbers 0 ≤ start < end, not start ${JSON.stringify(start)}, end ${JSON.stringify(end)}.`);
  }
  return { start: start as number, end: end as number };
}

function readTarget(value: unknown, where: string): ImportedTarget {
  const empty = { where, sourceIri: null, title: null, outlet: null, via: null, quote: null, position: null };
  if (typeof value === "string") return { ...empty, sourceIri: value };
  if (!isObject(value)) throw new AnnotationFileError(where, "a target must be an IRI or an object.");
  if (value.source === undefined) return { ...empty, sourceIri: iriOf(value) };
  const source = value.source;
  const described = isObject(source) ? source : {};
  const text = (key: string) => (typeof described[key] === "string" ? (described[key] as string) : null);
  let quote: ImportedTarget["quote"] = null;
  let position: ImportedTarget["position"] = null;
  for (const selector of flattenSelectors(value.selector, `${where}.selector`)) {
    if (!quote && hasType(selector.node, "TextQuoteSelector")) quote = readQuote(selector.node, selector.where);
    if (!position && hasType(selector.node, "TextPositionSelector")) position = readPosition(selector.node, selector.where);
  }
  return {
    where,
    sourceIri: iriOf(source),
    title: text("dcterms:title") ?? text("title") ?? text("name"),
    outlet: text("schema:publisher"),
    via: iriOf(described.via),
    quote,
    position,
  };
}

// ---------------------------------------------------------------------------
// Bodies

const CLAIM_STATUSES: Record<string, ExportClaimStatus> = { unverified: "UNVERIFIED", supported: "SUPPORTED", disputed: "DISPUTED", false: "FALSE" };
const CLAIM_ASSERTERS: Record<string, ExportClaimAsserter> = { outlet: "OUTLET", "quoted party": "QUOTED_PARTY" };

function readClaim(body: Node, where: string): ImportedClaim {
  const status = optionalString(body, "parallax:claimStatus", where) ?? "";
  const asserter = optionalString(body, "parallax:claimAsserter", where) ?? "outlet";
  const assertedBy = optionalString(body, "parallax:assertedBy", where);
  if (!CLAIM_STATUSES[status.toLowerCase()]) {
    throw new AnnotationFileError(`${where}["parallax:claimStatus"]`, `must be one of ${Object.keys(CLAIM_STATUSES).join(", ")}, not “${status}”.`);
  }
  if (!CLAIM_ASSERTERS[asserter.toLowerCase()]) {
    throw new AnnotationFileError(`${where}["parallax:claimAsserter"]`, `must be “outlet” or “quoted party”, not “${asserter}”.`);
  }
  return { status: CLAIM_STATUSES[status.toLowerCase()]!, asserter: CLAIM_ASSERTERS[asserter.toLowerCase()]!, assertedBy };
}

interface Bodies {
  tags: ImportedAnnotation["tags"];
  comments: string[];
  claim: ImportedClaim | null;
  links: string[];
}

function readBody(value: unknown, where: string, motivations: string[], into: Bodies): void {
  if (typeof value === "string") {
    into.links.push(value);
    return;
  }
  if (!isObject(value)) throw new AnnotationFileError(where, "a body must be an IRI or an object.");
  if (Array.isArray(value.items)) {
    // A Choice offers alternatives: the first is the preferred one. Other sets hold all of theirs.
    const items = hasType(value, "Choice") ? value.items.slice(0, 1) : value.items;
    items.forEach((item, i) => readBody(item, `${where}.items[${i}]`, motivations, into));
    return;
  }
  const purposes = listOf(value.purpose).filter((p): p is string => typeof p === "string");
  const purpose = (purposes.length ? purposes : motivations).map((p) => p.replace(/^oa:/, ""));
  if (typeof value.value === "string") {
    if (purpose.includes("tagging")) {
      const name = value.value.trim();
      if (!name) throw new AnnotationFileError(`${where}.value`, "a tag needs a name.");
      into.tags.push({ name, tagSet: optionalString(value, "parallax:tagSet", where) });
    } else if (value["parallax:claimStatus"] !== undefined) {
      into.claim = readClaim(value, where);
    } else if (value.value.trim()) {
      into.comments.push(value.value.trim());
    }
    return;
  }
  if (value.value !== undefined) throw new AnnotationFileError(`${where}.value`, "a TextualBody's value must be a string.");
  const link = iriOf(value.source) ?? iriOf(value);
  if (link) into.links.push(link);
}

// ---------------------------------------------------------------------------
// Annotations and their containers

function readCreator(value: unknown, where: string): ImportedAnnotation["creator"] {
  const first = listOf(value)[0];
  if (first === undefined) return null;
  if (typeof first === "string") return { id: first, name: null };
  if (!isObject(first)) throw new AnnotationFileError(where, "a creator must be an IRI or an object.");
  const name = typeof first.name === "string" ? first.name : typeof first.nickname === "string" ? first.nickname : null;
  return { id: iriOf(first), name: name?.trim() || null };
}

function readAnnotation(node: Node, where: string): ImportedAnnotation {
  if (node.target === undefined) throw new AnnotationFileError(where, "an annotation must have a target.");
  if (node.body !== undefined && node.bodyValue !== undefined) {
    throw new AnnotationFileError(where, "an annotation may have a body or a bodyValue, not both.");
  }
  const motivations = listOf(node.motivation).filter((m): m is string => typeof m === "string");
  const bodies: Bodies = { tags: [], comments: [], claim: null, links: [] };
  if (node.bodyValue !== undefined) {
    const text = optionalString(node, "bodyValue", where)!;
    if (text.trim()) bodies.comments.push(text.trim());
  }
  const bodyList = listOf(node.body);
  bodyList.forEach((body, i) => readBody(body, Array.isArray(node.body) ? `${where}.body[${i}]` : `${where}.body`, motivations, bodies));
  const targets = listOf(node.target).map((target, i) => readTarget(target, Array.isArray(node.target) ? `${where}.target[${i}]` : `${where}.target`));
  const relation = motivations.some((m) => m.replace(/^oa:/, "") === "linking") ? readRelation(node, targets, bodies, where) : null;
  return {
    ...(relation ? { relation } : {}),
    where,
    id: iriOf(node),
    created: optionalDate(node, "created", where),
    modified: optionalDate(node, "modified", where),
    creator: readCreator(node.creator, `${where}.creator`),
    tags: bodies.tags,
    comment: bodies.comments.length ? bodies.comments.join("\n\n") : null,
    claim: bodies.claim,
    links: bodies.links,
    targets,
  };
}

/**
 * A linking annotation between two annotations: two targets that are bare IRIs (no
 * selectors, so not spans of a document). Anything else with motivation `linking` is read
 * as an ordinary annotation.
 */
function readRelation(node: Node, targets: ImportedTarget[], bodies: Bodies, where: string): ImportedRelation | null {
  const bare = targets.filter((t) => t.sourceIri && !t.quote && !t.position && !t.title);
  if (targets.length !== 2 || bare.length !== 2) return null;
  const from = optionalString(node, "parallax:relationFrom", where) ?? bare[0]!.sourceIri!;
  const to = optionalString(node, "parallax:relationTo", where) ?? bare[1]!.sourceIri!;
  const body = listOf(node.body).find((b): b is Node => isObject(b) && typeof b.value === "string");
  const key = body ? optionalString(body, "parallax:relationType", where) : null;
  return { from, to, type: (body?.value as string | undefined)?.trim() || bodies.tags[0]?.name || null, key };
}

function collect(value: unknown, where: string, into: ImportedAnnotation[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, `${where}[${i}]`, into));
    return;
  }
  if (!isObject(value)) throw new AnnotationFileError(where, "expected an Annotation, an AnnotationPage or an AnnotationCollection.");
  if (hasType(value, "AnnotationCollection")) {
    if (typeof value.first === "string") {
      throw new AnnotationFileError(`${where}.first`, "the collection's pages are links, not part of the file: save the pages and import those.");
    }
    if (value.first !== undefined) collect(value.first, `${where}.first`, into);
    else if (value.items !== undefined) collect(value.items, `${where}.items`, into);
    return;
  }
  if (hasType(value, "AnnotationPage")) {
    if (!Array.isArray(value.items)) throw new AnnotationFileError(`${where}.items`, "a page must list its annotations in items.");
    collect(value.items, `${where}.items`, into);
    if (isObject(value.next)) collect(value.next, `${where}.next`, into);
    return;
  }
  if (hasType(value, "Annotation") || (typesOf(value).length === 0 && value.target !== undefined)) {
    into.push(readAnnotation(value, where));
    return;
  }
  throw new AnnotationFileError(where, `expected an Annotation, an AnnotationPage or an AnnotationCollection, not type ${JSON.stringify(value.type ?? null)}.`);
}

/** Every annotation of a parsed JSON file, in file order; throws AnnotationFileError. */
export function readWebAnnotations(json: unknown): ImportedAnnotation[] {
  return readWebAnnotationsAt(json, "$");
}

/** The annotations of one part of a file (see split-annotation-file.ts), named by its place in the file. */
export function readWebAnnotationsAt(value: unknown, where: string): ImportedAnnotation[] {
  const annotations: ImportedAnnotation[] = [];
  collect(value, where, annotations);
  return annotations;
}
