import type { RevealMode } from "@/lib/domain/classroom/reveal";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { createAssignment } from "@/lib/server/services/assignments/create-assignment";
import { admitStudents } from "@/lib/server/services/classes/admit-students";
import { joinClass } from "@/lib/server/services/classes/join-class";
import type { Actor } from "@/lib/server/actor";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createSource } from "@/lib/server/services/sources/create-source";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import type { Db } from "@/lib/server/db/client";
import { ARTICLE } from "./comparison-fixture";
import { signUp } from "./factories";

const OTHER_ARTICLE = "The river authority said the spillway worked as designed and nobody was at risk.";

export interface ClassroomOptions {
  revealMode?: RevealMode;
  dueAt?: string;
}

/** Someone asks to join a class with its code and its teacher admits them. */
export async function joinAndAdmit(db: () => Db, teacher: Actor, klass: { id: string; slug: string; joinCode: string | null }, student: Actor) {
  await joinClass(student, klass.joinCode!);
  const request = await db().joinRequest.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: klass.id, userId: student.id } } });
  await admitStudents(teacher, klass.slug, { requestIds: [request.id] });
}

/**
 * A class with a teacher and two students (Ana, Ben) who joined with the code and were admitted, a comparison
 * of two sources, and an assignment on the first source with two tags (Labeling, Loaded
 * language) and a key of two annotations.
 */
export async function classroom(db: () => Db, { revealMode = "AFTER_SUBMIT", dueAt = "" }: ClassroomOptions = {}) {
  const teacher = await signUp("Tess Teacher");
  const klass = await createWorkspace(teacher, { name: "Media 9B", kind: "CLASS" });
  const comparison = await createComparison(teacher, klass.slug, { title: "Spillway" });
  const source = await createSource(teacher, klass.slug, comparison.slug, {
    content: { kind: "paste", text: ARTICLE },
    metadata: { title: "Spillway opened", outletName: "City Daily" },
  });
  const otherSource = await createSource(teacher, klass.slug, comparison.slug, {
    content: { kind: "paste", text: OTHER_ARTICLE },
    metadata: { title: "Spillway worked", outletName: "River Post" },
  });
  const [ana, ben] = [await signUp("Ana Student"), await signUp("Ben Student")];
  await joinAndAdmit(db, teacher, klass, ana);
  await joinAndAdmit(db, teacher, klass, ben);
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: comparison.id } } });
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const assignment = await createAssignment(teacher, klass.slug, comparison.slug, {
    title: "Who is blamed?",
    instructions: "Tag labels and loaded words.",
    dueAt,
    revealMode,
    sourceIds: [source.id],
    tagIds: [tag("Labeling"), tag("Loaded language")],
  });
  const span = (words: string, text = ARTICLE, sourceId = source.id) => ({ sourceId, revisionNumber: 1, start: text.indexOf(words), end: text.indexOf(words) + words.length });
  const work = (words: string, tagName: string) => ({ ...span(words), tagIds: [tag(tagName)], assignmentId: assignment.id });
  const key = [
    await createAnnotation(teacher, comparison.id, { ...work("reckless", "Loaded language"), comment: "A judgement, not a fact." }),
    await createAnnotation(teacher, comparison.id, work("sacrificed", "Loaded language")),
  ];
  return { teacher, klass, comparison, source, otherSource, otherText: OTHER_ARTICLE, ana, ben, tag, assignment, span, work, key };
}
