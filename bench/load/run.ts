/**
 * `npm run load [-- options]`: N reviewers at once against `npm start` on real Postgres for
 * D seconds, then checks that nothing failed and that every write the app acknowledged is
 * in the database. With --fault, Postgres is stopped in the middle of the load and started
 * again: requests during the outage must fail fast with 503, the app must recover by
 * itself, and acknowledged writes must all be there. See bench/README.md.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDbClient } from "@/lib/server/db/client";
import { deployMigrations } from "@/lib/server/db/schema-engine";
import { openAdapter } from "@/lib/server/db/target";
import { CHANNEL } from "@/lib/server/realtime/bus";
import { startApp } from "@/bench/app";
import { Cleanup, progress, runMain } from "@/bench/cleanup";
import { describeMachine } from "@/bench/machine";
import { createDatabase, externalServer, serverVersion, startThrowawayPostgres, type PostgresServer } from "@/bench/postgres";
import { writeSection } from "@/bench/results-file";
import { openEventStream, type EventStream } from "./event-stream";
import { isAnswered, renderLoadMarkdown, renderLoadText } from "./report";
import { runReviewers, type Acknowledged, type Outcome } from "./reviewers";
import { seedLoad, sessionCookie } from "./seed";

const DEFAULTS = { reviewers: 50, duration: 60, outage: 5, timeout: 10, recovery: 10, maxRequests: 200_000 };
/** A failed request must have been answered within this: our pool gives up connecting after 5 s. */
const FAIL_FAST_MS = 6_000;
/** How long the fault test waits for live updates to come back after the restart. */
const REALTIME_WAIT_MS = 30_000;

const { values: args } = parseArgs({
  options: {
    reviewers: { type: "string", default: String(DEFAULTS.reviewers) },
    duration: { type: "string", default: String(DEFAULTS.duration) },
    fault: { type: "boolean", default: false },
    outage: { type: "string", default: String(DEFAULTS.outage) },
    "stop-mode": { type: "string", default: "fast" },
    timeout: { type: "string", default: String(DEFAULTS.timeout) },
    recovery: { type: "string", default: String(DEFAULTS.recovery) },
    "max-requests": { type: "string", default: String(DEFAULTS.maxRequests) },
  },
});

function positive(name: keyof typeof args): number {
  const value = Number(args[name]);
  if (!(value > 0)) {
    console.error(`--${name} must be a positive number (got “${String(args[name])}”).`);
    process.exit(2);
  }
  return value;
}

const options = {
  reviewers: Math.round(positive("reviewers")),
  durationMs: positive("duration") * 1000,
  fault: args.fault,
  outageMs: positive("outage") * 1000,
  stopMode: args["stop-mode"] as "fast" | "immediate",
  timeoutMs: positive("timeout") * 1000,
  recoveryMs: positive("recovery") * 1000,
  maxRequests: Math.round(positive("max-requests")),
};
if (options.stopMode !== "fast" && options.stopMode !== "immediate") {
  console.error(`--stop-mode is fast or immediate (got “${options.stopMode}”).`);
  process.exit(2);
}

const cleanup = new Cleanup();

interface Check {
  label: string;
  ok: boolean;
  detail: string;
}

const check = (label: string, ok: boolean, detail = ""): Check => ({ label, ok, detail });

