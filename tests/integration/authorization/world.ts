import type { Role } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { createAssignment } from "@/lib/server/services/assignments/create-assignment";
import { joinClass } from "@/lib/server/services/classes/join-class";
import { joinAndAdmit } from "../helpers/classroom-fixture";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createSource } from "@/lib/server/services/sources/create-source";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { createTag } from "@/lib/server/services/taxonomy/create-tag";
import { annotatedComparison, ARTICLE } from "../helpers/comparison-fixture";
import { addMember, signUp } from "../helpers/factories";

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
  /**
   * In a class: the assignment on the comparison's source, which every annotation of the
   * world is work for (students write nowhere else). The owner is its teacher, the
   * colleague a classmate; `student` has joined and not submitted, so nothing is revealed
   * to them; `pending` asked to join with the code and was not admitted, so is no member.
   */
  classroom?: { assignmentId: string; student: SessionUser; pending: SessionUser };
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

/** The tags the class's assignment lets students use: every tag the matrix annotates with. */
const ASSIGNMENT_TAGS = ["Loaded language", "Euphemism"];

/**
 * A class (a workspace of kind CLASS) run by `teacherName`, with a comparison of one source,
 * an assignment on it whose key the teacher has begun, a classmate and a student who joined
 * with the code and were admitted, and someone who asked to join and waits.
 */
export async function buildClassWorld(teacherName: string): Promise<World> {
  const teacher = await signUp(teacherName);
  const klass = await createWorkspace(teacher, { name: `${teacherName}'s class`, kind: "CLASS" });
  const comparison = await createComparison(teacher, klass.slug, { title: "Spillway lesson" });
  const source = await createSource(teacher, klass.slug, comparison.slug, {
    content: { kind: "paste", text: ARTICLE },
    metadata: { title: "Spillway opened, the class copy", outletName: "City Daily" },
  });
  const [classmate, student, pending] = [await signUp("Ben Classmate"), await signUp("Ana Student"), await signUp("Pat Pending")];
  await joinAndAdmit(db, teacher, klass, classmate);
  await joinAndAdmit(db, teacher, klass, student);
  await joinClass(pending, klass.joinCode!);
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: comparison.id } } });
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const assignment = await createAssignment(teacher, klass.slug, comparison.slug, {
    title: "Who is blamed?",
    instructions: "Tag loaded words.",
    dueAt: "",
    revealMode: "AFTER_SUBMIT",
    sourceIds: [source.id],
    tagIds: ASSIGNMENT_TAGS.map(tag),
  });
  const span = (words: string) => ({ sourceId: source.id, revisionNumber: 1, start: ARTICLE.indexOf(words), end: ARTICLE.indexOf(words) + words.length });
  await createAnnotation(teacher, comparison.id, { ...span("reckless"), tagIds: [tag("Loaded language")], assignmentId: assignment.id, comment: unique("Key") });
  const tagSet = await db().tagSet.findFirstOrThrow({ where: { comparisonId: comparison.id }, orderBy: { position: "asc" } });
  return {
    workspace: { id: klass.id, slug: klass.slug, name: klass.name },
    comparison: { id: comparison.id, slug: comparison.slug, title: comparison.title },
    source: { id: source.id, title: source.title },
    tagSetId: tagSet.id,
    owner: teacher,
    colleague: classmate,
    tag,
    span,
    where: { workspace: klass.slug, comparison: comparison.slug },
    revealing: [klass.name, klass.slug, comparison.title, source.title],
    classroom: { assignmentId: assignment.id, student, pending },
  };
}

/** Signs someone up and adds them to the world's workspace with a role. */
export async function memberOf(world: World, role: Role, name = unique("Member")) {
  const user = await signUp(name);
  await addMember(world.owner, world.workspace.slug, { email: user.email, role });
  const membership = await db().membership.findFirstOrThrow({ where: { workspaceId: world.workspace.id, userId: user.id } });
  return { user, membershipId: membership.id };
}

/** A class's join code as it is now (its teacher can make a new one). */
export async function joinCodeOf(world: World): Promise<string> {
  const { joinCode } = await db().workspace.findUniqueOrThrow({ where: { id: world.workspace.id }, select: { joinCode: true } });
  return joinCode ?? "";
}

/** Someone new in the world: a reviewer of a team, a student who joined a class with its code and was admitted. */
export async function newcomerIn(world: World) {
  if (!world.classroom) return memberOf(world, "REVIEWER");
  const user = await signUp(unique("Student"));
  await joinAndAdmit(db, world.owner, { ...world.workspace, joinCode: await joinCodeOf(world) }, user);
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
    assignmentId: world.classroom?.assignmentId,
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

/** A new tag in the world's first tag set (in a class, one its assignment lets students use). */
export async function tagIn(world: World) {
  const tag = await createTag(world.owner, world.where.workspace, world.where.comparison, {
    tagSetId: world.tagSetId,
    name: unique("Tag"),
    color: "#f5aea3",
  });
  if (world.classroom) await db().assignmentTag.create({ data: { assignmentId: world.classroom.assignmentId, tagId: tag.id } });
  return { tagId: tag.id, name: tag.name };
}
