import "server-only";
import { randomUUID } from "node:crypto";
import { matchDocument, type ReadDocument } from "@/lib/domain/export/documents";
import { matchTarget, type CandidateSource } from "@/lib/domain/export/match-target";
import { AnnotationFileError, readWebAnnotations, type ImportedAnnotation } from "@/lib/domain/export/read-web-annotations";
import { slugify, uniqueSlug } from "@/lib/domain/slug";
import { ZClaim, ZComment } from "@/lib/schemas/annotation";
import { tagNameKey, ZTagName } from "@/lib/schemas/taxonomy";
import type { AnchorStatus, Role } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { canAnnotate, canEditComparisons, hasMember } from "@/lib/server/permissions";
import { claimColumns } from "@/lib/server/services/annotations/annotation-fields";
import { requireAnnotationAccess } from "@/lib/server/services/annotations/require-annotation-access";
import { selectorColumns } from "@/lib/server/services/sources/span-target";

/** Where tags of no known tag set go: a set of this name, created when first needed. */
export const IMPORTED_TAG_SET = "Imported tags";
/** A neutral highlight for new tags (black text on it passes the contrast check); editors recolour. */
const IMPORTED_TAG_COLOR = "#d9d6d0";
/** Parallax allows this many tags on one annotation (lib/schemas/annotation.ts). */
const MAX_TAGS = 20;