async function main(): Promise<number> {
  const started = new Date();
  const machine = describeMachine();
  const server = await postgresServer();
  cleanup.add("stop Postgres", server.stop);
  const postgres = `${await serverVersion(server.url)}; ${server.origin}`;

  progress("fresh database, migrations, reviewers and their tokens");
  const database = await createDatabase(server.url, options.fault ? "fault" : "load");
  cleanup.add("drop the database", database.drop);
  const { factory } = openAdapter({ kind: "postgres", url: database.url });
  await deployMigrations(factory, { migrationsDir: path.resolve(import.meta.dirname, "../../prisma/migrations") });
  const db = createDbClient(factory);
  cleanup.add("disconnect Prisma", () => db.$disconnect());
  const fixture = await seedLoad(db, database.url, options.reviewers);

  progress("starting the app (npm start builds first when the code changed)");
  const app = await startApp(database.url);
  cleanup.add("stop the app", app.stop);
  const cookies = await Promise.all(fixture.reviewers.map((r) => sessionCookie(r, app.secret)));

  // First requests compile routes and warm caches: two reviewers, a few seconds, not in the table.
  progress("warming up");
  const warmup = await runReviewers({
    origin: app.origin,
    fixture: { ...fixture, reviewers: fixture.reviewers.slice(0, 2) },
    cookies,
    deadline: performance.now() + 3_000,
    timeoutMs: options.timeoutMs,
    maxRequests: options.maxRequests,
  });

  const fault = options.fault ? await armFault(server, app.origin, fixture.comparisonId, cookies[0]!) : undefined;
  progress(`${options.reviewers} reviewers for ${options.durationMs / 1000} s${options.fault ? `, Postgres stopped (${options.stopMode}) for ${options.outageMs / 1000} s in the middle` : ""}`);
  const start = performance.now();
  const run = await runReviewers({
    origin: app.origin,
    fixture,
    cookies,
    deadline: start + options.durationMs,
    timeoutMs: options.timeoutMs,
    maxRequests: options.maxRequests,
    onOutcome: fault?.onOutcome,
  });
  const seconds = (performance.now() - start) / 1000;
  const window = await fault?.finish();

  progress("looking for every acknowledged write in the database");
  const missing = await findMissing(database.url, merge(warmup.acknowledged, run.acknowledged));
  const outcomes = [...warmup.outcomes, ...run.outcomes];
  const checks = [...commonChecks(outcomes, missing), ...(window ? faultChecks(outcomes, window) : [quietChecks(outcomes)])];
  if (window) checks.push(await realtimeCheck(window, app.origin, cookies[0]!, database.url, fixture.comparisonId));

  const table = renderLoadText(run.outcomes, seconds);
  console.log(table);
  console.log(`\nwrites acknowledged: ${missing.annotations} annotations (${missing.updates} with updates), ${missing.replies} replies; missing: ${missing.missing.length}`);
  if (window) console.log(outageSummary(run.outcomes, window));
  for (const c of checks) console.log(`${c.ok ? "PASS" : "FAIL"}  ${c.label}${c.detail ? `: ${c.detail}` : ""}`);
  if (!checks.every((c) => c.ok)) console.log(`\nThe app's last output:\n${(await readFile(app.logPath, "utf8")).split("\n").slice(-40).join("\n")}`);

  const full = options.reviewers === DEFAULTS.reviewers && options.durationMs === DEFAULTS.duration * 1000;
  if (full) {
    await writeSection(
      options.fault ? "fault" : "load",
      resultsSection({ started, machine, postgres, seconds, outcomes: run.outcomes, missing, checks, window }),
    );
    progress("results written to bench/RESULTS.md");
  }
  return checks.every((c) => c.ok) ? 0 : 1;
}

async function postgresServer(): Promise<PostgresServer> {
  const url = process.env.BENCH_DATABASE_URL?.trim();
  if (url && !options.fault) {
    progress("using the server in BENCH_DATABASE_URL");
    return externalServer(url);
  }
  // The fault test restarts the server, which it may only do to a cluster of its own.
  progress(url ? "--fault restarts Postgres: starting a throwaway cluster instead of BENCH_DATABASE_URL" : "starting a throwaway Postgres cluster");
  return startThrowawayPostgres();
}

// ---------------------------------------------------------------------------
// The fault: Postgres stopped and started again while the reviewers work

interface OutageWindow {
  /** When the stop began and when the server accepted connections again (performance.now()). */
  haltAt: number;
  resumedAt: number;
  /** The live stream opened before the outage. */
  stream: EventStream;
}

/**
 * Opens a live stream, then stops Postgres once the load has run for 30% of its time (the
 * first outcome after that moment triggers it) and starts it again after the outage.
 * `finish` waits for the server to be back, and fails when the load ended first.
 */
async function armFault(server: PostgresServer, origin: string, comparisonId: string, cookie: string) {
  const control = server.control;
  if (!control) throw new Error("The fault test needs a Postgres cluster it can stop and start.");
  const stream = await openEventStream(`${origin}/api/comparisons/${comparisonId}/events`, cookie);
  cleanup.add("close the event stream", async () => stream.close());
  let begin: number | undefined;
  let outage: Promise<OutageWindow> | undefined;
  const stage = async (): Promise<OutageWindow> => {
    const haltAt = performance.now();
    progress(`stopping Postgres (${options.stopMode})`);
    await control.halt(options.stopMode);
    await sleep(Math.max(0, haltAt + options.outageMs - performance.now()));
    progress("starting Postgres again");
    await control.resume();
    return { haltAt, resumedAt: performance.now(), stream };
  };
  return {
    onOutcome: (outcome: Outcome) => {
      begin ??= outcome.sentAt;
      if (outage || outcome.doneAt - begin < options.durationMs * 0.3) return;
      outage = stage();
      // Awaited in finish(); until then a failure must not count as unhandled.
      outage.catch(() => {});
    },
    finish: (): Promise<OutageWindow> => outage ?? Promise.reject(new Error("The load ended before the outage was due: raise --duration.")),
  };
}

