/**
 * Issue 13's page targets, through the running app (`npm start` on the suite's database):
 * - the same pages of a 100-annotation comparison on an otherwise empty database, then
 *   with 200,000 annotations in other comparisons: server time, as a ratio (≤ 1.2×);
 * - a comparison with 100,000 annotations over 20 sources against the 100-annotation one:
 *   HTML bytes (annotate, report, agreement ≤ 1 MB), server time, and time until the page
 *   is interactive in Chromium (≤ 2×);
 * - the agreement page's first view after a write, 100,000 annotations against 100.
 *
 * Seeding is set-based (INSERT … SELECT generate_series, one statement per source), so the
 * 300,000 rows take seconds. The figures do not fit the harness's one-time-per-row table
 * (bytes, and a baseline taken before the other comparisons exist), so the suite measures
 * them itself during setup and writes them to the `scale` section of RESULTS.md.
 */
import { chromium, type Browser, type Page } from "@playwright/test";
import type { Db } from "@/lib/server/db/client";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { startApp } from "@/bench/app";
import { measure, median, type Suite } from "@/bench/harness";
import { describeMachine } from "@/bench/machine";
import { sessionCookie } from "@/bench/load/seed";
import { createRandom, type Random } from "@/bench/fixtures/random";
import { article } from "@/bench/fixtures/text";
import { writeSection } from "@/bench/results-file";

const SOURCES = 20;
const WORDS_PER_SOURCE = 1200;
const BIG = 100_000;
const SMALL = 100;
/** Annotations in other comparisons: the big one and these. */
const OTHERS = { comparisons: 10, perComparison: 10_000 };
const REVIEWERS = 5;
const MB = 1_000_000;
const AFTER_WRITE_SAMPLES = 5;

interface Seeded {
  slug: string;
  sources: { id: string; revisionId: string; text: string }[];
  tagIds: string[];
}

export async function comparison(db: Db, random: Random, workspaceId: string, ownerId: string, slug: string, sources: number): Promise<Seeded> {
  const created = await db.comparison.create({ data: { workspaceId, slug, title: `Comparison ${slug}`, createdById: ownerId } });
  await installDefaultTaxonomy(db, created.id);
  const seeded: Seeded["sources"] = [];
  for (let position = 0; position < sources; position++) {
    const outlet = await db.outlet.upsert({
      where: { workspaceId_name: { workspaceId, name: `Outlet ${position + 1}` } },
      create: { workspaceId, name: `Outlet ${position + 1}` },
      update: {},
    });
    const text = article(random, WORDS_PER_SOURCE);
    const source = await db.source.create({ data: { comparisonId: created.id, outletId: outlet.id, title: `${slug} article ${position + 1}`, position } });
    const revision = await db.sourceRevision.create({ data: { sourceId: source.id, number: 1, createdById: ownerId, ...revisionFields(text) } });
    await db.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
    seeded.push({ id: source.id, revisionId: revision.id, text });
  }
  const tags = await db.tag.findMany({ where: { tagSet: { comparisonId: created.id } }, orderBy: { position: "asc" }, select: { id: true } });
  return { slug, sources: seeded, tagIds: tags.map((t) => t.id) };
}

/**
 * `perSource` annotations on each source in two statements per source: spans of one to three
 * words spread over the text, authors and tags taken in turn, one in 200 a claim.
 */
