/**
 * `npm run bench:cli`: the command line at scale (issue 13) on a real Postgres server.
 * - start-up: `npm run cli -- --help`, cold, five times (median);
 * - import: a W3C annotation file of 100,000 annotations over 20 sources, as Parallax
 *   exports them, through `npm run cli -- import` on a freshly migrated database: wall time
 *   and peak memory (the CLI process's maximum resident set, from GNU time).
 * With BENCH_BASELINE_DIR (a checkout of an earlier commit, with node_modules and
 * lib/generated linked in: see bench/README.md) it also runs that code's CLI, and this one,
 * on a smaller file in the same run, for the ratio. Writes the `cli-scale` section of
 * bench/RESULTS.md.
 */
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { createDbClient } from "@/lib/server/db/client";
import { deployMigrations } from "@/lib/server/db/schema-engine";
import { openAdapter } from "@/lib/server/db/target";
import { Cleanup, progress, runMain } from "@/bench/cleanup";
import { seedComparison, type SeededComparison } from "@/bench/fixtures/comparison";
import { createRandom } from "@/bench/fixtures/random";
import { describeMachine } from "@/bench/machine";
import { createDatabase, externalServer, serverVersion, startThrowawayPostgres } from "@/bench/postgres";
import { writeSection } from "@/bench/results-file";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const LARGE = Number(process.env.BENCH_CLI_ANNOTATIONS ?? 100_000);
const SMALL = Number(process.env.BENCH_CLI_BASELINE_ANNOTATIONS ?? 10_000);
const TAGS = ["Loaded language", "Euphemism", "Passive voice", "Attribution", "Omission"];

const cleanup = new Cleanup();

interface Measured {
  seconds: number;
  peakMb: number;
  output: string;
}

/** Runs a command under GNU time; its wall time and the peak resident memory of the process. */
async function timed(command: string[], cwd: string, { env = process.env, mayFail = false }: { env?: NodeJS.ProcessEnv; mayFail?: boolean } = {}): Promise<Measured> {
  const child = spawn("/usr/bin/time", ["-f", "BENCH %e %M", ...command], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d));
  child.stderr.on("data", (d: Buffer) => (output += d));
  const [code] = (await once(child, "close")) as [number];
  const match = /BENCH ([\d.]+) (\d+)\s*$/.exec(output);
  if (!match) throw new Error(`${command.join(" ")} gave no timing:\n${output}`);
  if (code !== 0 && !mayFail) throw new Error(`${command.join(" ")} failed (${code}):\n${output}`);
  return { seconds: Number(match[1]), peakMb: Number(match[2]) / 1024, output };
}

/** A Parallax-shaped JSON-LD export of `count` annotations spread over the seeded sources, written in pieces. */
async function writeAnnotationFile(file: string, seeded: SeededComparison, count: number) {
  const out = createWriteStream(file);
  const base = "https://parallax.example/w/bench/c/flood-barrier";
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(`{"@context":["http://www.w3.org/ns/anno.jsonld"],"id":"${base}/export","type":"AnnotationCollection","first":{"type":"AnnotationPage","items":[\n`);
  const spans = seeded.sources.map((s) => ({ source: s, words: [...s.text.matchAll(/\S+/g)] }));
  for (let i = 0; i < count; i++) {
    // Each annotation marks different words, or the same words with another tag: none is a duplicate.
    const { source, words } = spans[i % spans.length]!;
    const k = Math.floor(i / spans.length);
    const starts = words.length - 5;
    const at = k % starts;
    const start = words[at]!.index;
    const last = words[at + (Math.floor(k / starts) % 4)]!;
    const tag = TAGS[Math.floor(k / (starts * 4)) % TAGS.length];
    const end = last.index + last[0].length;
    const created = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    const item = {
      id: `${base}/annotations/${i}`,
      type: "Annotation",
      motivation: "tagging",
      created,
      modified: created,
      creator: { id: `https://parallax.example/w/bench/members#user-${seeded.userId}`, type: "Person", name: "Bench Editor" },
      body: [
        { type: "TextualBody", purpose: "tagging", value: tag, "parallax:tagSet": "Framing devices" },
        ...(i % 3 === 0 ? [{ type: "TextualBody", purpose: "commenting", value: `Reviewer note ${i}`, format: "text/plain" }] : []),
      ],
      target: {
        type: "SpecificResource",
        source: { id: `${base}/sources/${source.id}?revision=1`, type: "Text", format: "text/plain" },
        selector: [
          { type: "TextQuoteSelector", exact: source.text.slice(start, end), prefix: source.text.slice(Math.max(0, start - 32), start), suffix: source.text.slice(end, end + 32) },
          { type: "TextPositionSelector", start, end },
        ],
      },
    };
    await write(`${i ? ",\n" : ""}${JSON.stringify(item)}`);
  }
  await write("\n]}}\n");
  out.end();
  await once(out, "finish");
}

