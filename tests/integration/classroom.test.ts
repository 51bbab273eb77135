import { describe, expect, it, vi } from "vitest";
import { GET as gradesRoute } from "@/app/api/assignments/[assignmentId]/grades/route";
import { createUser } from "@/lib/server/services/users/create-user";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation } from "@/lib/server/services/annotations/moderate-annotation";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { authenticateApiToken } from "@/lib/server/services/api-tokens/authenticate-api-token";
import { exportGrades } from "@/lib/server/services/assignments/export-grades";
import { findAssignments } from "@/lib/server/services/assignments/find-assignments";
import { getAssignmentDashboard } from "@/lib/server/services/assignments/get-assignment-dashboard";
import { getAssignmentResults } from "@/lib/server/services/assignments/get-assignment-results";
import { getAssignmentWork } from "@/lib/server/services/assignments/get-assignment-work";
import { reopenSubmission, submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { setAssignmentRevealed, updateAssignmentSettings } from "@/lib/server/services/assignments/update-assignment";
import { admitStudents } from "@/lib/server/services/classes/admit-students";
import { findJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { joinClass } from "@/lib/server/services/classes/join-class";
import { regenerateJoinCode } from "@/lib/server/services/classes/join-code";
import { resetStudentPassword } from "@/lib/server/services/classes/reset-student-password";
import { createInvitation } from "@/lib/server/services/invitations/create-invitation";
import { removeMember } from "@/lib/server/services/members/remove-member";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { classroom, joinAndAdmit } from "./helpers/classroom-fixture";
import { addMember, PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// The grades route falls back to the session cookie without a token; these tests send one.
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));

const db = setupTestDb();

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const authorsSeenBy = async (actor: { id: string }, comparisonId: string) =>
  (await findAnnotations(actor, comparisonId)).annotations.map((a) => `${a.author.name}${a.assignment?.key ? " (key)" : ""}`).sort();

describe("classes", () => {
  it("makes the creator the teacher and gives the class a join code students join with", async () => {
    const teacher = await signUp("Tess Teacher");
    const klass = await createWorkspace(teacher, { name: "Media 9B", kind: "CLASS" });
    expect(klass.kind).toBe("CLASS");
    expect(klass.joinCode).toMatch(/^[2-9B-DF-HJ-NP-TV-Z]{8}$/);
    const member = await db().membership.findFirstOrThrow({ where: { workspaceId: klass.id, userId: teacher.id } });
    expect(member.role).toBe("TEACHER");

    const student = await signUp("Sam Student");
    const typed = `${klass.joinCode!.slice(0, 4).toLowerCase()} ${klass.joinCode!.slice(4)}`;
    expect(await joinClass(student, typed)).toMatchObject({ status: "pending", workspace: { slug: klass.slug } });
    expect(await joinClass(student, klass.joinCode!)).toMatchObject({ status: "pending" });
    const [request] = await findJoinRequests(teacher, klass.slug);
    await admitStudents(teacher, klass.slug, { requestIds: [request!.id] });
    expect(await joinClass(student, klass.joinCode!)).toMatchObject({ status: "member", role: "STUDENT" });
    expect(await joinClass(teacher, klass.joinCode!)).toMatchObject({ status: "member", role: "TEACHER" });
    expect((await failure(joinClass(student, "nonsense"))).message).toMatch(/No class has this code/);

    const fresh = await regenerateJoinCode(teacher, klass.slug);
    expect(fresh).not.toBe(klass.joinCode);
    expect((await failure(joinClass(await signUp("Late Comer"), klass.joinCode!))).code).toBe("NOT_FOUND");
    expect((await failure(regenerateJoinCode(student, klass.slug))).code).toBe("FORBIDDEN");
    expect((await failure(createInvitation(teacher, klass.slug, { email: "someone@example.org", role: "OWNER" }))).message).toMatch(/join a class with its code/);
  });

  it("signs a newcomer up and asks to join the class in one step, or saves nothing", async () => {
    const teacher = await signUp("Tess Teacher");
    const klass = await createWorkspace(teacher, { name: "Media 9C", kind: "CLASS" });
    const email = `newcomer.${Date.now()}@example.org`;
    expect((await failure(createUser({ name: "Newcomer", email, password: PASSWORD }, { joinCode: "BCDF-2345" }))).code).toBe("NOT_FOUND");
    expect(await db().user.count({ where: { email } })).toBe(0);
    const user = await createUser({ name: "Newcomer", email, password: PASSWORD }, { joinCode: klass.joinCode! });
    expect(await db().membership.count({ where: { workspaceId: klass.id, userId: user.id } })).toBe(0);
    expect(await db().joinRequest.count({ where: { workspaceId: klass.id, userId: user.id } })).toBe(1);
  });

  it("lets a teacher remove a student, but never the last teacher", async () => {
    const f = await classroom(db);
    const membership = await db().membership.findFirstOrThrow({ where: { workspaceId: f.klass.id, userId: f.ana.id } });
    await removeMember(f.teacher, f.klass.slug, { membershipId: membership.id });
    expect((await failure(findAssignments(f.ana, f.klass.slug))).code).toBe("NOT_FOUND");
    const own = await db().membership.findFirstOrThrow({ where: { workspaceId: f.klass.id, userId: f.teacher.id } });
    expect((await failure(removeMember(f.teacher, f.klass.slug, { membershipId: own.id }))).message).toMatch(/last teacher/);
  });

  it("resets a student's password: a new one shown once, old sessions and API tokens end", async () => {
    const f = await classroom(db);
    const { token } = await createApiToken(f.ana, { name: "script" });
    const membership = await db().membership.findFirstOrThrow({ where: { workspaceId: f.klass.id, userId: f.ana.id } });
    const before = new Date();
    const { password } = await resetStudentPassword(f.teacher, f.klass.slug, membership.id);
    expect(password).toMatch(/^[2-9B-DF-HJ-NP-TV-Z]{4}(-[2-9B-DF-HJ-NP-TV-Z]{4}){3}$/);
    await expect(verifyCredentials({ email: f.ana.email, password, ip: "10.0.0.1" })).resolves.toMatchObject({ id: f.ana.id });
    expect((await failure(verifyCredentials({ email: f.ana.email, password: PASSWORD, ip: "10.0.0.1" }))).code).toBe("UNAUTHENTICATED");
    expect(await authenticateApiToken(token)).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { id: f.ana.id }, select: { sessionsValidFrom: true } });
    expect(user.sessionsValidFrom!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(await db().auditEvent.count({ where: { action: "student.password-reset", entityId: f.ana.id } })).toBe(1);

    // Not for a student whose account also works elsewhere, not for teachers, not by students.
    const { workspace: desk } = { workspace: await createWorkspace(await signUp("Other Owner"), { name: "Desk" }) };
    const owner = await db().membership.findFirstOrThrow({ where: { workspaceId: desk.id }, include: { user: true } });
    await addMember(owner.user, desk.slug, { email: f.ben.email, role: "EDITOR" });
    const ben = await db().membership.findFirstOrThrow({ where: { workspaceId: f.klass.id, userId: f.ben.id } });
    expect((await failure(resetStudentPassword(f.teacher, f.klass.slug, ben.id))).message).toMatch(/outside your classes/);
    const teacher = await db().membership.findFirstOrThrow({ where: { workspaceId: f.klass.id, userId: f.teacher.id } });
    expect((await failure(resetStudentPassword(f.teacher, f.klass.slug, teacher.id))).code).toBe("FORBIDDEN");
    expect((await failure(resetStudentPassword(f.ana, f.klass.slug, ben.id))).code).toBe("FORBIDDEN");
  });
});

