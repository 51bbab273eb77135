import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNT, DEMO_CLASS, DEMO_STUDENTS, DEMO_WORKSPACE } from "@/lib/server/seed/demo-account";
import { seedDemoOnce } from "@/lib/server/seed/seed-demo";
import { demoSeedDone } from "@/lib/server/seed/seed-markers";
import { findAllAnnotations } from "@/lib/server/services/annotations/find-annotations";
import { findAssignments } from "@/lib/server/services/assignments/find-assignments";
import { getAssignmentDashboard } from "@/lib/server/services/assignments/get-assignment-dashboard";
import { getAssignmentResults } from "@/lib/server/services/assignments/get-assignment-results";
import { findWorkspaces } from "@/lib/server/services/workspaces/find-workspaces";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

describe("demo data", () => {
  it("seeds a demo account that can sign in and owns a demo comparison", async () => {
    expect(await demoSeedDone(db())).toBe(false);
    expect(await seedDemoOnce()).toBe("seeded");
    // What lets a later start skip loading the seed at all.
    expect(await demoSeedDone(db())).toBe(true);
    const demo = await verifyCredentials({ email: DEMO_ACCOUNT.email, password: DEMO_ACCOUNT.password, ip: "127.0.0.1" });
    const { workspace, comparisons } = await findComparisons(demo, DEMO_WORKSPACE.slug);
    expect(workspace.role).toBe("OWNER");
    expect(comparisons).toHaveLength(1);

    const { comparison } = await getComparisonBySlug(demo, DEMO_WORKSPACE.slug, comparisons[0]!.slug);
    expect(comparison.sources.length).toBeGreaterThanOrEqual(3);
    expect(comparison.sources.length).toBeLessThanOrEqual(4);
    for (const source of comparison.sources) {
      expect(source.outlet?.name).toBeTruthy();
      expect(source.currentRevision?.text.length).toBeGreaterThan(500);
    }
    expect(comparison.factRows.length).toBeGreaterThan(0);
    expect(comparison._count.annotations).toBeGreaterThan(0);
  });

  it("installs the default taxonomy and anchors every passage and annotation on its text", async () => {
    const tagSets = await db().tagSet.findMany({ where: { comparison: { workspace: { slug: DEMO_WORKSPACE.slug } } }, include: { _count: { select: { tags: true } } }, orderBy: { position: "asc" } });
    expect(tagSets.map((s) => [s.key, s._count.tags])).toEqual([
      ["framing-devices", 10],
      ["frame-dimensions", 15],
      ["persuasion-techniques", 18],
    ]);
    const targets = [
      ...(await db().annotation.findMany({ include: { revision: true } })),
      ...(await db().passage.findMany({ include: { revision: true } })),
    ];
    for (const target of targets) {
      expect(target.revision.text.slice(target.start, target.end)).toBe(target.exact);
    }
  });

  it("seeds a class the demo account teaches, with an assignment, a key and two students", async () => {
    const signIn = (account: { email: string; password: string }) => verifyCredentials({ ...account, ip: "127.0.0.1" });
    const [teacher, ana, ben] = await Promise.all([signIn(DEMO_ACCOUNT), signIn(DEMO_STUDENTS.ana), signIn(DEMO_STUDENTS.ben)]);
    const klass = (await findWorkspaces(teacher)).find((w) => w.name === DEMO_CLASS.name);
    expect(klass).toMatchObject({ kind: "CLASS", role: "TEACHER", comparisonCount: 1, memberCount: 3 });
    for (const student of [ana, ben]) {
      expect((await findWorkspaces(student)).map((w) => [w.slug, w.role])).toEqual([[klass!.slug, "STUDENT"]]);
    }

    const [assignment] = (await findAssignments(teacher, klass!.slug)).assignments;
    expect(assignment).toMatchObject({ revealMode: "AFTER_SUBMIT" });
    const days = (assignment!.dueAt!.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    const dashboard = await getAssignmentDashboard(teacher, klass!.slug, assignment!.id);
    expect(dashboard.students.map((s) => [s.email, s.status])).toEqual([
      [DEMO_STUDENTS.ana.email, "SUBMITTED"],
      [DEMO_STUDENTS.ben.email, "IN_PROGRESS"],
    ]);

    const stored = await db().assignment.findUniqueOrThrow({
      where: { id: assignment!.id },
      include: { _count: { select: { sources: true, factRows: true, tags: true } }, annotations: { include: { author: true } } },
    });
    expect(stored._count).toEqual({ sources: 2, factRows: 2, tags: 5 });
    const key = stored.annotations.filter((a) => a.isKey);
    expect(key).toHaveLength(5);
    expect(key.every((a) => a.authorId === teacher.id && a.comment)).toBe(true);

    const comparisonId = stored.comparisonId;
    const seenBy = async (actor: { id: string }) => findAllAnnotations(actor, comparisonId, { assignmentId: assignment!.id });
    const benSees = await seenBy(ben);
    expect(benSees.length).toBeGreaterThan(0);
    expect(benSees.every((a) => a.author.id === ben.id)).toBe(true);
    const anaSees = await seenBy(ana);
    expect(anaSees.filter((a) => a.assignment?.key)).toHaveLength(5);
    // Ben has only started: his draft stays his until he submits it.
    expect(anaSees.some((a) => a.author.id === ben.id)).toBe(false);

    const anaResults = await getAssignmentResults(ana, klass!.slug, assignment!.id);
    expect(anaResults.revealed).toBe(true);
    if (anaResults.revealed) {
      expect(anaResults.score.overall.precision).toBeGreaterThan(0);
      expect(anaResults.score.overall.recall).toBeLessThan(1);
    }
    expect((await getAssignmentResults(ben, klass!.slug, assignment!.id)).revealed).toBe(false);
  });

  it("runs once: a second start, or a deleted demo, does not seed again", async () => {
    const counts = () => Promise.all([db().workspace.count(), db().user.count(), db().annotation.count(), db().assignment.count()]);
    const before = await counts();
    expect(await seedDemoOnce()).toBe("already-seeded");
    expect(await counts()).toEqual(before);
    await db().workspace.delete({ where: { slug: DEMO_WORKSPACE.slug } });
    expect(await seedDemoOnce()).toBe("already-seeded");
    expect(await db().workspace.count({ where: { slug: DEMO_WORKSPACE.slug } })).toBe(0);
  });
});