/** A fresh migrated database with the bench comparison (20 sources of 1,500 words) and its annotation file. */
async function prepare(serverUrl: string, label: string, count: number, dir: string) {
  const database = await createDatabase(serverUrl, label);
  cleanup.add(`drop the ${label} database`, database.drop);
  const { factory } = openAdapter({ kind: "postgres", url: database.url });
  await deployMigrations(factory, { migrationsDir });
  const db = createDbClient(factory);
  const seeded = await seedComparison(db, createRandom(13), { sources: 20, words: 1_500 });
  await db.$disconnect();
  const file = path.join(dir, `${label}.jsonld`);
  await writeAnnotationFile(file, seeded, count);
  return { url: database.url, file };
}

async function importWith(codeDir: string, serverUrl: string, label: string, count: number, dir: string): Promise<Measured> {
  progress(`${label}: seeding and writing ${count.toLocaleString("en")} annotations`);
  const { url, file } = await prepare(serverUrl, label, count, dir);
  progress(`${label}: importing`);
  const cli = codeDir === root ? ["node", "--import", "tsx", "--conditions=react-server", "scripts/cli.ts"] : ["node_modules/.bin/tsx", "--conditions=react-server", "scripts/cli.ts"];
  const measured = await timed([...cli, "import", file, "--workspace", "bench", "--comparison", "flood-barrier"], codeDir, { env: { ...process.env, DATABASE_URL: url } });
  if (!measured.output.includes(`${count} annotations imported`)) throw new Error(`${label}: unexpected output\n${measured.output}`);
  return measured;
}

/** Median of five cold starts; the baseline CLI exits 2 after printing its usage, as it had no --help. */
async function startUp(codeDir: string, args: string[]): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push((await timed(["npm", "run", "-s", "cli", "--", ...args], codeDir, { mayFail: args.length === 0 })).seconds);
  return runs.sort((a, b) => a - b)[2]!;
}

async function main(): Promise<number> {
  const started = new Date();
  const machine = describeMachine();
  const baselineDir = process.env.BENCH_BASELINE_DIR ? path.resolve(process.env.BENCH_BASELINE_DIR) : undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-bench-cli-"));
  cleanup.add("remove the annotation files", () => rm(dir, { recursive: true, force: true }));
  const serverUrl = process.env.BENCH_DATABASE_URL?.trim();
  progress(serverUrl ? "using the server in BENCH_DATABASE_URL" : "starting a throwaway Postgres cluster");
  const server = serverUrl ? externalServer(serverUrl) : await startThrowawayPostgres();
  cleanup.add("stop Postgres", server.stop);
  const postgres = await serverVersion(server.url);

  progress("start-up: npm run cli -- --help");
  const help = await startUp(root, ["--help"]);
  const large = await importWith(root, server.url, "import-large", LARGE, dir);
  const rows = [
    `| \`npm run cli -- --help\`, cold (median of 5) | ${help.toFixed(2)} s | ≤ 2 s |`,
    `| import of ${LARGE.toLocaleString("en")} annotations: wall time | ${large.seconds.toFixed(1)} s | ≤ 60 s |`,
    `| import of ${LARGE.toLocaleString("en")} annotations: peak memory (RSS) | ${Math.round(large.peakMb)} MB | ≤ 600 MB |`,
  ];
  if (baselineDir) {
    progress("baseline start-up (the old CLI printed its usage for any unknown call)");
    const oldHelp = await startUp(baselineDir, []);
    const oldSmall = await importWith(baselineDir, server.url, "import-baseline", SMALL, dir);
    const newSmall = await importWith(root, server.url, "import-small", SMALL, dir);
    rows.push(
      `| start-up, baseline (usage printed, every command's modules loaded) | ${oldHelp.toFixed(2)} s | ratio ${(help / oldHelp).toFixed(2)}× |`,
      `| import of ${SMALL.toLocaleString("en")} annotations: baseline / this code, wall time | ${oldSmall.seconds.toFixed(1)} s / ${newSmall.seconds.toFixed(1)} s | ratio ${(newSmall.seconds / oldSmall.seconds).toFixed(2)}× |`,
      `| import of ${SMALL.toLocaleString("en")} annotations: baseline / this code, peak memory | ${Math.round(oldSmall.peakMb)} MB / ${Math.round(newSmall.peakMb)} MB | ratio ${(newSmall.peakMb / oldSmall.peakMb).toFixed(2)}× |`,
    );
  }
  const seconds = Math.round((Date.now() - started.getTime()) / 1000);
  const markdown = [
    "## Command line at scale (issue 13): start-up and streaming import",
    "",
    `Run ${started.toISOString()} by \`npm run bench:cli\` in ${seconds} s on ${machine.cpu}, ${machine.cores} cores, ${machine.memory}, ${machine.os}, Node ${machine.node}, load ${machine.load} at start (a shared machine); ${postgres}.`,
    `The file: a Parallax-shaped AnnotationCollection over 20 sources of 1,500 words, each annotation with a quote and a position selector, a tag of five, a comment on every third. ${baselineDir ? `Baseline: ${process.env.BENCH_BASELINE_LABEL ?? path.basename(baselineDir)}, measured in the same run on a fresh database each.` : "No baseline in this run (set BENCH_BASELINE_DIR)."}`,
    "",
    "| Measure | Figure | Target / ratio |",
    "| --- | --- | --- |",
    ...rows,
  ].join("\n");
  console.log(markdown);
  await writeSection("cli-scale", markdown);
  return 0;
}

runMain(main, cleanup);
