/**
 * Issue 12, classroom: a second account made with the join code must not be able to read the
 * key or classmates' work. Joining asks; a teacher admits. Empty work does not unlock the
 * reveal. The teacher sees when each student first saw the key. Under "after submit" the
 * reveal shows only work classmates have submitted. A student reaches only the sources of
 * their class's assignments.
 */
import { describe, expect, it, vi } from "vitest";
import { GET as listAnnotationsRoute } from "@/app/api/comparisons/[comparisonId]/annotations/route";
import { GET as eventsRoute } from "@/app/api/comparisons/[comparisonId]/events/route";
import { GET as exportRoute } from "@/app/api/comparisons/[comparisonId]/export/route";
import { GET as comparisonsRoute } from "@/app/api/workspaces/[workspaceSlug]/comparisons/route";
import { AppError } from "@/lib/server/errors";
import { getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAllAnnotations, findAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { exportGrades } from "@/lib/server/services/assignments/export-grades";
import { findAssignments } from "@/lib/server/services/assignments/find-assignments";
import { getAssignmentDashboard } from "@/lib/server/services/assignments/get-assignment-dashboard";
import { getAssignmentResults } from "@/lib/server/services/assignments/get-assignment-results";
import { getAssignmentWork } from "@/lib/server/services/assignments/get-assignment-work";
import { submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { admitStudents, refuseStudent } from "@/lib/server/services/classes/admit-students";
import { findJoinRequests, findOwnJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { joinClass } from "@/lib/server/services/classes/join-class";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { suggestPassages } from "@/lib/server/services/passages/suggest-passages";
import { getSource } from "@/lib/server/services/sources/get-source";
import { findTaxonomy } from "@/lib/server/services/taxonomy/find-taxonomy";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { classroom } from "./helpers/classroom-fixture";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// Route handlers fall back to the session cookie without a token; these tests always send one.
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));

const db = setupTestDb();

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const bearer = (token: string, signal?: AbortSignal) => ({ headers: { Authorization: `Bearer ${token}` }, signal });

/** The class, and a second account that asked to join with the code and waits. */
async function withAsker() {
  const f = await classroom(db);
  await createAnnotation(f.ben, f.comparison.id, { ...f.work("Critics", "Labeling"), comment: "BEN-WORK" });
  await submitAssignment(f.ben, f.klass.slug, f.assignment.id);
  const asker = await signUp("Second Account");
  expect(await joinClass(asker, f.klass.joinCode!)).toMatchObject({ status: "pending", workspace: { slug: f.klass.slug } });
  const { token } = await createApiToken(asker, { name: "peek" });
  return { ...f, asker, token };
}

describe("joining with the code", () => {
  it("shows the asker nothing of the class, by any service or API route, until a teacher admits them", async () => {
    const f = await withAsker();
    // Each call is made in turn, so no refusal is left unhandled while an earlier one is awaited.
    const refused = [
      () => getWorkspaceBySlug(f.asker, f.klass.slug),
      () => findAssignments(f.asker, f.klass.slug),
      () => getAssignmentWork(f.asker, f.klass.slug, f.assignment.id, "student"),
      () => getAssignmentResults(f.asker, f.klass.slug, f.assignment.id),
      () => findAnnotations(f.asker, f.comparison.id),
      () => findComparisons(f.asker, f.klass.slug),
      () => suggestPassages(f.asker, f.klass.slug, f.comparison.slug, f.span("reckless")),
      () => submitAssignment(f.asker, f.klass.slug, f.assignment.id),
      () => createAnnotation(f.asker, f.comparison.id, f.work("reckless", "Loaded language")),
      () => exportGrades(f.asker, f.assignment.id),
    ];
    for (const call of refused) expect((await failure(call())).code).toBe("NOT_FOUND");

    const comparisonParams = { params: Promise.resolve({ comparisonId: f.comparison.id }) };
    const controller = new AbortController();
    const responses = [
      await listAnnotationsRoute(new Request("http://localhost/api/x", bearer(f.token)), comparisonParams),
      await eventsRoute(new Request("http://localhost/api/x", bearer(f.token, controller.signal)), comparisonParams),
      await exportRoute(new Request("http://localhost/api/x?format=csv", bearer(f.token)), comparisonParams),
      await comparisonsRoute(new Request("http://localhost/api/x", bearer(f.token)), { params: Promise.resolve({ workspaceSlug: f.klass.slug }) }),
    ];
    controller.abort();
    for (const response of responses) {
      expect(response.status).toBe(404);
      const text = await response.text();
      for (const secret of ["BEN-WORK", "A judgement, not a fact.", f.klass.name, f.comparison.title]) expect(text).not.toContain(secret);
    }
    expect(await db().annotation.count({ where: { authorId: f.asker.id } })).toBe(0);

    // What the asker may know: that they asked, of which class (they had its code), and when.
    expect(await findOwnJoinRequests(f.asker)).toEqual([{ slug: f.klass.slug, name: f.klass.name, requestedAt: expect.any(Date) }]);
  });

  it("lists who asked on the teacher's roster; admitting lets them in, refusing keeps them out", async () => {
    const f = await withAsker();
    const other = await signUp("Third Account");
    await joinClass(other, f.klass.joinCode!);
    const waiting = await findJoinRequests(f.teacher, f.klass.slug);
    expect(waiting.map((r) => [r.user.name, r.user.email, r.createdAt instanceof Date])).toEqual([
      ["Second Account", f.asker.email, true],
      ["Third Account", other.email, true],
    ]);
    expect(await findJoinRequests(f.ana, f.klass.slug)).toEqual([]);
    expect((await failure(admitStudents(f.ana, f.klass.slug, { requestIds: [waiting[0]!.id] }))).code).toBe("FORBIDDEN");
    expect((await failure(refuseStudent(f.ana, f.klass.slug, { requestId: waiting[0]!.id }))).code).toBe("FORBIDDEN");
    expect((await failure(admitStudents(f.asker, f.klass.slug, { requestIds: [waiting[0]!.id] }))).code).toBe("NOT_FOUND");

    await refuseStudent(f.teacher, f.klass.slug, { requestId: waiting[1]!.id });
    expect((await failure(findAssignments(other, f.klass.slug))).code).toBe("NOT_FOUND");
    expect(await findOwnJoinRequests(other)).toEqual([]);

    expect(await admitStudents(f.teacher, f.klass.slug, { requestIds: [waiting[0]!.id] })).toEqual({ admitted: 1 });
    expect((await findAssignments(f.asker, f.klass.slug)).assignments.map((a) => a.title)).toEqual(["Who is blamed?"]);
    expect(await findJoinRequests(f.teacher, f.klass.slug)).toEqual([]);
    expect((await failure(admitStudents(f.teacher, f.klass.slug, { requestIds: [waiting[0]!.id] }))).code).toBe("NOT_FOUND");
  });

  it("admits all the requests the roster listed, and not one made after it was loaded", async () => {
    const f = await classroom(db);
    const [one, two, late] = [await signUp("One"), await signUp("Two"), await signUp("Late")];
    await joinClass(one, f.klass.joinCode!);
    await joinClass(two, f.klass.joinCode!);
    const listed = (await findJoinRequests(f.teacher, f.klass.slug)).map((r) => r.id);
    await joinClass(late, f.klass.joinCode!);
    expect(await admitStudents(f.teacher, f.klass.slug, { requestIds: listed })).toEqual({ admitted: 2 });
    const students = await db().membership.findMany({ where: { workspaceId: f.klass.id, role: "STUDENT" }, select: { userId: true } });
    expect(students.map((s) => s.userId).sort()).toEqual([f.ana.id, f.ben.id, one.id, two.id].sort());
    expect((await findJoinRequests(f.teacher, f.klass.slug)).map((r) => r.user.name)).toEqual(["Late"]);
  });

  it("leaves someone already in the class as they are", async () => {
    const f = await classroom(db);
    expect(await joinClass(f.ana, f.klass.joinCode!)).toMatchObject({ status: "member", role: "STUDENT" });
    expect(await findJoinRequests(f.teacher, f.klass.slug)).toEqual([]);
  });
});

describe("submitting empty work", () => {
  it("is refused with a reason, and shows neither the key nor classmates' work", async () => {
    const f = await withAsker();
    const [request] = await findJoinRequests(f.teacher, f.klass.slug);
    await admitStudents(f.teacher, f.klass.slug, { requestIds: [request!.id] });

    const refusal = await failure(submitAssignment(f.asker, f.klass.slug, f.assignment.id));
    expect(refusal.code).toBe("INVALID_INPUT");
    expect(refusal.message).toMatch(/at least one annotation before you submit/);
    expect(await db().submission.count({ where: { studentId: f.asker.id, submittedAt: { not: null } } })).toBe(0);
    expect((await getAssignmentResults(f.asker, f.klass.slug, f.assignment.id)).revealed).toBe(false);
    expect((await findAnnotations(f.asker, f.comparison.id)).annotations).toEqual([]);
  });

  it("reveals nothing even when it was submitted before empty work was refused", async () => {
    const f = await withAsker();
    const [request] = await findJoinRequests(f.teacher, f.klass.slug);
    await admitStudents(f.teacher, f.klass.slug, { requestIds: [request!.id] });
    await db().submission.create({ data: { assignmentId: f.assignment.id, studentId: f.asker.id, submittedAt: new Date() } });
    expect((await getAssignmentResults(f.asker, f.klass.slug, f.assignment.id)).revealed).toBe(false);
    expect((await findAssignments(f.asker, f.klass.slug)).assignments[0]!.revealed).toBe(false);
    expect((await getAssignmentWork(f.asker, f.klass.slug, f.assignment.id, "student")).submission.revealed).toBe(false);
    expect((await findAnnotations(f.asker, f.comparison.id)).annotations).toEqual([]);
  });
});

describe("when a student first saw the key", () => {
  it("is recorded the first time the server sends them revealed work, and shown to the teacher", async () => {
    const f = await classroom(db);
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    await getAssignmentResults(f.ana, f.klass.slug, f.assignment.id);
    await findAnnotations(f.ana, f.comparison.id);
    await getAssignmentWork(f.ana, f.klass.slug, f.assignment.id, "student");
    const seen = async (studentId: string) => (await getAssignmentDashboard(f.teacher, f.klass.slug, f.assignment.id)).students.find((s) => s.id === studentId)!.keySeenAt;
    expect(await seen(f.ana.id)).toBeNull();

    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    // Her own work page does not show the key, so it does not count.
    await getAssignmentWork(f.ana, f.klass.slug, f.assignment.id, "student");
    expect(await seen(f.ana.id)).toBeNull();
    const before = new Date();
    await getAssignmentResults(f.ana, f.klass.slug, f.assignment.id);
    const first = await seen(f.ana.id);
    expect(first!.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    await getAssignmentResults(f.ana, f.klass.slug, f.assignment.id);
    expect(await seen(f.ana.id)).toEqual(first);
    expect(await seen(f.ben.id)).toBeNull();
    expect((await exportGrades(f.teacher, f.assignment.id)).csv.split("\r\n")[1]).toContain(first!.toISOString());

    // The JSON API counts as well: listing the key's annotations records the first look.
    await createAnnotation(f.ben, f.comparison.id, f.work("Critics", "Labeling"));
    await submitAssignment(f.ben, f.klass.slug, f.assignment.id);
    await findAnnotations(f.ben, f.comparison.id, { assignmentId: f.assignment.id });
    expect(await seen(f.ben.id)).not.toBeNull();
  });
});

describe("the reveal after submit", () => {
  it("shows classmates' submitted work, never their drafts", async () => {
    const f = await classroom(db);
    await createAnnotation(f.ana, f.comparison.id, f.work("reckless", "Loaded language"));
    const draft = await createAnnotation(f.ben, f.comparison.id, { ...f.work("Critics", "Labeling"), comment: "BEN-DRAFT" });
    await submitAssignment(f.ana, f.klass.slug, f.assignment.id);
    const anaSees = async () => (await findAllAnnotations(f.ana, f.comparison.id)).map((a) => a.id);
    expect(await anaSees()).not.toContain(draft.id);
    const results = await getAssignmentResults(f.ana, f.klass.slug, f.assignment.id);
    expect(JSON.stringify(results)).not.toContain("BEN-DRAFT");

    await submitAssignment(f.ben, f.klass.slug, f.assignment.id);
    expect(await anaSees()).toContain(draft.id);
  });
});

describe("what a student reaches of a comparison", () => {
  it("is its assignments' sources: passage suggestions never quote another source", async () => {
    const f = await classroom(db);
    const teacherSees = await suggestPassages(f.teacher, f.klass.slug, f.comparison.slug, f.span("reckless"));
    expect(teacherSees.map((s) => s.sourceId)).toContain(f.otherSource.id);

    const anaSees = await suggestPassages(f.ana, f.klass.slug, f.comparison.slug, f.span("reckless"));
    expect(anaSees.map((s) => s.sourceId)).not.toContain(f.otherSource.id);
    expect(JSON.stringify(anaSees)).not.toContain(f.otherText.slice(0, 20));
    const fromOther = await failure(suggestPassages(f.ana, f.klass.slug, f.comparison.slug, f.span("nobody", f.otherText, f.otherSource.id)));
    expect(fromOther.code).toBe("INVALID_INPUT");
    expect(fromOther.message).not.toContain(f.otherText.slice(0, 20));
  });

  it("leaves out the comparison's own pages and comparisons no assignment is on", async () => {
    const f = await classroom(db);
    const spare = await createComparison(f.teacher, f.klass.slug, { title: "Not assigned yet" });
    for (const call of [
      () => getComparisonBySlug(f.ana, f.klass.slug, f.comparison.slug),
      () => getSource(f.ana, f.klass.slug, f.comparison.slug, f.otherSource.id),
      () => findTaxonomy(f.ana, f.klass.slug, f.comparison.slug),
      () => getAgreement(f.ana, f.klass.slug, f.comparison.slug),
    ]) {
      expect((await failure(call())).code).toBe("FORBIDDEN");
    }
    expect((await findComparisons(f.ana, f.klass.slug)).comparisons.map((c) => c.title)).toEqual([f.comparison.title]);
    expect((await findComparisons(f.teacher, f.klass.slug)).comparisons.map((c) => c.title).sort()).toEqual([f.comparison.title, spare.title].sort());
  });
});