export async function annotate(db: Db, target: Seeded, comparisonId: string, authorIds: string[], perSource: number) {
  for (const [i, source] of target.sources.entries()) {
    const words = [...source.text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const prefix = `${target.slug}-${i}`;
    await db.$executeRawUnsafe(
      `INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end",
                                 "isClaim", "claimAsserter", "claimStatus", "updatedAt")
       SELECT $1 || '-' || n, $2, $3, $4, ($5::text[])[1 + n % $6], substr($7, s + 1, e - s), substr($7, greatest(s - 31, 1), least(s, 32)), substr($7, e + 1, 32),
              s, e, n % 200 = 0, CASE WHEN n % 200 = 0 THEN 'OUTLET'::"ClaimAsserter" END, CASE WHEN n % 200 = 0 THEN 'UNVERIFIED'::"ClaimStatus" END, now()
       FROM generate_series(1, $8::int) AS n,
            LATERAL (SELECT (n * 7919) % $9 AS w) AS pick,
            LATERAL (SELECT ($10::int[])[1 + w] AS s, ($11::int[])[1 + least(w + n % 3, $9 - 1)] AS e) AS span`,
      prefix, comparisonId, source.id, source.revisionId, authorIds, authorIds.length, source.text, perSource, words.length,
      words.map((w) => w.start), words.map((w) => w.end),
    );
    await db.$executeRawUnsafe(
      `INSERT INTO "AnnotationTag" ("annotationId", "tagId") SELECT $1 || '-' || n, ($2::text[])[1 + (n / 7) % $3] FROM generate_series(1, $4::int) AS n`,
      prefix, target.tagIds, target.tagIds.length, perSource,
    );
  }
}

const PAGES = [
  ["workspace", ""],
  ["comparison", "/c/:c"],
  ["annotate", "/c/:c/annotate"],
  ["report", "/c/:c/report"],
  ["agreement", "/c/:c/agreement"],
] as const;
type PageName = (typeof PAGES)[number][0];

/** What the annotate, report and agreement pages show once usable, to wait for in Chromium. */
const READY: Partial<Record<PageName, (page: Page) => Promise<void>>> = {
  annotate: async (page) => {
    await page.getByText("Live: others' changes appear here").waitFor();
    await page.locator(".annotation-list > li.annotation-card").first().waitFor();
  },
  report: (page) => page.getByRole("heading", { name: "Claims", exact: true }).waitFor(),
  agreement: (page) => page.getByRole("heading", { name: "Agreement between reviewers" }).waitFor(),
};

export const scale: Suite = {
  name: "scale",
  async setup({ db, url }) {
    const random = createRandom(13);
    // No passwords: the suite mints the owner's session cookie, as the load test does.
    const users = await Promise.all(
      Array.from({ length: REVIEWERS }, (_, i) => db.user.create({ data: { name: `Reviewer ${i + 1}`, email: `reviewer${i + 1}@scale.example`, passwordHash: "not-a-hash" } })),
    );
    const owner = users[0]!;
    const authorIds = users.map((u) => u.id);
    const workspace = async (slug: string) =>
      db.workspace.create({ data: { slug, name: slug, memberships: { create: users.map((u, i) => ({ userId: u.id, role: i === 0 ? "OWNER" : "REVIEWER" })) } } });
    const quiet = await workspace("quiet");
    const small = await comparison(db, random, quiet.id, owner.id, "small", SOURCES);
    const smallId = (await db.comparison.findFirstOrThrow({ where: { slug: "small" } })).id;
    await annotate(db, small, smallId, authorIds, SMALL / SOURCES);

    const app = await startApp(url);
    let browser: Browser | undefined;
    try {
      const cookie = await sessionCookie({ id: owner.id, name: owner.name, email: owner.email, token: "" }, app.secret);
      const address = (workspaceSlug: string, comparisonSlug: string, path: string) => `${app.origin}/w/${workspaceSlug}${path.replace(":c", comparisonSlug)}`;
      const fetchPage = async (href: string) => {
        const response = await fetch(href, { headers: { cookie }, redirect: "manual" });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${href} answered ${response.status}`);
        return body.byteLength;
      };
      const serverTimes = async (workspaceSlug: string, comparisonSlug: string, iterations: number) => {
        const figures = new Map<PageName, { median: number; bytes: number }>();
        for (const [name, path] of PAGES) {
          const href = address(workspaceSlug, comparisonSlug, path);
          // The first fetch warms the page up and gives its size.
          const bytes = await fetchPage(href);
          const { samples } = await measure(name, comparisonSlug, () => fetchPage(href), { iterations, warmup: 0 });
          figures.set(name, { median: median(samples), bytes });
          process.stderr.write(`scale: ${workspaceSlug}/${comparisonSlug} ${name}: ${median(samples).toFixed(0)} ms, ${bytes} bytes\n`);
        }
        return figures;
      };

      /**
       * The agreement page's first view after a write: an edit of one annotation (its version
       * and update time bumped in SQL, as an edit through the app does), then the page, whose
       * kept figures for that comparison are then out of date. Median of 5 such pairs.
       */
      const agreementAfterWrite = async (workspaceSlug: string, comparisonSlug: string, comparisonId: string) => {
        const href = address(workspaceSlug, comparisonSlug, "/c/:c/agreement");
        await fetchPage(href);
        const samples: number[] = [];
        for (let i = 0; i < AFTER_WRITE_SAMPLES; i++) {
          await db.$executeRawUnsafe(
            `UPDATE "Annotation" SET version = version + 1, "updatedAt" = now()
             WHERE id = (SELECT id FROM "Annotation" WHERE "comparisonId" = $1 ORDER BY id OFFSET $2 LIMIT 1)`,
            comparisonId, i * 17,
          );
          const started = performance.now();
          await fetchPage(href);
          samples.push(performance.now() - started);
        }
        process.stderr.write(`scale: ${workspaceSlug}/${comparisonSlug} agreement after a write: ${median(samples).toFixed(0)} ms\n`);
        return median(samples);
      };

      const emptyDatabase = await serverTimes("quiet", "small", 6);

      const busy = await workspace("busy");
      const big = await comparison(db, random, busy.id, owner.id, "big", SOURCES);
      const bigId = (await db.comparison.findFirstOrThrow({ where: { slug: "big" } })).id;
      await annotate(db, big, bigId, authorIds, BIG / SOURCES);
      for (let i = 0; i < OTHERS.comparisons; i++) {
        const other = await comparison(db, random, busy.id, owner.id, `other-${i}`, 2);
        const otherId = (await db.comparison.findFirstOrThrow({ where: { slug: `other-${i}` } })).id;
        await annotate(db, other, otherId, authorIds, OTHERS.perComparison / 2);
      }
      await db.$executeRawUnsafe(`ANALYZE`);
      const others = BIG + OTHERS.comparisons * OTHERS.perComparison;

      const crowded = await serverTimes("quiet", "small", 6);
      const large = await serverTimes("busy", "big", 3);
      const afterWrite = { small: await agreementAfterWrite("quiet", "small", smallId), big: await agreementAfterWrite("busy", "big", bigId) };

      browser = await chromium.launch({
        executablePath: process.env.PLAYWRIGHT_CHROMIUM || "/usr/bin/chromium",
        args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
      });
      const context = await browser.newContext();
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: app.origin }]);
      const tab = await context.newPage();
      const interactive = async (workspaceSlug: string, comparisonSlug: string, page: PageName) => {
        const href = address(workspaceSlug, comparisonSlug, PAGES.find(([n]) => n === page)![1]);
        const { samples } = await measure(page, comparisonSlug, async () => {
          await tab.goto(href, { waitUntil: "load", timeout: 120_000 });
          await READY[page]!(tab);
        }, { iterations: 3, warmup: 1 });
        return median(samples);
      };
      const tti = new Map<PageName, { small: number; big: number }>();
      for (const page of ["annotate", "report", "agreement"] as const) {
        tti.set(page, { small: await interactive("quiet", "small", page), big: await interactive("busy", "big", page) });
        process.stderr.write(`scale: ${page} interactive: ${tti.get(page)!.small.toFixed(0)} ms → ${tti.get(page)!.big.toFixed(0)} ms\n`);
      }
      const chromiumVersion = browser.version();

      const ms = (n: number) => `${Math.round(n).toLocaleString("en")} ms`;
      const kb = (n: number) => `${(n / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} kB`;
      const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
      const machine = describeMachine();
      const rows = (f: (name: PageName) => string) => PAGES.map(([name]) => f(name)).join("\n");
      await writeSection(
        "scale",
        `## Scale: pages of a research project's volume (issue 13)

Written by \`npm run bench -- scale\` on ${new Date().toISOString().slice(0, 10)}: ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, load ${machine.load} at the start.
Pages fetched from \`npm start\` with a session cookie (server time = the whole response read on loopback, median of 6, or of 3
for the large comparison, after one untimed fetch),
${SOURCES} sources of ${WORDS_PER_SOURCE.toLocaleString("en")} words per comparison, ${REVIEWERS} reviewers, default taxonomy.

### Other comparisons' annotations do not slow a page (target ≤ 1.2×)
The 100-annotation comparison's pages on a database holding nothing else, then with ${others.toLocaleString("en")} annotations in other comparisons.

| page | empty database | ${others.toLocaleString("en")} elsewhere | ratio |
| --- | --- | --- | --- |
${rows((n) => `| ${n} | ${ms(emptyDatabase.get(n)!.median)} | ${ms(crowded.get(n)!.median)} | ${ratio(crowded.get(n)!.median, emptyDatabase.get(n)!.median)}${crowded.get(n)!.median <= 1.2 * emptyDatabase.get(n)!.median ? " ✓" : ""} |`)}

### ${BIG.toLocaleString("en")} annotations over ${SOURCES} sources against ${SMALL} (HTML ≤ 1 MB for annotate, report, agreement)

| page | HTML, ${SMALL} | HTML, ${BIG.toLocaleString("en")} | server time, ${SMALL} | server time, ${BIG.toLocaleString("en")} | ratio |
| --- | --- | --- | --- | --- | --- |
${rows((n) => `| ${n} | ${kb(crowded.get(n)!.bytes)} | ${kb(large.get(n)!.bytes)}${n !== "workspace" && n !== "comparison" && large.get(n)!.bytes <= MB ? " ✓" : ""} | ${ms(crowded.get(n)!.median)} | ${ms(large.get(n)!.median)} | ${ratio(large.get(n)!.median, crowded.get(n)!.median)} |`)}

### Agreement, first view after a write
An edit of one annotation (version and update time bumped in SQL), then the agreement page, whose kept figures are then out of
date: server time, median of ${AFTER_WRITE_SAMPLES} such pairs.

| page | ${SMALL} annotations | ${BIG.toLocaleString("en")} annotations | ratio |
| --- | --- | --- | --- |
| agreement, first view after a write | ${ms(afterWrite.small)} | ${ms(afterWrite.big)} | ${ratio(afterWrite.big, afterWrite.small)} |

### Interactive in Chromium (target ≤ 2×)
From navigation to the page's load event and its content shown (annotate: live stream connected and the first card listed;
report: the claims section; agreement: its heading), median of 3 after a warm-up, in Chromium ${chromiumVersion}.

| page | ${SMALL} annotations | ${BIG.toLocaleString("en")} annotations | ratio |
| --- | --- | --- | --- |
${(["annotate", "report", "agreement"] as const).map((n) => `| ${n} | ${ms(tti.get(n)!.small)} | ${ms(tti.get(n)!.big)} | ${ratio(tti.get(n)!.big, tti.get(n)!.small)}${tti.get(n)!.big <= 2 * tti.get(n)!.small ? " ✓" : ""} |`).join("\n")}
`,
      );
    } finally {
      await browser?.close();
      await app.stop();
    }
  },
};