describe("blind annotation and reveal", () => {
  it("after submit (default): a student sees only their own work until they submit", async () => {
    const f = await classroom(db);
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    await createAnnotation(f.ben, f.comparison.id, f.work("Critics", "Labeling"));
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student"]);
    expect(await authorsSeenBy(f.ben, f.comparison.id)).toEqual(["Ben Student"]);
    expect(await authorsSeenBy(f.teacher, f.comparison.id)).toEqual(["Ana Student", "Ben Student", "Tess Teacher (key)", "Tess Teacher (key)"]);

    // Ana sees the key, and Ben's work only once he has submitted it: never a draft.
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student", "Tess Teacher (key)", "Tess Teacher (key)"]);
    expect(await authorsSeenBy(f.ben, f.comparison.id)).toEqual(["Ben Student"]);
    await submitAssignment(f.ben, f.klass.slug, f.assignment.id);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student", "Ben Student", "Tess Teacher (key)", "Tess Teacher (key)"]);

    // Reopened work is blind again until the next submit.
    await reopenSubmission(f.teacher, f.klass.slug, f.assignment.id, f.ana.id);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student"]);
  });

  it("at the due date: nobody sees the class's work before it, everybody after it", async () => {
    const f = await classroom(db, { revealMode: "AT_DUE_DATE", dueAt: new Date(Date.now() + 86_400_000).toISOString() });
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student"]);
    expect(await authorsSeenBy(f.ben, f.comparison.id)).toEqual([]);

    await updateAssignmentSettings(f.teacher, f.klass.slug, f.assignment.id, {
      title: "Who is blamed?",
      instructions: "",
      dueAt: new Date(Date.now() - 1000).toISOString(),
      revealMode: "AT_DUE_DATE",
    });
    expect(await authorsSeenBy(f.ben, f.comparison.id)).toEqual(["Ana Student", "Tess Teacher (key)", "Tess Teacher (key)"]);
    // Ben has not submitted, but the work is out: his is closed for changes.
    expect((await failure(createAnnotation(f.ben, f.comparison.id, f.work("Critics", "Labeling")))).message).toMatch(/visible now/);
  });

  it("by hand: hidden until a teacher reveals it, and hidden again when they take it back", async () => {
    const f = await classroom(db, { revealMode: "MANUAL" });
    await createAnnotation(f.ben, f.comparison.id, f.work("Critics", "Labeling"));
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student"]);

    expect((await failure(setAssignmentRevealed(f.ana, f.klass.slug, f.assignment.id, true))).code).toBe("FORBIDDEN");
    await setAssignmentRevealed(f.teacher, f.klass.slug, f.assignment.id, true);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student", "Ben Student", "Tess Teacher (key)", "Tess Teacher (key)"]);
    await setAssignmentRevealed(f.teacher, f.klass.slug, f.assignment.id, false);
    expect(await authorsSeenBy(f.ana, f.comparison.id)).toEqual(["Ana Student"]);
    await createAnnotation(f.ben, f.comparison.id, f.work("reckless", "Loaded language"));
  });

  it("refuses to reveal by hand an assignment that reveals by itself", async () => {
    const f = await classroom(db);
    expect((await failure(setAssignmentRevealed(f.teacher, f.klass.slug, f.assignment.id, true))).message).toMatch(/by itself/);
  });
});

