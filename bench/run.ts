/**
 * `npm run bench [-- <filter>…]`: runs the suites of bench/suites (those whose name contains a
 * filter, or all), each on its own freshly migrated database on a real Postgres server, prints
 * one table and, after a full run, records it with the machine in bench/RESULTS.md.
 * See bench/README.md.
 */
import path from "node:path";
import pg from "pg";
import { createDbClient } from "@/lib/server/db/client";
import { deployMigrations } from "@/lib/server/db/schema-engine";
import { openAdapter } from "@/lib/server/db/target";
import { Cleanup, progress, runMain } from "@/bench/cleanup";
import { renderMarkdown, renderText, runSuite, type ResultRow, type Suite } from "@/bench/harness";
import { describeMachine, type Machine } from "@/bench/machine";
import { createDatabase, externalServer, serverVersion, startThrowawayPostgres } from "@/bench/postgres";
import { resultsPath, writeBenchmarkResults } from "@/bench/results-file";
import { suites } from "@/bench/suites";

const root = path.resolve(import.meta.dirname, "..");
const migrationsDir = path.join(root, "prisma", "migrations");

const cleanup = new Cleanup();

async function main(selected: readonly Suite[]): Promise<number> {
  const started = new Date();
  const machine = describeMachine();
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  progress(serverUrl ? "using the server in BENCH_DATABASE_URL" : "starting a throwaway Postgres cluster");
  const server = serverUrl ? externalServer(serverUrl) : await startThrowawayPostgres();
  cleanup.add("stop Postgres", server.stop);
  const postgres = `${await serverVersion(server.url)}; ${server.origin}`;

  const rows: ResultRow[] = [];
  for (const suite of selected) rows.push(...(await runOnFreshDatabase(suite, server.url)));

  console.log(renderText(rows));
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  // A partial run would overwrite the record of the others with nothing.
  if (selected.length < suites.length) {
    progress(`filtered run (${seconds} s): ${path.relative(root, resultsPath)} keeps the last full run`);
  } else {
    await writeBenchmarkResults(resultsMarkdown(rows, { started, seconds, machine, postgres }));
    progress(`${seconds} s; figures and machine written to ${path.relative(root, resultsPath)}`);
  }
  return 0;
}

async function runOnFreshDatabase(suite: Suite, serverUrl: string): Promise<ResultRow[]> {
  const mark = cleanup.mark;
  try {
    progress(`${suite.name}: fresh database, migrations`);
    const database = await createDatabase(serverUrl, suite.name);
    cleanup.add(`drop the ${suite.name} database`, database.drop);
    const { factory } = openAdapter({ kind: "postgres", url: database.url });
    await deployMigrations(factory, { migrationsDir });
    const db = createDbClient(factory);
    cleanup.add("disconnect Prisma", () => db.$disconnect());
    const pool = new pg.Pool({ connectionString: database.url });
    cleanup.add("close the pg pool", () => pool.end());
    return await runSuite(suite, { db, pg: pool, url: database.url }, progress);
  } finally {
    await cleanup.unwind(mark);
  }
}

interface RunInfo {
  started: Date;
  seconds: number;
  machine: Machine;
  postgres: string;
}

function resultsMarkdown(rows: readonly ResultRow[], { started, seconds, machine, postgres }: RunInfo): string {
  return `# Benchmark results

Written by \`npm run bench\` (bench/run.ts) after its last full run. The sections below the
table are kept across runs: the load and fault tests' are written by \`npm run load\`
(bench/load/run.ts) after its last full runs, the others are notes on measurements made by hand.
What each row measures and how to read the ratios: [README.md](README.md).

## Machine

| | |
| --- | --- |
| date | ${started.toISOString().replace(/\.\d+Z$/, "Z")} |
| CPU | ${machine.cpu} |
| cores | ${machine.cores} |
| memory | ${machine.memory} |
| OS | ${machine.os} |
| Node | ${machine.node} |
| Postgres | ${postgres} |
| load average at start (1 min) | ${machine.load} |
| run time | ${seconds} s |

## Results

Times per call; "vs baseline" is the median over the median of the baseline row above it,
measured in the same run.

${renderMarkdown(rows)}
`;
}

const filters = process.argv.slice(2);
const selected = filters.length ? suites.filter((s) => filters.some((f) => s.name.includes(f.toLowerCase()))) : suites;
if (!selected.length) {
  console.error(`No suite matches "${filters.join('", "')}". Suites: ${suites.map((s) => s.name).join(", ")}.`);
  process.exit(2);
}

runMain(() => main(selected), cleanup);
