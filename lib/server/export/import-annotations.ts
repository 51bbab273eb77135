import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { matchDocument, type ReadDocument } from "@/lib/domain/export/documents";
import { matchTarget, type CandidateSource } from "@/lib/domain/export/match-target";
import { AnnotationFileError, readWebAnnotationsAt, type ImportedAnnotation, type ImportedRelation } from "@/lib/domain/export/read-web-annotations";
import type { AnnotationFilePart } from "@/lib/domain/export/split-annotation-file";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZClaim, ZComment } from "@/lib/schemas/annotation";
import { tagNameKey, ZTagName } from "@/lib/schemas/taxonomy";
import type { AnchorStatus, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db, type DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canAnnotate, canEditComparisons, hasMember } from "@/lib/server/permissions";
import { claimColumns } from "@/lib/server/services/annotations/annotation-fields";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { DEFAULT_RELATION_TYPES } from "@/lib/domain/relations/default-relation-types";
import { ensureRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { selectorColumns } from "@/lib/server/services/sources/span-target";

/** Where tags of no known tag set go: a set of this name, created when first needed. */
export const IMPORTED_TAG_SET = "Imported tags";
/** A neutral highlight for new tags (black text on it passes the contrast check); editors recolour. */
const IMPORTED_TAG_COLOR = "#d9d6d0";
/** Parallax allows this many tags on one annotation (lib/schemas/annotation.ts). */
const MAX_TAGS = 20;
/**
 * Annotations written per round of inserts. Few enough round trips that a 100,000-annotation
 * file spends its time parsing and anchoring, not waiting; and small batches, because
 * Prisma's debug module keeps the arguments of the last 100 queries (for error reports)
 * whether debugging is on or not, so memory holds about 100 batches' text whatever the size
 * of the file.
 */
const BATCH_SIZE = 500;

export interface ImportReport {
  exact: number;
  fuzzy: number;
  orphaned: number;
  skipped: { where: string; reason: string }[];
  newTags: { name: string; tagSet: string }[];
  /** Annotations whose creator is not a member who may annotate: they are the importing user's now. */
  reassigned: { where: string; creator: string }[];
  /** Relations saved: linking annotations between two annotations of the file or of the comparison. */
  relations: number;
  /** Document formats (brat, WebAnno): which source each file was recognised as, and how (null: by each quote). */
  documents: { stem: string; source: string | null; by: string | null }[];
}

/** An input problem at a place in the file: nothing is saved. */
export function invalidAt(where: string, problem: string): AppError {
  return new AppError("INVALID_INPUT", `${where}: ${problem}`, { [where]: problem });
}

/**
 * Where the file holds a NUL character, which no text column can store: every string of it
 * is checked, so the refusal names the place even for fields the import reads loosely.
 */
function findNul(value: unknown, where: string): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? where : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${where}[${i}]`);
      if (found) return found;
    }
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findNul(key, where) ?? findNul(item, `${where}.${key}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The annotations of one part of the file; a NUL anywhere in it, or a malformed annotation, refuses the whole file. */
function readPart({ value, where }: AnnotationFilePart): ImportedAnnotation[] {
  const nul = findNul(value, where);
  if (nul) throw invalidAt(nul, "contains a NUL character (U+0000), an invisible character that cannot be saved: remove it and try again.");
  try {
    return readWebAnnotationsAt(value, where);
  } catch (error) {
    if (error instanceof AnnotationFileError) throw invalidAt(error.where, error.message.slice(error.where.length + 2));
    throw error;
  }
}

async function loadComparison(client: DbTx, actor: Actor, comparisonId: string) {
  const found = await client.comparison.findFirst({
    where: { id: comparisonId, workspace: hasMember(actor) },
    select: {
      id: true,
      workspaceId: true,
      sources: {
        orderBy: { position: "asc" },
        select: { id: true, title: true, url: true, outlet: { select: { name: true } }, currentRevision: { select: { id: true, text: true } } },
      },
      tagSets: {
        orderBy: { position: "asc" },
        select: { id: true, key: true, name: true, position: true, tags: { orderBy: { position: "asc" }, select: { id: true, name: true, retiredAt: true, mergedIntoId: true, position: true } } },
      },
      workspace: { select: { memberships: { select: { userId: true, role: true, user: { select: { name: true, email: true } } } } } },
      annotations: {
        where: { deletedAt: null },
        select: { id: true, sourceId: true, start: true, end: true, authorId: true, comment: true, tags: { select: { tagId: true } } },
      },
      relationTypes: { select: { id: true, key: true, name: true } },
      relations: { where: { deletedAt: null }, select: { fromId: true, toId: true, typeId: true } },
    },
  });
  if (!found) throw notFound("That comparison");
  return found;
}

type Loaded = Awaited<ReturnType<typeof loadComparison>>;

/** A tag that exists, or one the import will create (its id is filled in inside the transaction). */
interface TagRef {
  id: string | null;
  name: string;
  tagSet: string;
}

/**
 * Finds each tag name in the comparison's taxonomy, ignoring case and spacing: in the
 * named tag set when the file names one, else the first set (in taxonomy order) that has
 * it, an active tag before a retired one. A merged tag stands for the tag it was merged
 * into. Names found nowhere become new tags: in the named set (created if the comparison
 * has no set of that name) or in "Imported tags".
 */
function tagResolver(loaded: Loaded) {
  const tagsById = new Map(loaded.tagSets.flatMap((set) => set.tags.map((tag) => [tag.id, { ...tag, tagSet: set.name }] as const)));
  const follow = (id: string) => {
    let tag = tagsById.get(id)!;
    for (let hops = 0; tag.mergedIntoId && tagsById.has(tag.mergedIntoId) && hops < tagsById.size; hops++) tag = tagsById.get(tag.mergedIntoId)!;
    return tag;
  };
  const planned = new Map<string, TagRef>();
  return (name: string, tagSet: string | null): TagRef => {
    const set = tagSet ? loaded.tagSets.find((s) => tagNameKey(s.name) === tagNameKey(tagSet)) : undefined;
    const candidates = (set ? [set] : tagSet ? [] : loaded.tagSets).flatMap((s) => s.tags.filter((t) => tagNameKey(t.name) === tagNameKey(name)));
    const found = candidates.find((t) => !t.retiredAt) ?? candidates[0];
    if (found) {
      const tag = follow(found.id);
      return { id: tag.id, name: tag.name, tagSet: tag.tagSet };
    }
    const home = set?.name ?? tagSet ?? IMPORTED_TAG_SET;
    const key = `${tagNameKey(home)}\n${tagNameKey(name)}`;
    if (!planned.has(key)) planned.set(key, { id: null, name, tagSet: home });
    return planned.get(key)!;
  };
}

/** The importing user unless the creator is a member who may annotate: by Parallax member address or email, else by a unique name. */
function authorResolver(loaded: Loaded, actor: Actor) {
  const members = loaded.workspace.memberships.filter((m) => canAnnotate(m.role));
  return (creator: ImportedAnnotation["creator"]): { id: string; reassigned: string | null } => {
    if (!creator) return { id: actor.id, reassigned: null };
    const userId = creator.id ? /\/members#user-([^/?#]+)$/.exec(creator.id)?.[1] : undefined;
    const byId = userId ? members.find((m) => m.userId === decodeURIComponent(userId)) : undefined;
    if (byId) return { id: byId.userId, reassigned: null };
    const byEmail = creator.email ? members.find((m) => m.user.email.toLowerCase() === creator.email!.toLowerCase()) : undefined;
    if (byEmail) return { id: byEmail.userId, reassigned: null };
    const byName = creator.name ? members.filter((m) => tagNameKey(m.user.name) === tagNameKey(creator.name!)) : [];
    if (byName.length === 1) return { id: byName[0]!.userId, reassigned: null };
    return { id: actor.id, reassigned: creator.name ?? creator.email ?? creator.id ?? "an unnamed creator" };
  };
}

/**
 * Two annotations are the same when they mark the same words of a source with the same
 * author, comment and tags. The key is a digest: an import remembers one per annotation,
 * and 27 characters each keep that small whatever the comments' length.
 */
const sameAnnotationKey = (a: { sourceId: string; start: number; end: number; authorId: string; comment: string | null; tagIds: string[] }) =>
  createHash("sha256").update(JSON.stringify([a.sourceId, a.start, a.end, a.authorId, a.comment ?? "", [...a.tagIds].sort()])).digest("base64").slice(0, 27);

interface PlannedAnnotation {
  id: string;
  sourceId: string;
  revisionId: string;
  authorId: string;
  columns: { exact: string; prefix: string; suffix: string; start: number; end: number };
  anchorStatus: AnchorStatus;
  anchorScore: number;
  comment: string | null;
  claim: ReturnType<typeof ZClaim.parse> | null;
  tags: TagRef[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Turns one annotation of the file into the annotations to save (one per target it places),
 * reporting what it skips, and keeps its relations (linking annotations) for after the
 * annotations, with the file's annotation IRIs as the annotations they became. Throws
 * INVALID_INPUT for an annotation Parallax cannot hold.
 */
function planner(loaded: Loaded, actor: Actor, report: ImportReport) {
  const sources: (CandidateSource & { revisionId: string })[] = loaded.sources
    .filter((s) => s.currentRevision)
    .map((s) => ({ id: s.id, title: s.title, outlet: s.outlet?.name ?? null, url: s.url, text: s.currentRevision!.text, revisionId: s.currentRevision!.id }));
  const sourcesById = new Map(sources.map((s) => [s.id, s]));
  const resolveTag = tagResolver(loaded);
  const resolveAuthor = authorResolver(loaded, actor);
  /** Each annotation already there or planned, by what makes two the same: a file's duplicate links to the one kept. */
  const seen = new Map(loaded.annotations.map((a) => [sameAnnotationKey({ ...a, tagIds: a.tags.map((t) => t.tagId) }), a.id]));
  /** The file's annotation IRIs, as the annotations they became (or already were). */
  const idOfIri = new Map<string, string>();
  const linking: PlannedLink[] = [];

  const plan = (annotation: ImportedAnnotation): PlannedAnnotation[] => {
    const { where } = annotation;
    if (annotation.relation) {
      linking.push({ ...annotation.relation, where, authorId: resolveAuthor(annotation.creator).id });
      return [];
    }
    if (annotation.tags.length === 0) {
      report.skipped.push({ where, reason: "it has no tags (a body with purpose “tagging”), and every Parallax annotation needs one" });
      return [];
    }
    const names = [...new Map(annotation.tags.map((t) => [`${tagNameKey(t.tagSet ?? "")}\n${tagNameKey(t.name)}`, t])).values()];
    if (names.length > MAX_TAGS) throw invalidAt(where, `it has ${names.length} tags; an annotation may have at most ${MAX_TAGS}.`);
    const tags = [...new Set(names.map((t) => {
      const parsedName = ZTagName.safeParse(t.name);
      if (!parsedName.success) throw invalidAt(where, `the tag “${t.name.slice(0, 100)}”: ${parsedName.error.issues[0]!.message}`);
      return resolveTag(parsedName.data, t.tagSet);
    }))];
    const links = annotation.claim ? [] : annotation.links;
    const commentText = [annotation.comment, ...links.map((link) => `Link: ${link}`)].filter(Boolean).join("\n\n") || null;
    const comment = ZComment.safeParse(commentText ?? "");
    if (!comment.success) throw invalidAt(where, comment.error.issues[0]!.message);
    let claim: PlannedAnnotation["claim"] = null;
    if (annotation.claim) {
      const parsedClaim = ZClaim.safeParse({ ...annotation.claim, assertedBy: annotation.claim.assertedBy ?? undefined, evidence: annotation.links });
      if (!parsedClaim.success) throw invalidAt(where, `the claim: ${parsedClaim.error.issues[0]!.message}`);
      claim = parsedClaim.data;
    }
    const author = resolveAuthor(annotation.creator);
    const createdAt = annotation.created ?? new Date();

    const planned: PlannedAnnotation[] = [];
    for (const target of annotation.targets) {
      const match = matchTarget(target, sources);
      if (match.kind === "unplaced") {
        report.skipped.push({ where: target.where, reason: `it could not be placed: ${match.reason}` });
        continue;
      }
      if (match.kind === "orphaned" && !target.quote) {
        report.skipped.push({ where: target.where, reason: "its offsets do not fit the text of the source it names, and it has no quote to look for" });
        continue;
      }
      const source = sourcesById.get(match.sourceId)!;
      const columns =
        match.kind === "placed"
          ? selectorColumns(source.text, match.start, match.end)
          : {
              exact: target.quote!.exact,
              prefix: target.quote!.prefix ?? "",
              suffix: target.quote!.suffix ?? "",
              start: target.position?.start ?? 0,
              end: target.position?.end ?? target.quote!.exact.length,
            };
      const key = sameAnnotationKey({ sourceId: source.id, start: columns.start, end: columns.end, authorId: author.id, comment: comment.data || null, tagIds: tags.map((t) => t.id ?? `new:${t.tagSet}:${t.name}`) });
      if (seen.has(key)) {
        if (annotation.id && !idOfIri.has(annotation.id)) idOfIri.set(annotation.id, seen.get(key)!);
        report.skipped.push({ where: target.where, reason: "the same annotation (words, author, comment and tags) is already in the comparison" });
        continue;
      }
      const id = randomUUID();
      seen.set(key, id);
      if (annotation.id && !idOfIri.has(annotation.id)) idOfIri.set(annotation.id, id);
      const anchorStatus: AnchorStatus = match.kind === "orphaned" ? "ORPHANED" : match.exact ? "EXACT" : "FUZZY";
      report[anchorStatus === "EXACT" ? "exact" : anchorStatus === "FUZZY" ? "fuzzy" : "orphaned"]++;
      if (author.reassigned) report.reassigned.push({ where, creator: author.reassigned });
      planned.push({
        id,
        sourceId: source.id,
        revisionId: source.revisionId,
        authorId: author.id,
        columns,
        anchorStatus,
        anchorScore: match.kind === "placed" ? match.score : 0,
        comment: comment.data || null,
        claim,
        tags,
        createdAt,
        updatedAt: annotation.modified ?? createdAt,
      });
    }
    return planned;
  };
  return { plan, linking, idOfIri, sources };
}

type PlannedLink = ImportedRelation & { where: string; authorId: string };

/** A relation to save; `typeName` alone means a type the comparison does not have yet. */
interface PlannedRelation {
  fromId: string;
  toId: string;
  typeId: string | null;
  typeKey: string | null;
  typeName: string;
  authorId: string;
}

/** An annotation IRI of this comparison (as Parallax exports them) that is still there. */
function ownAnnotationId(loaded: Loaded, iri: string): string | undefined {
  const id = /\/api\/comparisons\/([^/?#]+)\/annotations\/([^/?#]+)$/.exec(iri);
  if (!id || decodeURIComponent(id[1]!) !== loaded.id) return undefined;
  return loaded.annotations.find((a) => a.id === decodeURIComponent(id[2]!))?.id;
}

/**
 * The file's relations whose two ends are annotations of the file that were imported (or
 * found already there), or annotations of this comparison named by their IRI. The type is
 * found by its Parallax key, then by name; a new name becomes a new type if an editor imports.
 */
function planRelations(loaded: Loaded, links: PlannedLink[], idOfIri: Map<string, string>, mayAddTypes: boolean, report: ImportReport): PlannedRelation[] {
  const planned: PlannedRelation[] = [];
  const key = (r: { fromId: string; toId: string; typeId: string | null; typeName: string }) => JSON.stringify([r.fromId, r.toId, r.typeId ?? `new:${r.typeName.toLowerCase()}`]);
  const existing = new Set(loaded.relations.map((r) => key({ ...r, typeName: "" })));
  for (const link of links) {
    const fromId = idOfIri.get(link.from) ?? ownAnnotationId(loaded, link.from);
    const toId = idOfIri.get(link.to) ?? ownAnnotationId(loaded, link.to);
    if (!fromId || !toId || fromId === toId) {
      report.skipped.push({ where: link.where, reason: fromId && fromId === toId ? "it links an annotation to itself" : "it links annotations that are neither in the file nor in this comparison" });
      continue;
    }
    const type = (link.key ? loaded.relationTypes.find((t) => t.key === link.key) : undefined) ?? loaded.relationTypes.find((t) => t.name.toLowerCase() === link.type?.toLowerCase());
    const typeName = type?.name ?? link.type ?? "";
    // A comparison gets its default types on first use (saveRelations), so they are there to link with before anyone listed them.
    const byDefault = loaded.relationTypes.length === 0 ? DEFAULT_RELATION_TYPES.find((t) => t.key === link.key || t.name.toLowerCase() === typeName.toLowerCase()) : undefined;
    if (!type && !byDefault && (!typeName || !mayAddTypes)) {
      report.skipped.push({ where: link.where, reason: typeName ? `its relation type “${typeName}” is not one of this comparison's; an owner or editor can add it` : "it names no relation type" });
      continue;
    }
    const relation = { fromId, toId, typeId: type?.id ?? null, typeKey: type ? null : (byDefault?.key ?? link.key), typeName, authorId: link.authorId };
    if (existing.has(key(relation))) {
      report.skipped.push({ where: link.where, reason: "the same relation is already in the comparison" });
      continue;
    }
    existing.add(key(relation));
    planned.push(relation);
  }
  return planned;
}

/** The relations, after any relation types they need (the comparison's defaults first, so keys resolve). */
async function saveRelations(tx: DbTx, loaded: Loaded, relations: PlannedRelation[]) {
  if (relations.length === 0) return;
  await ensureRelationTypes(tx, loaded.id);
  const types = await tx.relationType.findMany({ where: { comparisonId: loaded.id }, select: { id: true, key: true, name: true, position: true } });
  let position = Math.max(-1, ...types.map((t) => t.position));
  const typeIdOf = async (r: PlannedRelation) => {
    if (r.typeId) return r.typeId;
    const found = (r.typeKey ? types.find((t) => t.key === r.typeKey) : undefined) ?? types.find((t) => t.name.toLowerCase() === r.typeName.toLowerCase());
    if (found) return found.id;
    const created = await tx.relationType.create({ data: { comparisonId: loaded.id, name: r.typeName, position: ++position }, select: { id: true, key: true, name: true, position: true } });
    types.push(created);
    return created.id;
  };
  const data = [];
  for (const r of relations) data.push({ comparisonId: loaded.id, fromId: r.fromId, toId: r.toId, typeId: await typeIdOf(r), authorId: r.authorId });
  await tx.relation.createMany({ data });
}

/*
 * A batch goes in as one INSERT … SELECT FROM json_to_recordset(<the rows as one JSON text>):
 * two parameters whatever the batch size, and one string to build per batch. Prisma's
 * createMany sent tens of thousands of parameters per batch, and building them cost more CPU
 * than parsing, anchoring and the database together; column arrays as parameters were
 * faster but left their many small strings in memory until the transaction ended. Postgres
 * reads each field with its column type's input (enums, timestamps: UTC without a zone, as
 * Prisma writes them).
 */
const ANNOTATION_COLUMNS = [
  ["id", "text"], ["sourceId", "text"], ["revisionId", "text"], ["authorId", "text"], ["exact", "text"], ["prefix", "text"],
  ["suffix", "text"], ["start", "int"], ["end", "int"], ["anchorStatus", '"AnchorStatus"'], ["anchorScore", "float8"],
  ["comment", "text"], ["isClaim", "boolean"], ["claimAsserter", '"ClaimAsserter"'], ["claimAssertedBy", "text"],
  ["claimStatus", '"ClaimStatus"'], ["createdAt", "timestamp(3)"], ["updatedAt", "timestamp(3)"],
] as const;
const INSERT_ANNOTATIONS = `
  INSERT INTO "Annotation" ("comparisonId", ${ANNOTATION_COLUMNS.map(([name]) => `"${name}"`).join(", ")})
  SELECT $1, ${ANNOTATION_COLUMNS.map(([name]) => `r."${name}"`).join(", ")}
  FROM json_to_recordset($2::json) AS r(${ANNOTATION_COLUMNS.map(([name, type]) => `"${name}" ${type}`).join(", ")})`;

const INSERT_ANNOTATION_TAGS = `
  INSERT INTO "AnnotationTag" ("annotationId", "tagId")
  SELECT r."annotationId", r."tagId" FROM json_to_recordset($1::json) AS r("annotationId" text, "tagId" text)`;

/**
 * Writes planned annotations in batches inside the import's transaction, creating each new
 * tag (and its tag set) just before the first annotation that carries it.
 */
function batchWriter(tx: DbTx, loaded: Loaded, newTags: TagRef[]) {
  const setIds = new Map(loaded.tagSets.map((s) => [s.name, s.id]));
  const takenKeys = new Set(loaded.tagSets.map((s) => s.key));
  let setPosition = Math.max(-1, ...loaded.tagSets.map((s) => s.position));
  const tagPositions = new Map(loaded.tagSets.map((s) => [s.id, Math.max(-1, ...s.tags.map((t) => t.position))]));
  let batch: PlannedAnnotation[] = [];
  let written = 0;

  async function createTag(tag: TagRef) {
    let tagSetId = setIds.get(tag.tagSet);
    if (!tagSetId) {
      const key = uniqueSlug(slugify(tag.tagSet), takenKeys);
      takenKeys.add(key);
      tagSetId = (await tx.tagSet.create({ data: { comparisonId: loaded.id, key, name: tag.tagSet, position: ++setPosition }, select: { id: true } })).id;
      setIds.set(tag.tagSet, tagSetId);
    }
    const position = (tagPositions.get(tagSetId) ?? -1) + 1;
    tagPositions.set(tagSetId, position);
    tag.id = (await tx.tag.create({ data: { tagSetId, name: tag.name, color: IMPORTED_TAG_COLOR, position }, select: { id: true } })).id;
    newTags.push(tag);
  }

  async function flush() {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const annotations = rows.map((r) => ({
      id: r.id,
      sourceId: r.sourceId,
      revisionId: r.revisionId,
      authorId: r.authorId,
      ...r.columns,
      anchorStatus: r.anchorStatus,
      anchorScore: r.anchorScore,
      comment: r.comment,
      ...claimColumns(r.claim),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
    await tx.$executeRawUnsafe(INSERT_ANNOTATIONS, loaded.id, JSON.stringify(annotations));
    const tagged = rows.flatMap((r) => r.tags.map((t) => ({ annotationId: r.id, tagId: t.id! })));
    await tx.$executeRawUnsafe(INSERT_ANNOTATION_TAGS, JSON.stringify(tagged));
    const evidence = rows.flatMap((r) => (r.claim?.evidence ?? []).map((url, i) => ({ annotationId: r.id, url, createdAt: new Date(r.createdAt.getTime() + i) })));
    if (evidence.length > 0) await tx.claimEvidence.createMany({ data: evidence });
    written += rows.length;
  }

  return {
    async add(planned: PlannedAnnotation) {
      for (const tag of planned.tags) if (tag.id === null) await createTag(tag);
      batch.push(planned);
      if (batch.length >= BATCH_SIZE) await flush();
    },
    /** Writes what is left; returns how many annotations were written in all. */
    async finish() {
      await flush();
      return written;
    },
  };
}

/**
 * Imports a file of W3C Web Annotations into a comparison (docs/export.md, "Import"): each
 * target is matched to one of the comparison's sources and anchored on its current text;
 * tags are found by name or created; authors are kept when they are members. The file comes
 * in parts (see split-annotation-file.ts, or the whole parsed file as one part), read one at
 * a time and written in batches, all in one transaction: a malformed annotation anywhere
 * saves nothing and says where it is and what is wrong. Annotations that cannot be placed,
 * have no tags, or are already there are skipped and reported. Reviewers may import into an
 * existing taxonomy; new tags need an editor. `onRead` is told how many annotations of the
 * file were read so far.
 */
export function importAnnotationParts(
  actor: Actor,
  comparisonId: string,
  parts: AsyncIterable<AnnotationFilePart> | Iterable<AnnotationFilePart>,
  options: { onRead?: (annotations: number) => void } = {},
): Promise<ImportReport> {
  async function* annotationsOf() {
    for await (const part of parts) yield* readPart(part);
  }
  return importReadAnnotations(actor, comparisonId, annotationsOf(), options);
}

/** Imports a whole parsed file of W3C Web Annotations (see importAnnotationParts). */
export function importAnnotations(actor: Actor, comparisonId: string, json: unknown): Promise<ImportReport> {
  return importAnnotationParts(actor, comparisonId, [{ value: json, where: "$" }]);
}

/**
 * The import of annotations already read from a file (a W3C one, or a corpus format's spans):
 * anchors, finds tags and authors, and saves all or nothing, as importAnnotationParts says.
 */
export function importReadAnnotations(
  actor: Actor,
  comparisonId: string,
  annotations: AsyncIterable<ImportedAnnotation> | Iterable<ImportedAnnotation>,
  options: { onRead?: (annotations: number) => void } = {},
): Promise<ImportReport> {
  return importInto(actor, comparisonId, () => ({ annotations, skipped: [], documents: [] }), options);
}

/**
 * importReadAnnotations inside a transaction the caller holds (and commits or rolls back
 * with whatever else it writes), for an actor whose `role` in the comparison's workspace
 * the caller has checked.
 */
export function importReadAnnotationsWithin(
  tx: DbTx,
  actor: Actor,
  comparisonId: string,
  role: Role,
  annotations: Iterable<ImportedAnnotation>,
): Promise<ImportReport> {
  if (!canAnnotate(role)) throw new AppError("FORBIDDEN", "Viewers can read annotations but not add or change them.");
  return importWithin(tx, actor, comparisonId, role, () => ({ annotations, skipped: [], documents: [] }), {});
}

/**
 * Imports documents read from a document format (brat, WebAnno TSV) in the same way: each
 * document is recognised as one of the comparison's sources by its text or file name
 * (docs/export.md), its annotations anchored there; what the reader skipped is reported first.
 */
export function importDocuments(actor: Actor, comparisonId: string, read: () => ReadDocument[]): Promise<ImportReport> {
  return importInto(actor, comparisonId, (sources) => {
    const documents = read();
    const matches = documents.map((document) => ({ document, match: matchDocument(document, sources) }));
    return {
      annotations: matches.flatMap(({ document, match }) =>
        document.annotations.map((a) => ({ ...a, targets: a.targets.map((t) => (match ? { ...t, sourceId: match.sourceId } : t)) })),
      ),
      skipped: documents.flatMap((d) => d.skipped),
      documents: matches.map(({ document, match }) => ({
        stem: document.stem,
        source: match ? sources.find((s) => s.id === match.sourceId)!.title : null,
        by: match?.by ?? null,
      })),
    };
  });
}

/** What a reader made of a file, given the comparison's sources to recognise its documents by. */
type Reading = Pick<ImportReport, "skipped" | "documents"> & { annotations: AsyncIterable<ImportedAnnotation> | Iterable<ImportedAnnotation> };

/** A large file takes a while, so the default 5 s limit of a transaction would cut it short. */
export const IMPORT_TRANSACTION = { timeout: 60 * 60_000, maxWait: 30_000 };

async function importInto(
  actor: Actor,
  comparisonId: string,
  read: (sources: CandidateSource[]) => Reading,
  options: { onRead?: (annotations: number) => void } = {},
): Promise<ImportReport> {
  const { role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  return db().$transaction((tx) => importWithin(tx, actor, comparisonId, role, read, options), IMPORT_TRANSACTION);
}

async function importWithin(
  tx: DbTx,
  actor: Actor,
  comparisonId: string,
  role: Role,
  read: (sources: CandidateSource[]) => Reading,
  { onRead }: { onRead?: (annotations: number) => void },
): Promise<ImportReport> {
  const loaded = await loadComparison(tx, actor, comparisonId);
  const report: ImportReport = { exact: 0, fuzzy: 0, orphaned: 0, skipped: [], newTags: [], reassigned: [], relations: 0, documents: [] };
  const { plan, linking, idOfIri, sources } = planner(loaded, actor, report);
  const { annotations, skipped, documents } = read(sources);
  report.skipped.push(...skipped);
  report.documents = documents;
  const mayCreateTags = canEditComparisons(role);
  const refusedTags = new Set<TagRef>();
  const newTags: TagRef[] = [];
  let readCount = 0;
  const writer = batchWriter(tx, loaded, newTags);
  for await (const annotation of annotations) {
    for (const planned of plan(annotation)) {
      const missing = planned.tags.filter((t) => t.id === null);
      // Someone who may not create tags gets the whole list of those missing, after reading every annotation.
      if (!mayCreateTags && missing.length > 0) missing.forEach((t) => refusedTags.add(t));
      else if (refusedTags.size === 0) await writer.add(planned);
    }
    onRead?.(++readCount);
  }
  if (refusedTags.size > 0) {
    throw new AppError(
      "FORBIDDEN",
      `The file uses tags this comparison's taxonomy does not have (${[...refusedTags].map((t) => `“${t.name}”`).join(", ")}). Ask an owner or editor to add them, or to import the file.`,
    );
  }
  const count = await writer.finish();
  const relations = planRelations(loaded, linking, idOfIri, mayCreateTags, report);
  report.relations = relations.length;
  await saveRelations(tx, loaded, relations);
  if (count > 0 || relations.length > 0) {
    await tx.auditEvent.create({
      data: { workspaceId: loaded.workspaceId, actorId: actor.id, action: "annotations.imported", entityType: "Comparison", entityId: loaded.id, data: { count, relations: relations.length } },
    });
  }
  report.newTags = newTags.map((t) => ({ name: t.name, tagSet: t.tagSet }));
  return report;
}