describe("students' work", () => {
  it("stays inside the assignment: its sources, its tags, never outside an assignment", async () => {
    const f = await classroom(db);
    const before = await db().annotation.count();
    const outside = { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] };
    expect((await failure(createAnnotation(f.ana, f.comparison.id, outside))).message).toMatch(/within an assignment/);
    const otherSource = { ...f.span("nobody", f.otherText, f.otherSource.id), tagIds: [f.tag("Loaded language")], assignmentId: f.assignment.id };
    expect((await failure(createAnnotation(f.ana, f.comparison.id, otherSource))).message).toMatch(/not part of the assignment/);
    const otherTag = await failure(createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Euphemism")));
    expect(otherTag.message).toBe("Use only the assignment's tags: “Loaded language”, “Labeling”.");
    expect(await db().annotation.count()).toBe(before);
    expect(await db().submission.count({ where: { studentId: f.ana.id } })).toBe(0);

    const own = await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    expect((await failure(updateAnnotation(f.ana, f.comparison.id, own.id, { version: own.version, tagIds: [f.tag("Euphemism")] }))).code).toBe("INVALID_INPUT");
    expect(own.assignment).toEqual({ id: f.assignment.id, key: false });
  });

  it("locks on submit, opens when the teacher reopens it, and tracks the status", async () => {
    const f = await classroom(db);
    const statusOf = async (student: { id: string }) => (await findAssignments(student, f.klass.slug)).assignments[0]!.status;
    expect(await statusOf(f.ana)).toBe("NOT_STARTED");
    const own = await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    expect(await statusOf(f.ana)).toBe("IN_PROGRESS");
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    expect(await statusOf(f.ana)).toBe("SUBMITTED");
    expect((await failure(submitAssignment(f.ana, f.klass.slug, f.assignment.id))).code).toBe("CONFLICT");

    const locked = /submitted this assignment/;
    expect((await failure(createAnnotation(f.ana, f.comparison.id, f.work("Critics", "Labeling")))).message).toMatch(locked);
    expect((await failure(updateAnnotation(f.ana, f.comparison.id, own.id, { version: own.version, comment: "more" }))).message).toMatch(locked);
    expect((await failure(deleteAnnotation(f.ana, f.comparison.id, own.id, { version: own.version }))).message).toMatch(locked);
    expect((await failure(reopenSubmission(f.ana, f.klass.slug, f.assignment.id, f.ana.id))).code).toBe("FORBIDDEN");

    await reopenSubmission(f.teacher, f.klass.slug, f.assignment.id, f.ana.id);
    expect(await statusOf(f.ana)).toBe("IN_PROGRESS");
    await updateAnnotation(f.ana, f.comparison.id, own.id, { version: own.version, comment: "more" });
    expect((await getAssignmentWork(f.ana, f.klass.slug, f.assignment.id, "student")).annotations.map((a) => a.comment)).toEqual(["more"]);
  });

  it("keeps the key to teachers: students cannot write it, and it is not their work", async () => {
    const f = await classroom(db);
    const work = await getAssignmentWork(f.teacher, f.klass.slug, f.assignment.id, "key");
    expect(work.annotations.map((a) => a.target.exact).sort()).toEqual(["reckless", "sacrificed"]);
    expect(work.material.tagSets.flatMap((s) => s.tags.map((t) => t.name))).toEqual(["Loaded language", "Labeling"]);
    expect((await failure(getAssignmentWork(f.ana, f.klass.slug, f.assignment.id, "key"))).code).toBe("FORBIDDEN");
    expect((await getAssignmentWork(f.ana, f.klass.slug, f.assignment.id, "student")).annotations).toEqual([]);
  });
});

