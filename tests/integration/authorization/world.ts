import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { inviteMember } from "@/lib/server/services/members/invite-member";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { createTag } from "@/lib/server/services/taxonomy/create-tag";
import { annotatedComparison } from "../helpers/comparison-fixture";
import { signUp } from "../helpers/factories";

/**
 * A workspace with a comparison to act on. The team workspace of the matrix is one; the
 * outsider's own workspace is another. A class (teacher, students) can be a World too.
 */
export interface World {
  workspace: { id: string; slug: string; name: string };
  comparison: { id: string; slug: string; title: string };
  source: { id: string; title: string };
  /** The first tag set of the comparison's taxonomy. */
  tagSetId: string;
  /** May do everything here: arranges what a case acts on (fact rows, tags, hiding). */
  owner: SessionUser;
  /** Another annotator: "someone else's" annotations and replies are theirs. */
  colleague: SessionUser;
  tag(name: string): string;
  span(words: string): { sourceId: string; revisionNumber: number; start: number; end: number };
  /** What server actions take to find the comparison: its workspace's and its own slug. */
  where: { workspace: string; comparison: string };
  /** Names and titles that tell about this workspace: no refusal may contain them. */
  revealing: string[];
}

let made = 0;
/** A fresh name, so what one cell creates can be told from what the others did. */
export function unique(label: string): string {
  made += 1;
  return `${label} ${made}`;
}

export async function buildWorld(ownerName: string): Promise<World> {
  const f = await annotatedComparison(db, ownerName);
  const tagSet = await db().tagSet.findFirstOrThrow({ where: { comparisonId: f.comparison.id }, orderBy: { position: "asc" } });
  const workspace = { id: f.workspace.id, slug: f.workspace.slug, name: f.workspace.name };
  const comparison = { id: f.comparison.id, slug: f.comparison.slug, title: f.comparison.title };
  return {
    workspace,
    comparison,
    source: { id: f.source.id, title: f.source.title },
    tagSetId: tagSet.id,
    owner: f.owner,
    colleague: f.colleague,
    tag: f.tag,
    span: f.span,
    where: { workspace: workspace.slug, comparison: comparison.slug },
    revealing: [workspace.name, workspace.slug, comparison.title, f.source.title],
  };
}

/** Signs someone up and adds them to the world's workspace with a role. */
export async function memberOf(world: World, role: Role, name = unique("Member")) {
  const user = await signUp(name);
  await inviteMember(world.owner, world.workspace.slug, { email: user.email, role });
  const membership = await db().membership.findFirstOrThrow({ where: { workspaceId: world.workspace.id, userId: user.id } });
  return { user, membershipId: membership.id };
}

interface AnnotationOptions {
  author?: SessionUser | null;
  hidden?: boolean;
  /** A tag of its own lets a list be filtered down to this annotation. */
  tagId?: string;
}

/**
 * An annotation by `author` (someone else's by default), optionally hidden by the owner.
 * It is written as the colleague and handed over, so any user can author one, including
 * a viewer who annotated before being made a viewer.
 */
export async function annotationIn(world: World, { author = world.colleague, hidden = false, tagId }: AnnotationOptions = {}) {
  const comment = unique("Note");
  const created = await createAnnotation(world.colleague, world.comparison.id, {
    ...world.span("sacrificed"),
    tagIds: [tagId ?? world.tag("Loaded language")],
    comment,
  });
  if (author && author.id !== world.colleague.id) {
    await db().annotation.update({ where: { id: created.id }, data: { authorId: author.id } });
  }
  if (hidden) {
    await setAnnotationHidden(world.owner, world.comparison.id, created.id, { hidden: true, version: 1, reason: "Duplicate of another note." });
  }
  return { id: created.id, version: hidden ? 2 : 1, comment, tagId: tagId ?? world.tag("Loaded language") };
}

/** A reply under an annotation, by `author` (someone else by default); written as the owner, who sees every annotation. */
export async function replyIn(world: World, annotationId: string, author: SessionUser | null = world.colleague) {
  const reply = await createReply(world.owner, world.comparison.id, annotationId, { body: unique("Reply") });
  await db().reply.update({ where: { id: reply.id }, data: { authorId: (author ?? world.colleague).id } });
  return { id: reply.id, version: 1, body: reply.body };
}

/** A fact row holding one passage of the source. */
export async function factRowIn(world: World) {
  const label = unique("Fact");
  const { factRowId } = await setPassage(world.owner, world.where.workspace, world.where.comparison, {
    label,
    ...world.span("Officials opened the spillway"),
  });
  const passage = await db().passage.findFirstOrThrow({ where: { factRowId } });
  return { factRowId, passageId: passage.id, label };
}

/** A new tag in the world's first tag set. */
export async function tagIn(world: World) {
  const tag = await createTag(world.owner, world.where.workspace, world.where.comparison, {
    tagSetId: world.tagSetId,
    name: unique("Tag"),
    color: "#f5aea3",
  });
  return { tagId: tag.id, name: tag.name };
}
