import "server-only";
import type { DemoContent } from "@/prisma/demo/load-demo";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db/client";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { createAssignment } from "@/lib/server/services/assignments/create-assignment";
import { submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { admitStudents } from "@/lib/server/services/classes/admit-students";
import { createUser } from "@/lib/server/services/users/create-user";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { DEMO_CLASS, DEMO_STUDENTS } from "./demo-account";
import { writeDemoComparison } from "./demo-comparison";

const SOURCES = ["harbor-ledger.txt", "marrowick-clarion.txt"];

export const DEMO_ASSIGNMENT = {
  title: "Who steers the story?",
  instructions:
    "Read the business daily and the tabloid side by side. Mark the places where the wording steers the reader: " +
    "what the opening puts first, who disappears from a sentence, which words soften or inflate what happened. " +
    "Use only this exercise's tags and say in a comment why you chose each one. Once you submit, you see the key and your score.",
};

/**
 * The answer key: spans the demo manifest already annotates, named by their file and one
 * of their tags (the exercise's tags are these), with the teacher's explanation.
 */
const KEY = [
  { file: "harbor-ledger.txt", tag: "Headline/lead emphasis", comment: "The opening is about the port, not the flooded homes: what comes first tells readers whose loss matters." },
  { file: "harbor-ledger.txt", tag: "Passive voice / agent deletion", comment: "Nobody acts in this sentence. The other outlets say the gate jammed and name who ran it." },
  { file: "harbor-ledger.txt", tag: "Euphemism", comment: "A technical label that turns hundreds of flooded homes into an operational matter." },
  { file: "marrowick-clarion.txt", tag: "Loaded language", comment: "Frightening words chosen for effect; the wire describes the same water plainly." },
  { file: "marrowick-clarion.txt", tag: "Exaggeration/minimisation", comment: "Feared by whom? No source is given, and the shelter figures elsewhere are far smaller." },
] as const;

type Made = { workspaceIds: string[]; userIds: string[] };

/**
 * The demo class, made through the classroom services as a teacher and students would:
 * the teacher creates the class, a comparison and an assignment with a key; Ana and Ben sign
 * up with the join code and the teacher admits them; Ana annotates and submits (she sees the
 * reveal); Ben has started (he still sees only his own work). What it creates is recorded in `made`.
 */
export async function seedDemoClass(content: DemoContent, teacher: Actor & { name: string }, made: Made) {
  const klass = await createWorkspace(teacher, { name: DEMO_CLASS.name, kind: "CLASS" });
  made.workspaceIds.push(klass.id);
  const demo = await db().$transaction((tx) => writeDemoComparison(tx, klass.id, teacher.id, content), { timeout: 60_000 });

  const key = KEY.map((item) => {
    const found = content.annotations.find((a) => a.file === item.file && a.tags.some((t) => t.tag === item.tag));
    const tag = found?.tags.find((t) => t.tag === item.tag);
    if (!found || !tag) throw new Error(`Demo class: the manifest annotates nothing in ${item.file} as "${item.tag}".`);
    return { ...item, exact: found.exact, tagId: demo.tagId(tag.set, tag.tag) };
  });
  const assignment = await createAssignment(teacher, klass.slug, demo.comparison.slug, {
    ...DEMO_ASSIGNMENT,
    dueAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString(),
    revealMode: "AFTER_SUBMIT",
    sourceIds: SOURCES.map((file) => demo.sourceIds.get(file)),
    factRowIds: demo.factRowIds.slice(0, 2),
    tagIds: key.map((k) => k.tagId),
  });

  /** Annotates a key span (or its first half) with a tag, as `actor`. */
  const annotate = async (actor: Actor & { name: string }, item: (typeof key)[number], tagId: string, options: { firstHalf?: boolean; comment?: string } = {}) => {
    const { sourceId, start, end } = demo.locate(item.file, item.exact);
    const half = options.firstHalf ? item.exact.lastIndexOf(" ", item.exact.length / 2) : -1;
    await createAnnotation(actor, demo.comparison.id, {
      sourceId,
      start,
      end: half > 0 ? start + half : end,
      revisionNumber: 1,
      tagIds: [tagId],
      comment: options.comment,
      assignmentId: assignment.id,
    });
  };
  for (const item of key) await annotate(teacher, item, item.tagId, { comment: item.comment });

  const join = async (student: (typeof DEMO_STUDENTS)[keyof typeof DEMO_STUDENTS]) => {
    const user = await createUser(student, { joinCode: klass.joinCode ?? undefined });
    made.userIds.push(user.id);
    return { id: user.id, name: user.name };
  };
  const ana = await join(DEMO_STUDENTS.ana);
  const ben = await join(DEMO_STUDENTS.ben);
  const requests = await db().joinRequest.findMany({ where: { workspaceId: klass.id }, select: { id: true } });
  await admitStudents(teacher, klass.slug, { requestIds: requests.map((r) => r.id) });
  await annotate(ana, key[0]!, key[0]!.tagId, { comment: "The port comes first, the homes later." });
  await annotate(ana, key[1]!, key[2]!.tagId);
  await annotate(ana, key[3]!, key[3]!.tagId, { firstHalf: true });
  await submitAssignment(ana, klass.slug, assignment.id);

  await annotate(ben, key[4]!, key[4]!.tagId);
}
