/**
 * Issue 13's write target, through HTTP: creating an annotation while 20 clients do the same,
 * by the JSON API (an API token) and by the annotate view's server action (a session
 * cookie), on this code and on an earlier commit (BENCH_BEFORE_REF, by default the commit
 * this suite was written against), both apps running on the suite's database at once, with
 * raw pg INSERTs of an annotation row by 20 clients (the database alone) as the baseline.
 * The earlier commit must have the same migrations. Its first run builds it (see
 * bench/checkout.ts), which takes minutes.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashPassword } from "@/lib/server/auth/password";
import { installDbClient, type Db } from "@/lib/server/db/client";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { appCpuMs, startApp, type RunningApp } from "@/bench/app";
import { checkoutAt, resolveCommit } from "@/bench/checkout";
import type { Suite } from "@/bench/harness";
import { createRandom } from "@/bench/fixtures/random";
import { article } from "@/bench/fixtures/text";
import { sessionCookie } from "@/bench/load/seed";

/** main when this suite was written: the JSON API and the action before this branch's changes. */
const DEFAULT_BEFORE = "b7c6823";
const CLIENTS = { iterations: 400, warmup: 20, concurrency: 20 };
const ROOT = path.resolve(import.meta.dirname, "../..");

/** The id Next gave the annotate view's create action in the build in `dir`. */
function createActionId(dir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === "createAnnotationAction" && entry.filename?.endsWith("annotate/actions.ts"));
  if (!found) throw new Error(`No createAnnotationAction in ${dir}'s build.`);
  return found[0];
}

async function fixture(db: Db) {
  const random = createRandom(13);
  const user = await db.user.create({
    data: { name: "Bench Writer", email: "writer@bench.example", passwordHash: await hashPassword("bench writer password") },
    select: { id: true, name: true, email: true },
  });
  const workspace = await db.workspace.create({ data: { slug: "bench", name: "Bench", memberships: { create: { userId: user.id, role: "REVIEWER" } } } });
  const comparison = await db.comparison.create({ data: { workspaceId: workspace.id, slug: "writes", title: "writes", createdById: user.id } });
  await installDefaultTaxonomy(db, comparison.id);
  const source = await db.source.create({ data: { comparisonId: comparison.id, title: "writes article", position: 0 } });
  const revision = await db.sourceRevision.create({ data: { sourceId: source.id, number: 1, createdById: user.id, ...revisionFields(article(random, 4100)) } });
  await db.source.update({ where: { id: source.id }, data: { currentRevisionId: revision.id } });
  const tag = await db.tag.findFirstOrThrow({ where: { tagSet: { comparisonId: comparison.id } }, select: { id: true } });
  const { token } = await createApiToken({ id: user.id }, { name: "bench" });
  const input = { sourceId: source.id, revisionNumber: 1, start: 0, end: 40, tagIds: [tag.id], comment: "bench" };
  return { user, comparison, source, revision, token, input, annotatePath: `/w/${workspace.slug}/c/${comparison.slug}/annotate` };
}

type Fixture = Awaited<ReturnType<typeof fixture>>;

/**
 * The app's CPU time per create over a case's timed calls (its first timed call started to
 * its last one answered). Latency under 20 clients on a shared machine follows whatever else
 * runs; the CPU an app spends per create does much less, so it says what throughput the app
 * would reach on CPUs of its own.
 */
function cpuPerCall(app: RunningApp, label: string, call: () => Promise<void>, report: string[]) {
  let started = 0;
  let answered = 0;
  let from = 0;
  return async () => {
    started += 1;
    if (started === CLIENTS.warmup + 1) from = appCpuMs(app);
    await call();
    answered += 1;
    if (answered === CLIENTS.warmup + CLIENTS.iterations) {
      report.push(`${label}: ${((appCpuMs(app) - from) / CLIENTS.iterations).toFixed(1)} ms of the app's CPU per create`);
    }
  };
}

/** Creates through the JSON API with the personal token, as a script does. */
function viaApi(app: RunningApp, f: Fixture) {
  const body = JSON.stringify(f.input);
  return async () => {
    const response = await fetch(`${app.origin}/api/comparisons/${f.comparison.id}/annotations`, {
      method: "POST",
      headers: { authorization: `Bearer ${f.token}`, "content-type": "application/json" },
      body,
    });
    if (response.status !== 201) throw new Error(`The API answered ${response.status}: ${await response.text()}`);
  };
}

/** Creates through the server action the annotate view calls, with a session cookie, as the browser does. */
async function viaAction(app: RunningApp, dir: string, f: Fixture) {
  const cookie = await sessionCookie({ ...f.user, token: "" }, app.secret);
  const headers = { cookie, "next-action": createActionId(dir), accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin: app.origin };
  const body = JSON.stringify([f.comparison.id, f.input]);
  return async () => {
    const response = await fetch(`${app.origin}${f.annotatePath}`, { method: "POST", headers, body });
    const text = await response.text();
    if (response.status !== 200 || !text.includes('"ok":true')) throw new Error(`The action answered ${response.status}: ${text.slice(0, 300)}`);
  };
}

export const annotationWrites: Suite = {
  name: "annotation-writes",
  async setup({ db, pg, url }, bench) {
    installDbClient(db, { kind: "postgres", url });
    const f = await fixture(db);
    const before = resolveCommit(process.env.BENCH_BEFORE_REF || DEFAULT_BEFORE);
    const beforeDir = checkoutAt(before);
    const apps: RunningApp[] = [];
    const stop = () => Promise.all(apps.map((app) => app.stop())).then(() => undefined);
    try {
      apps.push(await startApp(url, { dir: beforeDir }));
      apps.push(await startApp(url));
    } catch (error) {
      await stop();
      throw error;
    }
    const [old, now] = apps as [RunningApp, RunningApp];
    const label = `before (${before.slice(0, 7)})`;
    const cpu: string[] = [];

    const insert = `INSERT INTO "Annotation" (id, "comparisonId", "sourceId", "revisionId", "authorId", exact, prefix, suffix, start, "end", "updatedAt")
                    VALUES ($1, $2, $3, $4, $5, 'words', '', '', 0, 5, now())`;
    bench.baseline("raw pg INSERT of an annotation, 20 clients at once", "1 row", () =>
      pg.query(insert, [randomUUID(), f.comparison.id, f.source.id, f.revision.id, f.user.id]), CLIENTS);
    const cases: [string, RunningApp, () => Promise<void>][] = [
      [`create via the JSON API, 20 clients at once, ${label}`, old, viaApi(old, f)],
      ["create via the JSON API, 20 clients at once, this code", now, viaApi(now, f)],
      [`create via the annotate view's server action, 20 clients at once, ${label}`, old, await viaAction(old, beforeDir, f)],
      ["create via the annotate view's server action, 20 clients at once, this code", now, await viaAction(now, ROOT, f)],
    ];
    for (const [name, app, call] of cases) bench.compare(name, "1 annotation", cpuPerCall(app, name, call, cpu), CLIENTS);
    return async () => {
      for (const line of cpu) console.error(`· ${line}`);
      await stop();
    };
  },
};
