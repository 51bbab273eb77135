import { expect } from "vitest";
import * as assignments from "@/app/(app)/w/[workspace]/a/actions";
import * as classActions from "@/app/(app)/w/[workspace]/class-actions";
import * as admission from "@/app/(app)/w/[workspace]/members/admission-actions";
import * as grades from "@/app/api/assignments/[assignmentId]/grades/route";
import * as join from "@/app/join/actions";
import { db } from "@/lib/server/db/client";
import type { SessionUser } from "@/lib/server/auth/session";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { createAssignment } from "@/lib/server/services/assignments/create-assignment";
import { submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { joinClass } from "@/lib/server/services/classes/join-class";
import { signUp } from "../../helpers/factories";
import { OWNERS, SIGNED_IN, type Expectation } from "../actors";
import { action, form, route, type Cell } from "../matrix";
import { joinCodeOf, unique } from "../world";

// Assignments live in classes. Actors of the team address the class's assignment through
// their own workspace (or by id alone) and find nothing; in the class, teachers run it and
// students do their own work only.
const CLASS_TEACHERS: Expectation = { anonymous: 401, outsider: 404, viewer: 404, reviewer: 404, editor: 404, owner: 404, studentBeforeReveal: 403, teacher: "ok", pendingStudent: 404 };
const CLASS_STUDENTS: Expectation = { ...CLASS_TEACHERS, studentBeforeReveal: "ok", teacher: 403 };
/** A team's members may ask, but a team has no assignments (400); a class's students may not (403). */
const TEACHERS_OF_A_CLASS: Expectation = { ...CLASS_TEACHERS, viewer: 400, reviewer: 400, editor: 400, owner: 400 };
/** Only a class has a join code and people asking to join: a team's owner is told so, its other members are refused for their role. */
const JOIN_CODE: Expectation = { ...OWNERS, owner: 400 };

/**
 * A fresh assignment of the scene's class, with no work in it: submitting or revealing it
 * shows nobody the work of the shared assignment, so every other cell keeps its student
 * before the reveal.
 */
async function freshAssignment(cell: Cell, revealMode: "AFTER_SUBMIT" | "MANUAL" = "AFTER_SUBMIT") {
  const klass = cell.classroom;
  const assignment = await createAssignment(klass.owner, klass.workspace.slug, klass.comparison.slug, {
    title: unique("Exercise"),
    instructions: "",
    dueAt: "",
    revealMode,
    sourceIds: [klass.source.id],
    tagIds: [klass.tag("Loaded language")],
  });
  return { id: assignment.id };
}
/**
 * One annotation of work on the assignment, so it may be submitted: by the actor if they are
 * one of the class's students (written as the classmate, then handed over with a submission
 * of the actor's own), else by the classmate.
 */
async function workOn(cell: Cell, assignmentId: string, student: SessionUser | null) {
  const klass = cell.classroom;
  const annotation = await createAnnotation(klass.colleague, klass.comparison.id, {
    ...klass.span("reckless"),
    tagIds: [klass.tag("Loaded language")],
    assignmentId,
  });
  if (!student || student.id === klass.colleague.id) return;
  const enrolled = await db().membership.count({ where: { workspaceId: klass.workspace.id, userId: student.id, role: "STUDENT" } });
  if (!enrolled) return;
  const own = await db().submission.create({ data: { assignmentId, studentId: student.id } });
  await db().annotation.update({ where: { id: annotation.id }, data: { authorId: student.id, submissionId: own.id } });
}

/** Someone new who asked to join the scene's class with its code and waits for a teacher. */
async function joinRequest(cell: Cell) {
  const asker = await signUp(unique("Asker"));
  await joinClass(asker, await joinCodeOf(cell.classroom));
  const request = await db().joinRequest.findFirstOrThrow({ where: { userId: asker.id } });
  return { id: request.id, userId: asker.id };
}
const isStudent = async (cell: Cell, userId: string) =>
  (await db().membership.count({ where: { workspaceId: cell.classroom.workspace.id, userId, role: "STUDENT" } })) === 1;
const stillWaiting = async (requestId: string) => (await db().joinRequest.count({ where: { id: requestId } })) === 1;

const addressed = (cell: Cell, assignmentId: string, fields: Record<string, string> = {}) =>
  form({ workspace: cell.world.workspace.slug, assignment: assignmentId, ...fields });
const assignmentRow = (id: string) => db().assignment.findUniqueOrThrow({ where: { id } });
const submission = (assignmentId: string, studentId: string | undefined) =>
  db().submission.findFirst({ where: { assignmentId, studentId: studentId ?? "" }, select: { submittedAt: true } });

export const classroomEntries = [
  action(assignments.createAssignmentAction, (c) => [
    c({
      name: "make an assignment of a comparison",
      expect: TEACHERS_OF_A_CLASS,
      arrange: async () => ({ title: unique("Blame exercise") }),
      args: (cell, t) => [
        cell.world.workspace.slug,
        cell.world.comparison.slug,
        { title: t.title, instructions: "", dueAt: "", revealMode: "AFTER_SUBMIT", sourceIds: [cell.world.source.id], tagIds: [cell.world.tag("Loaded language")] },
      ],
      verify: async (_cell, t, allowed) => expect(await db().assignment.count({ where: { title: t.title } })).toBe(allowed ? 1 : 0),
    }),
  ]),
  action(assignments.updateAssignmentAction, (c) => [
    c({
      name: "change an assignment's instructions",
      expect: CLASS_TEACHERS,
      arrange: async (cell) => ({ ...(await freshAssignment(cell)), instructions: unique("Look for blame") }),
      args: (cell, t) => [cell.world.workspace.slug, t.id, { title: "Exercise, revised", instructions: t.instructions, dueAt: "", revealMode: "AFTER_SUBMIT" }],
      verify: async (_cell, t, allowed) => expect((await assignmentRow(t.id)).instructions).toBe(allowed ? t.instructions : null),
    }),
  ]),
  action(assignments.submitAssignmentAction, (c) => [
    c({
      name: "submit own work",
      expect: CLASS_STUDENTS,
      arrange: async (cell) => {
        const assignment = await freshAssignment(cell);
        await workOn(cell, assignment.id, cell.user);
        return assignment;
      },
      args: (cell, t) => [null, addressed(cell, t.id)],
      verify: async (cell, t, allowed) => expect(Boolean((await submission(t.id, cell.user?.id))?.submittedAt)).toBe(allowed),
    }),
  ]),
  action(assignments.reopenSubmissionAction, (c) => [
    c({
      name: "reopen a student's submitted work",
      expect: CLASS_TEACHERS,
      arrange: async (cell) => {
        const assignment = await freshAssignment(cell);
        await workOn(cell, assignment.id, cell.classroom.colleague);
        await submitAssignment(cell.classroom.colleague, cell.classroom.workspace.slug, assignment.id);
        return assignment;
      },
      args: (cell, t) => [null, addressed(cell, t.id, { student: cell.classroom.colleague.id })],
      verify: async (cell, t, allowed) => expect((await submission(t.id, cell.classroom.colleague.id))?.submittedAt === null).toBe(allowed),
    }),
  ]),
  action(assignments.revealAssignmentAction, (c) => [
    c({
      name: "reveal everyone's work and the key",
      expect: CLASS_TEACHERS,
      arrange: (cell) => freshAssignment(cell, "MANUAL"),
      args: (cell, t) => [null, addressed(cell, t.id, { revealed: "true" })],
      verify: async (_cell, t, allowed) => expect((await assignmentRow(t.id)).revealedAt !== null).toBe(allowed),
    }),
  ]),
  route(grades.GET, (c) => [
    c({
      name: "download an assignment's grades",
      expect: CLASS_TEACHERS,
      request: (cell) => ({ params: { assignmentId: cell.classroom.classroom!.assignmentId } }),
      shows: (body, _t) => String(body).includes("Ben Classmate"),
    }),
  ]),
  action(classActions.regenerateJoinCodeAction, (c) => [
    c({
      name: "make a new join code",
      expect: JOIN_CODE,
      arrange: async (cell) => ({ code: await joinCodeOf(cell.world) }),
      args: (cell) => [null, form({ workspace: cell.world.workspace.slug })],
      verify: async (cell, t, allowed) => expect((await joinCodeOf(cell.world)) !== t.code).toBe(allowed),
    }),
  ]),
  action(join.joinClassAction, (c) => [
    c({
      name: "join a class with its code",
      expect: SIGNED_IN,
      arrange: async (cell) => ({ code: await joinCodeOf(cell.classroom) }),
      args: (_cell, t) => [null, form({ code: t.code })],
      // A member stays as they are; anyone else waits to be admitted, and is no member.
      verify: async (cell, _t, allowed) => {
        const where = { workspaceId: cell.classroom.workspace.id, userId: cell.user?.id ?? "" };
        const [member, waiting] = [await db().membership.count({ where }), await db().joinRequest.count({ where })];
        expect(member + waiting).toBe(allowed ? 1 : 0);
      },
    }),
  ]),
  action(admission.admitStudentAction, (c) => [
    c({
      name: "admit someone who asked to join",
      expect: JOIN_CODE,
      arrange: joinRequest,
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, requestId: t.id })],
      verify: async (cell, t, allowed) => {
        expect(await isStudent(cell, t.userId)).toBe(allowed);
        expect(await stillWaiting(t.id)).toBe(!allowed);
      },
    }),
  ]),
  action(admission.admitAllStudentsAction, (c) => [
    c({
      name: "admit everyone listed as waiting",
      expect: JOIN_CODE,
      arrange: async (cell) => [await joinRequest(cell), await joinRequest(cell)],
      args: (cell, t) => {
        const data = form({ workspace: cell.world.workspace.slug });
        for (const request of t) data.append("requestId", request.id);
        return [null, data];
      },
      verify: async (cell, t, allowed) => {
        for (const request of t) expect(await isStudent(cell, request.userId)).toBe(allowed);
      },
    }),
  ]),
  action(admission.refuseStudentAction, (c) => [
    c({
      name: "refuse someone who asked to join",
      expect: JOIN_CODE,
      arrange: joinRequest,
      args: (cell, t) => [null, form({ workspace: cell.world.workspace.slug, requestId: t.id })],
      verify: async (cell, t, allowed) => {
        expect(await stillWaiting(t.id)).toBe(!allowed);
        expect(await isStudent(cell, t.userId)).toBe(false);
      },
    }),
  ]),
];