function faultChecks(outcomes: readonly Outcome[], { haltAt, resumedAt }: OutageWindow): Check[] {
  const failed = outcomes.filter((o) => !isAnswered(o));
  const early = failed.filter((o) => o.doneAt < haltAt);
  const api = failed.filter((o) => o.kind !== "page");
  const badApi = api.filter((o) => o.status !== 503 || o.retryAfter === null || o.errorCode !== "DATABASE_UNAVAILABLE");
  const pages = failed.filter((o) => o.kind === "page");
  const badPages = pages.filter((o) => o.status < 500 || !o.mentionsOutage);
  const hung = failed.filter((o) => o.status === 0);
  const slowest = Math.max(0, ...failed.map((o) => o.doneAt - o.sentAt));
  const lastFailure = Math.max(resumedAt, ...failed.map((o) => o.doneAt));
  const recovery = lastFailure - resumedAt;
  const afterwards = outcomes.filter((o) => o.sentAt > lastFailure);
  return [
    check("the outage was felt", failed.length > 0, `${failed.length} requests failed while Postgres was away`),
    check("nothing failed before the outage", early.length === 0, early.length ? statuses(early) : ""),
    check("API requests failed with 503, Retry-After and DATABASE_UNAVAILABLE", badApi.length === 0, `${api.length - badApi.length} of ${api.length}${badApi.length ? `; others: ${statuses(badApi)}` : ""}`),
    check("pages failed with the database message", badPages.length === 0, `${pages.length - badPages.length} of ${pages.length}, status ${[...new Set(pages.map((o) => o.status))].join("/") || "none"}${badPages.length ? `; others: ${statuses(badPages)}` : ""}`),
    check("no request hung", hung.length === 0 && slowest < FAIL_FAST_MS, `slowest failure ${Math.round(slowest)} ms (limit ${FAIL_FAST_MS} ms), ${hung.length} without an answer`),
    check(
      `recovered by itself within ${options.recoveryMs / 1000} s`,
      recovery <= options.recoveryMs && afterwards.some(isAnswered),
      `last failure ${(recovery / 1000).toFixed(2)} s after Postgres was back; ${afterwards.length} requests after it, all answered`,
    ),
  ];
}

/**
 * Live updates after the restart: the stream opened before the outage is ended by the
 * server once its LISTEN connection is back (the browser then reconnects and re-fetches),
 * and a stream opened afterwards receives a NOTIFY sent by another "instance".
 */
async function realtimeCheck(window: OutageWindow, origin: string, cookie: string, databaseUrl: string, comparisonId: string): Promise<Check> {
  const label = "live updates came back after the restart";
  const ended = await Promise.race([window.stream.ended, sleep(REALTIME_WAIT_MS).then(() => undefined)]);
  if (ended === undefined) return check(label, false, `the stream opened before the outage was not ended within ${REALTIME_WAIT_MS / 1000} s`);
  const stream = await openEventStream(`${origin}/api/comparisons/${comparisonId}/events`, cookie);
  const probe = `probe-${Date.now()}`;
  const payload = JSON.stringify({ origin: "load-test", event: { comparisonId, type: "annotation", id: probe, action: "updated" } });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let arrived = false;
  try {
    // Repeated, as another instance's events keep coming: a NOTIFY reaches only connections
    // that LISTEN at that moment, and the app may be opening its LISTEN connection just now
    // (it closes it after 30 s without viewers).
    for (let tries = 0; tries < 20 && !arrived; tries++) {
      await client.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]);
      arrived = await stream.waitForId(probe, 500);
    }
  } finally {
    await client.end();
    stream.close();
  }
  return check(
    label,
    arrived,
    `the old stream was ended ${((ended - window.resumedAt) / 1000).toFixed(1)} s after Postgres was back; a NOTIFY from another instance ${arrived ? "reached" : "did not reach"} a new stream`,
  );
}

function outageSummary(outcomes: readonly Outcome[], { haltAt, resumedAt }: OutageWindow): string {
  const failed = outcomes.filter((o) => !isAnswered(o));
  const lastFailure = Math.max(resumedAt, ...failed.map((o) => o.doneAt));
  return [
    `Postgres was away for ${((resumedAt - haltAt) / 1000).toFixed(1)} s (stop to accepting connections again);`,
    `${failed.length} requests failed, the last ${((lastFailure - resumedAt) / 1000).toFixed(2)} s after it was back.`,
  ].join(" ");
}

// ---------------------------------------------------------------------------
// Checks for every run

