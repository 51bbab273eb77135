import { describe, expect, it } from "vitest";
import { DEMO_ACCOUNT, DEMO_WORKSPACE } from "@/lib/server/seed/demo-account";
import { seedDemoOnce } from "@/lib/server/seed/seed-demo";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

describe("demo data", () => {
  it("seeds a demo account that can sign in and owns a demo comparison", async () => {
    expect(await seedDemoOnce(db())).toBe("seeded");
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
    const tagSets = await db().tagSet.findMany({ include: { _count: { select: { tags: true } } }, orderBy: { position: "asc" } });
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

  it("runs once: a second start, or a deleted demo, does not seed again", async () => {
    expect(await seedDemoOnce(db())).toBe("already-seeded");
    await db().workspace.delete({ where: { slug: DEMO_WORKSPACE.slug } });
    expect(await seedDemoOnce(db())).toBe("already-seeded");
    expect(await db().workspace.count({ where: { slug: DEMO_WORKSPACE.slug } })).toBe(0);
  });
});