export interface ImportReport {
  exact: number;
  fuzzy: number;
  orphaned: number;
  skipped: { where: string; reason: string }[];
  newTags: { name: string; tagSet: string }[];
  /** Annotations whose creator is not a member who may annotate: they are the importing user's now. */
  reassigned: { where: string; creator: string }[];
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

function readFile(json: unknown): ImportedAnnotation[] {
  const nul = findNul(json, "$");
  if (nul) throw invalidAt(nul, "contains a NUL character (U+0000), an invisible character that cannot be saved: remove it and try again.");
  try {
    return readWebAnnotations(json);
  } catch (error) {
    if (error instanceof AnnotationFileError) throw invalidAt(error.where, error.message.slice(error.where.length + 2));
    throw error;
  }
}

async function loadComparison(actor: Actor, comparisonId: string) {
  const found = await db().comparison.findFirst({
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
      workspace: { select: { memberships: { select: { userId: true, role: true, user: { select: { name: true } } } } } },
      annotations: {
        where: { deletedAt: null },
        select: { sourceId: true, start: true, end: true, authorId: true, comment: true, tags: { select: { tagId: true } } },
      },
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

/** The importing user unless the creator is a member who may annotate: by Parallax member address, else by a unique name. */
function authorResolver(loaded: Loaded, actor: Actor) {
  const members = loaded.workspace.memberships.filter((m) => canAnnotate(m.role));
  return (creator: ImportedAnnotation["creator"]): { id: string; reassigned: string | null } => {
    if (!creator) return { id: actor.id, reassigned: null };
    const userId = creator.id ? /\/members#user-([^/?#]+)$/.exec(creator.id)?.[1] : undefined;
    const byId = userId ? members.find((m) => m.userId === decodeURIComponent(userId)) : undefined;
    if (byId) return { id: byId.userId, reassigned: null };
    const byName = creator.name ? members.filter((m) => tagNameKey(m.user.name) === tagNameKey(creator.name!)) : [];
    if (byName.length === 1) return { id: byName[0]!.userId, reassigned: null };
    return { id: actor.id, reassigned: creator.name ?? creator.id ?? "an unnamed creator" };
  };
}

/** Two annotations are the same when they mark the same words of a source with the same author, comment and tags. */
const sameAnnotationKey = (a: { sourceId: string; start: number; end: number; authorId: string; comment: string | null; tagIds: string[] }) =>
  JSON.stringify([a.sourceId, a.start, a.end, a.authorId, a.comment ?? "", [...a.tagIds].sort()]);

interface PlannedAnnotation {
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
 * Imports a file of W3C Web Annotations into a comparison (docs/export.md, "Import"): each
 * target is matched to one of the comparison's sources and anchored on its current text;
 * tags are found by name or created; authors are kept when they are members. Everything is
 * saved in one transaction: a malformed file saves nothing and says where it is wrong.
 * Annotations that cannot be placed, have no tags, or are already there are skipped and
 * reported. Reviewers may import into an existing taxonomy; new tags need an editor.
 */
export async function importAnnotations(actor: Actor, comparisonId: string, json: unknown): Promise<ImportReport> {
  const { role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const parsed = readFile(json);
  return importInto(actor, role, comparisonId, () => ({ annotations: parsed, skipped: [], documents: [] }));
}

/**
 * Imports documents read from a document format (brat, WebAnno TSV) in the same way: each
 * document is recognised as one of the comparison's sources by its text or file name
 * (docs/export.md), its annotations anchored there; what the reader skipped is reported first.
 */
export async function importDocuments(actor: Actor, comparisonId: string, read: () => ReadDocument[]): Promise<ImportReport> {
  const { role } = await requireAnnotationAccess(actor, comparisonId, "annotate");
  const documents = read();
  return importInto(actor, role, comparisonId, (sources) => {
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

type Read = Pick<ImportReport, "skipped" | "documents"> & { annotations: ImportedAnnotation[] };

async function importInto(actor: Actor, role: Role, comparisonId: string, read: (sources: CandidateSource[]) => Read): Promise<ImportReport> {
  const loaded = await loadComparison(actor, comparisonId);
  const sources: (CandidateSource & { revisionId: string })[] = loaded.sources
    .filter((s) => s.currentRevision)
    .map((s) => ({ id: s.id, title: s.title, outlet: s.outlet?.name ?? null, url: s.url, text: s.currentRevision!.text, revisionId: s.currentRevision!.id }));
  const resolveTag = tagResolver(loaded);
  const resolveAuthor = authorResolver(loaded, actor);
  const seen = new Set(loaded.annotations.map((a) => sameAnnotationKey({ ...a, tagIds: a.tags.map((t) => t.tagId) })));

  const { annotations: parsed, skipped, documents } = read(sources);
  const report: ImportReport = { exact: 0, fuzzy: 0, orphaned: 0, skipped: [...skipped], newTags: [], reassigned: [], documents };
  const plan: PlannedAnnotation[] = [];
  for (const annotation of parsed) {
    const { where } = annotation;
    if (annotation.tags.length === 0) {
      report.skipped.push({ where, reason: "it has no tags (a body with purpose “tagging”), and every Parallax annotation needs one" });
      continue;
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
      const source = sources.find((s) => s.id === match.sourceId)!;
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
        report.skipped.push({ where: target.where, reason: "the same annotation (words, author, comment and tags) is already in the comparison" });
        continue;
      }
      seen.add(key);
      const anchorStatus: AnchorStatus = match.kind === "orphaned" ? "ORPHANED" : match.exact ? "EXACT" : "FUZZY";
      report[anchorStatus === "EXACT" ? "exact" : anchorStatus === "FUZZY" ? "fuzzy" : "orphaned"]++;
      if (author.reassigned) report.reassigned.push({ where, creator: author.reassigned });
      plan.push({
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
  }

  const newTags = [...new Set(plan.flatMap((p) => p.tags.filter((t) => t.id === null)))];
  if (newTags.length > 0 && !canEditComparisons(role)) {
    throw new AppError(
      "FORBIDDEN",
      `The file uses tags this comparison's taxonomy does not have (${newTags.map((t) => `“${t.name}”`).join(", ")}). Ask an owner or editor to add them, or to import the file.`,
    );
  }
  report.newTags = newTags.map((t) => ({ name: t.name, tagSet: t.tagSet }));
  await save(actor, loaded, plan, newTags);
  return report;
}

async function save(actor: Actor, loaded: Loaded, plan: PlannedAnnotation[], newTags: TagRef[]) {
  if (plan.length === 0) return;
  const rows = plan.map((p) => ({ ...p, id: randomUUID() }));
  // One transaction for the whole file; a large file takes a while, so the default 5 s limit would cut it short.
  await db().$transaction(
    async (tx) => {
      const setIds = new Map(loaded.tagSets.map((s) => [s.name, s.id]));
      const takenKeys = new Set(loaded.tagSets.map((s) => s.key));
      let setPosition = Math.max(-1, ...loaded.tagSets.map((s) => s.position));
      const tagPositions = new Map(loaded.tagSets.map((s) => [s.id, Math.max(-1, ...s.tags.map((t) => t.position))]));
      for (const tag of newTags) {
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
      }
      await tx.annotation.createMany({
        data: rows.map((r) => ({
          id: r.id,
          comparisonId: loaded.id,
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
        })),
      });
      await tx.annotationTag.createMany({ data: rows.flatMap((r) => r.tags.map((t) => ({ annotationId: r.id, tagId: t.id! }))) });
      const evidence = rows.flatMap((r) => (r.claim?.evidence ?? []).map((url, i) => ({ annotationId: r.id, url, createdAt: new Date(r.createdAt.getTime() + i) })));
      if (evidence.length > 0) await tx.claimEvidence.createMany({ data: evidence });
      await tx.auditEvent.create({
        data: { workspaceId: loaded.workspaceId, actorId: actor.id, action: "annotations.imported", entityType: "Comparison", entityId: loaded.id, data: { count: rows.length } },
      });
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}
