/**
 * The annotation targets of issue 4, measured through the running app (`npm start` on the
 * suite's database) rather than by calling services:
 * - creating an annotation with the JSON API while 20 clients do the same, against raw pg
 *   INSERTs of an annotation row by 20 clients (what the database alone costs);
 * - opening the annotate page of a 25 kB source with 1,000 annotations in Chromium until it
 *   is interactive (hydrated, live stream connected, the count shown and the first cards of
 *   the virtualised list rendered), against the
 *   same page for a source of the same size without annotations.
 */
import { randomUUID } from "node:crypto";
import { chromium, type Browser, type Page } from "@playwright/test";
import { hashPassword } from "@/lib/server/auth/password";
import { installDbClient, type Db } from "@/lib/server/db/client";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { selectorColumns } from "@/lib/server/services/sources/span-target";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { startApp } from "@/bench/app";
import type { Suite } from "@/bench/harness";
import { createRandom, randomInt, type Random } from "@/bench/fixtures/random";
import { article } from "@/bench/fixtures/text";

const PASSWORD = "bench reviewer password";
const SOURCE_SIZE = "25 kB source";

async function comparisonWithSource(db: Db, workspaceId: string, userId: string, slug: string, text: string) {
  const comparison = await db.comparison.create({ data: { workspaceId, slug, title: slug, createdById: userId } });
  await installDefaultTaxonomy(db, comparison.id);
  const source = await db.source.create({ data: { comparisonId: comparison.id, title: `${slug} article`, position: 0 } });
  const revision = await db.sourceRevision.create({ data: { sourceId: source.id, number: 1, createdById: userId, ...revisionFields(text) } });
  await db.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
  const tags = await db.tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, select: { id: true } });
  return { comparison, source, revision, tagIds: tags.map((t) => t.id) };
}

/** 1,000 annotations of 2 to 12 words each, spread over the text, some nested in others. */
async function annotate(db: Db, random: Random, target: Awaited<ReturnType<typeof comparisonWithSource>>, authorId: string, text: string) {
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const rows = Array.from({ length: 1000 }, () => {
    const first = randomInt(random, words.length - 12);
    return {
      id: randomUUID(),
      comparisonId: target.comparison.id,
      sourceId: target.source.id,
      revisionId: target.revision.id,
      authorId,
      ...selectorColumns(text, words[first]!.start, words[first + 1 + randomInt(random, 11)]!.end),
    };
  });
  await db.annotation.createMany({ data: rows });
  await db.annotationTag.createMany({ data: rows.map((row) => ({ annotationId: row.id, tagId: target.tagIds[randomInt(random, target.tagIds.length)]! })) });
}

/** Navigation until the page is usable: hydrated, stream live, the list's count and first card shown. */
async function openAnnotatePage(page: Page, url: string, cards: number) {
  await page.goto(url, { waitUntil: "commit" });
  await page.getByText("Live: others' changes appear here").waitFor();
  await page.getByRole("heading", { name: new RegExp(`^${cards.toLocaleString("en").replace(",", "")} annotations? in `) }).waitFor();
  if (cards > 0) await page.locator(".annotation-list > li.annotation-card").first().waitFor();
}

export const annotationApp: Suite = {
  name: "annotation-app",
  async setup({ db, pg, url }, bench) {
    const random = createRandom(7);
    installDbClient(db, { kind: "postgres", url });
    const user = await db.user.create({ data: { name: "Bench Reviewer", email: "reviewer@bench.example", passwordHash: await hashPassword(PASSWORD) } });
    const workspace = await db.workspace.create({ data: { slug: "bench", name: "Bench", memberships: { create: { userId: user.id, role: "REVIEWER" } } } });
    const text = article(random, 4100);
    const busy = await comparisonWithSource(db, workspace.id, user.id, "busy", text);
    await comparisonWithSource(db, workspace.id, user.id, "quiet", article(random, 4100));
    const writes = await comparisonWithSource(db, workspace.id, user.id, "writes", text);
    await annotate(db, random, busy, user.id, text);
    const { token } = await createApiToken({ id: user.id }, { name: "bench" });

    const app = await startApp(url);
    const browser: Browser = await chromium.launch({
      executablePath: process.env.PLAYWRIGHT_CHROMIUM || "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const page = await browser.newPage();
    await page.goto(`${app.origin}/sign-in`);
    await page.getByLabel("Email").fill("reviewer@bench.example");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/workspaces$/);

    const insert = `INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end", "updatedAt")
                    VALUES ($1, $2, $3, $4, $5, 'words', '', '', 0, 5, now())`;
    const body = JSON.stringify({ sourceId: writes.source.id, revisionNumber: 1, start: 0, end: 40, tagIds: [writes.tagIds[0]], comment: "bench" });
    bench.baseline("raw pg INSERT of an annotation, 20 clients at once", "1 row", () =>
      pg.query(insert, [randomUUID(), writes.comparison.id, writes.source.id, writes.revision.id, user.id]), { iterations: 400, warmup: 20, concurrency: 20 });
    bench.compare("create an annotation via the JSON API, 20 clients at once", "1 annotation", async () => {
      const response = await fetch(`${app.origin}/api/comparisons/${writes.comparison.id}/annotations`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      });
      if (response.status !== 201) throw new Error(`The API answered ${response.status}: ${await response.text()}`);
    }, { iterations: 400, warmup: 20, concurrency: 20, target: { belowMs: 50 } });

    const base = `${app.origin}/w/bench/c`;
    bench.baseline("annotate page interactive, no annotations", SOURCE_SIZE, () => openAnnotatePage(page, `${base}/quiet/annotate`, 0), { iterations: 10, warmup: 2 });
    bench.compare("annotate page interactive, 1,000 annotations", `${SOURCE_SIZE}, 1,000 annotations`, () => openAnnotatePage(page, `${base}/busy/annotate`, 1000), {
      iterations: 10,
      warmup: 2,
      target: { belowMs: 1000 },
    });

    return async () => {
      await browser.close();
      await app.stop();
    };
  },
};