function commonChecks(outcomes: readonly Outcome[], missing: Missing): Check[] {
  const serverErrors = outcomes.filter((o) => o.status >= 500 && !(options.fault && o.mentionsOutage));
  const rejected = outcomes.filter((o) => o.status >= 400 && o.status < 500 && o.status !== 409);
  const leaks = outcomes.filter((o) => o.leaksStack);
  return [
    check(options.fault ? "no 5xx other than the outage's" : "no 5xx", serverErrors.length === 0, serverErrors.length ? statuses(serverErrors) : ""),
    check("no unexpected 4xx (409 conflicts are expected)", rejected.length === 0, rejected.length ? statuses(rejected) : ""),
    check("no stack trace in any response", leaks.length === 0, leaks.length ? statuses(leaks) : ""),
    check("every acknowledged write is in the database", missing.missing.length === 0, missing.missing.slice(0, 5).join("; ")),
  ];
}

/** Without a fault, every request gets an answer in time. */
function quietChecks(outcomes: readonly Outcome[]): Check {
  const unanswered = outcomes.filter((o) => o.status === 0);
  return check(`every request answered within ${options.timeoutMs / 1000} s`, unanswered.length === 0, unanswered.length ? statuses(unanswered) : "");
}

/** e.g. "create 503 ×12, page 500 ×3, update timeout ×1" */
function statuses(outcomes: readonly Outcome[]): string {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    const key = `${o.kind} ${o.status === 0 ? o.failure : o.status}${o.errorCode ? ` ${o.errorCode}` : ""}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).join(", ");
}

// ---------------------------------------------------------------------------
// Acknowledged writes, looked for in the database

interface Missing {
  annotations: number;
  updates: number;
  replies: number;
  /** One line per write the database does not have. */
  missing: string[];
}

function merge(a: Acknowledged, b: Acknowledged): Acknowledged {
  return { annotations: new Map([...a.annotations, ...b.annotations]), replies: new Set([...a.replies, ...b.replies]) };
}

/**
 * Every acknowledged annotation by id, at its acknowledged version or later (a later one
 * when an update was applied but its answer was lost), and every acknowledged reply.
 */
async function findMissing(url: string, acknowledged: Acknowledged): Promise<Missing> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ids = [...acknowledged.annotations.keys()];
    const annotations = await client.query<{ id: string; version: number }>(`SELECT id, version FROM "Annotation" WHERE id = ANY($1)`, [ids]);
    const stored = new Map(annotations.rows.map((r) => [r.id, r.version]));
    const replies = await client.query<{ id: string }>(`SELECT id FROM "Reply" WHERE id = ANY($1)`, [[...acknowledged.replies]]);
    const storedReplies = new Set(replies.rows.map((r) => r.id));
    const missing: string[] = [];
    for (const [id, version] of acknowledged.annotations) {
      const found = stored.get(id);
      if (found === undefined) missing.push(`annotation ${id} is not stored`);
      else if (found < version) missing.push(`annotation ${id} is at version ${found}, version ${version} was acknowledged`);
    }
    for (const id of acknowledged.replies) if (!storedReplies.has(id)) missing.push(`reply ${id} is not stored`);
    return {
      annotations: acknowledged.annotations.size,
      updates: [...acknowledged.annotations.values()].filter((v) => v > 1).length,
      replies: acknowledged.replies.size,
      missing,
    };
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------
// RESULTS.md

interface SectionInput {
  started: Date;
  machine: ReturnType<typeof describeMachine>;
  postgres: string;
  seconds: number;
  outcomes: readonly Outcome[];
  missing: Missing;
  checks: Check[];
  window: OutageWindow | undefined;
}

function resultsSection({ started, machine, postgres, seconds, outcomes, missing, checks, window }: SectionInput): string {
  const title = window
    ? `## Fault test: Postgres stopped (${options.stopMode}) for ${options.outageMs / 1000} s during the load`
    : `## Load test: ${options.reviewers} reviewers for ${options.durationMs / 1000} s`;
  return `${title}

Written by \`npm run load${window ? " -- --fault" : ""}\` on ${started.toISOString().replace(/\.\d+Z$/, "Z")}: ${machine.cpu}, ${machine.cores} cores,
${machine.memory}, ${machine.os}, Node ${machine.node}, Postgres ${postgres}; load average at start ${machine.load}.
Every reviewer sends one request at a time, without pause; the load generator runs on the same machine.

${renderLoadMarkdown(outcomes, seconds)}

Writes acknowledged: ${missing.annotations} annotations (${missing.updates} of them updated), ${missing.replies} replies; missing from the database: ${missing.missing.length}.${window ? `\n${outageSummary(outcomes, window)}` : ""}

${checks.map((c) => `- ${c.ok ? "PASS" : "FAIL"} ${c.label}${c.detail ? `: ${c.detail}` : ""}`).join("\n")}
`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

runMain(main, cleanup);