describe("results, dashboard and grades", () => {
  it("scores each student against the key by word overlap, with the class heat map and agreement", async () => {
    const f = await classroom(db);
    // Ana: both key words right, plus "Critics" as a label. Ben: "reckless" with the wrong tag.
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    await createAnnotation(f.ana, f.comparison.id, f.work("sacrificed", "Loaded language"));
    await createAnnotation(f.ana, f.comparison.id, f.work("Critics", "Labeling"));
    await createAnnotation(f.ben, f.comparison.id, f.work("reckless", "Labeling"));
    expect((await getAssignmentResults(f.ana, f.klass.slug, f.assignment.id)).revealed).toBe(false);

    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    const results = await getAssignmentResults(f.ana, f.klass.slug, f.assignment.id);
    if (!results.revealed) throw new Error("Ana's results should be revealed after she submitted.");
    expect(results.score.overall).toMatchObject({ matched: 2, answered: 3, expected: 2, precision: 2 / 3, recall: 1 });
    expect(results.keyNotes.map((n) => n.comment)).toEqual(["A judgement, not a fact."]);
    // Ben has not submitted, so his draft is not in the heat map Ana sees.
    const heat = results.texts[0]!.heat.map((r) => [results.texts[0]!.source.text.slice(r.start, r.end), r.students]);
    expect(heat).toEqual([["reckless", 1], ["Critics", 1], ["sacrificed", 1]].sort((a, b) => results.texts[0]!.source.text.indexOf(a[0] as string) - results.texts[0]!.source.text.indexOf(b[0] as string)));

    const dashboard = await getAssignmentDashboard(f.teacher, f.klass.slug, f.assignment.id);
    expect(dashboard.students.map((s) => [s.name, s.status, s.annotations, s.score.f1])).toEqual([
      ["Ana Student", "SUBMITTED", 3, 0.8],
      ["Ben Student", "IN_PROGRESS", 1, 0],
    ]);
    expect(dashboard.agreement.coders).toBe(2);
    expect(dashboard.agreement.combined.alpha).not.toBeNull();
    const name = (id: string) => (id === "none" ? "none" : dashboard.material.tags.find((t) => t.id === id)!.name);
    expect(Object.fromEntries(dashboard.confusion.map((c) => [`${name(c.keyTag)} → ${name(c.answerTag)}`, c.words]))).toEqual({
      "Loaded language → Loaded language": 2,
      "Loaded language → Labeling": 1,
      "Loaded language → none": 1,
      "none → Labeling": 1,
    });
    expect((await failure(getAssignmentDashboard(f.ana, f.klass.slug, f.assignment.id))).code).toBe("FORBIDDEN");
  });

  it("exports grades as CSV for teachers only", async () => {
    const f = await classroom(db);
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    const { filename, csv } = await exportGrades(f.teacher, f.assignment.id);
    expect(filename).toBe("grades-who-is-blamed.csv");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Student,Email,Status,Submitted at (UTC),First saw the key (UTC),Annotations,Words matching the key,Words tagged,Words in the key,Precision,Recall,F1");
    expect(lines[1]).toMatch(new RegExp(`^Ana Student,${f.ana.email.replace(/\./g, "\\.")},Submitted,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,,1,1,1,2,1,0\\.5,0\\.667$`));
    expect(lines[2]).toBe(`Ben Student,${f.ben.email},Not started,,,0,0,0,2,,0,0`);
    expect((await failure(exportGrades(f.ana, f.assignment.id))).code).toBe("FORBIDDEN");
    expect((await failure(exportGrades(await signUp("Outsider"), f.assignment.id))).code).toBe("NOT_FOUND");
  });

  it("serves the grades as a UTF-8 CSV download with a byte order mark, formulas defused", async () => {
    const f = await classroom(db);
    const mallory = await createUser({ name: '=HYPERLINK("http://evil.example")', email: `mallory.${Date.now()}@example.org`, password: PASSWORD });
    await joinAndAdmit(db, f.teacher, f.klass, mallory);
    const { token } = await createApiToken(f.teacher, { name: "grades" });
    const response = await gradesRoute(new Request("http://localhost/api/x", { headers: { Authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ assignmentId: f.assignment.id }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="grades-who-is-blamed.csv"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`\r\n"'=HYPERLINK(""http://evil.example"")",${mallory.email},Not started,`);
  });
});
