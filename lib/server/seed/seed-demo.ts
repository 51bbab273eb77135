import "server-only";
import { loadDemoContent, type DemoContent } from "@/prisma/demo/load-demo";
import { hashPassword } from "@/lib/server/auth/password";
import type { Db, DbTx } from "@/lib/server/db/client";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { selectorColumns } from "@/lib/server/services/sources/span-target";
import { DEMO_ACCOUNT, DEMO_WORKSPACE } from "./demo-account";

const SEEDED_KEY = "demo-seeded";

export type SeedOutcome = "seeded" | "already-seeded";

/**
 * Seeds the demo account, workspace and comparison once per database. A marker row
 * records that it ran, so demo data a user deleted does not come back on the next start.
 */
export async function seedDemoOnce(client: Db): Promise<SeedOutcome> {
  const content = await loadDemoContent();
  const passwordHash = await hashPassword(DEMO_ACCOUNT.password);
  return client.$transaction(
    async (tx) => {
      if (await tx.appSetting.findUnique({ where: { key: SEEDED_KEY } })) return "already-seeded";
      await seedDemo(tx, content, passwordHash);
      await tx.appSetting.create({ data: { key: SEEDED_KEY, value: new Date().toISOString() } });
      return "seeded";
    },
    { timeout: 60_000 },
  );
}

export async function isDemoSeeded(client: Db): Promise<boolean> {
  return (await client.appSetting.count({ where: { key: SEEDED_KEY } })) > 0;
}

async function seedDemo(tx: DbTx, content: DemoContent, passwordHash: string) {
  const user =
    (await tx.user.findUnique({ where: { email: DEMO_ACCOUNT.email } })) ??
    (await tx.user.create({ data: { name: DEMO_ACCOUNT.name, email: DEMO_ACCOUNT.email, passwordHash } }));
  const workspace = await tx.workspace.create({
    data: { ...DEMO_WORKSPACE, kind: "TEAM", memberships: { create: { userId: user.id, role: "OWNER" } } },
  });

  const outletIds = new Map<string, string>();
  for (const outlet of content.outlets) {
    const created = await tx.outlet.create({ data: { workspaceId: workspace.id, ...outlet } });
    outletIds.set(outlet.name, created.id);
  }

  const { comparison: meta } = content;
  const comparison = await tx.comparison.create({
    data: {
      workspaceId: workspace.id,
      slug: meta.slug,
      title: meta.title,
      description: meta.description,
      eventDate: new Date(meta.eventDate),
      createdById: user.id,
    },
  });
  await installDefaultTaxonomy(tx, comparison.id);

  const sources = new Map<string, { id: string; revisionId: string; text: string }>();
  for (const [position, doc] of content.documents.entries()) {
    const source = await tx.source.create({
      data: {
        comparisonId: comparison.id,
        outletId: outletIds.get(doc.outlet),
        title: doc.title,
        author: doc.author,
        url: doc.url,
        publishedAt: new Date(doc.published),
        position,
      },
    });
    const revision = await tx.sourceRevision.create({
      data: { sourceId: source.id, number: 1, createdById: user.id, ...revisionFields(doc.text) },
    });
    await tx.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
    sources.set(doc.file, { id: source.id, revisionId: revision.id, text: doc.text });
  }

  const target = (file: string, exact: string) => {
    const source = sources.get(file);
    const start = source?.text.indexOf(exact) ?? -1;
    if (!source || start < 0) throw new Error(`Demo content: "${exact}" is not in ${file}.`);
    return { sourceId: source.id, revisionId: source.revisionId, ...selectorColumns(source.text, start, start + exact.length) };
  };

  for (const [position, row] of content.factRows.entries()) {
    await tx.factRow.create({
      data: {
        comparisonId: comparison.id,
        label: row.label,
        position,
        passages: { create: Object.entries(row.passages).map(([file, exact]) => target(file, exact)) },
      },
    });
  }

  const tags = await tx.tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, include: { tagSet: true } });
  const tagId = (set: string, name: string) => {
    const tag = tags.find((t) => t.tagSet.key === set && t.name === name);
    if (!tag) throw new Error(`Demo content: no tag "${name}" in ${set}.`);
    return tag.id;
  };
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
