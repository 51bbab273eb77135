import "server-only";
import { loadDemoContent, type DemoContent } from "@/prisma/demo/load-demo";
import { hashPassword } from "@/lib/server/auth/password";
import { db, type DbTx } from "@/lib/server/db/client";
import { isUniqueViolation } from "@/lib/server/db/errors";
import { DEMO_ACCOUNT, DEMO_WORKSPACE } from "./demo-account";
import { seedDemoClass } from "./demo-class";
import { writeDemoComparison } from "./demo-comparison";
import { SEED_MARKERS } from "./seed-markers";

const SEEDED_KEY = SEED_MARKERS.team;
const CLASS_SEEDED_KEY = SEED_MARKERS.class;

export type SeedOutcome = "seeded" | "already-seeded";

/**
 * Seeds the demo account, workspace and comparison, then the demo class, once per
 * database. A marker row for each records that it ran, so demo data a user deleted does
 * not come back on the next start. Uses the client the services use (installDbClient).
 */
export async function seedDemoOnce(): Promise<SeedOutcome> {
  const content = await loadDemoContent();
  const team = await seedTeamOnce(content);
  const klass = await seedClassOnce(content);
  return team || klass ? "seeded" : "already-seeded";
}

async function seedTeamOnce(content: DemoContent): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_ACCOUNT.password);
  return db().$transaction(
    async (tx) => {
      if (await tx.appSetting.findUnique({ where: { key: SEEDED_KEY } })) return false;
      await seedDemo(tx, content, passwordHash);
      await tx.appSetting.create({ data: { key: SEEDED_KEY, value: new Date().toISOString() } });
      return true;
    },
    { timeout: 60_000 },
  );
}

/**
 * The class goes through the classroom services, each with its own transaction, so the
 * marker is claimed first (a second start running at the same time stops there) and a
 * failure removes what was made, marker included, so the next start tries again.
 */
async function seedClassOnce(content: DemoContent): Promise<boolean> {
  try {
    await db().appSetting.create({ data: { key: CLASS_SEEDED_KEY, value: new Date().toISOString() } });
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
  const teacher = await db().user.findUnique({ where: { email: DEMO_ACCOUNT.email }, select: { id: true, name: true } });
  // Someone deleted the demo account: it stays deleted, and there is no teacher for a class.
  if (!teacher) return false;
  const made = { workspaceIds: [] as string[], userIds: [] as string[] };
  try {
    await seedDemoClass(content, teacher, made);
  } catch (error) {
    await db().$transaction([
      db().workspace.deleteMany({ where: { id: { in: made.workspaceIds } } }),
      db().user.deleteMany({ where: { id: { in: made.userIds } } }),
      db().appSetting.deleteMany({ where: { key: CLASS_SEEDED_KEY } }),
    ]);
    throw error;
  }
  return true;
}

async function seedDemo(tx: DbTx, content: DemoContent, passwordHash: string) {
  const user =
    (await tx.user.findUnique({ where: { email: DEMO_ACCOUNT.email } })) ??
    (await tx.user.create({ data: { name: DEMO_ACCOUNT.name, email: DEMO_ACCOUNT.email, passwordHash } }));
  const workspace = await tx.workspace.create({
    data: { ...DEMO_WORKSPACE, kind: "TEAM", memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  const { comparison, target, tagId } = await writeDemoComparison(tx, workspace.id, user.id, content);

  for (const annotation of content.annotations) {
    const claim = annotation.claim;
    await tx.annotation.create({
      data: {
        comparisonId: comparison.id,
        authorId: user.id,
        ...target(annotation.file, annotation.exact),
        comment: annotation.comment,
        isClaim: Boolean(claim),
        claimAsserter: claim ? (claim.assertedBy === "outlet" ? "OUTLET" : "QUOTED_PARTY") : undefined,
        claimAssertedBy: claim && claim.assertedBy !== "outlet" ? claim.assertedBy : undefined,
        claimStatus: claim ? (claim.status.toUpperCase() as "UNVERIFIED" | "SUPPORTED" | "DISPUTED" | "FALSE") : undefined,
        evidence: claim ? { create: claim.evidence.map((url) => ({ url })) } : undefined,
        tags: { create: annotation.tags.map((t) => ({ tagId: tagId(t.set, t.tag) })) },
      },
    });
  }
}
