/**
 * The measuring kit: time a function, summarise its samples, run a suite's cases against its
 * baselines, and render the results as a text or Markdown table.
 *
 * Machines are shared and noisy, so absolute times move from run to run. Every case is
 * therefore reported as a ratio to a baseline measured in the same run, on the same data, a
 * few seconds apart: that ratio moves only when the code under test changes relative to the
 * baseline. Median and p95 instead of mean: one GC pause or a neighbour's burst should move
 * the tail, not the headline figure.
 */
import v8 from "node:v8";
import vm from "node:vm";
import type pg from "pg";
import type { Db } from "@/lib/server/db/client";

export interface MeasureOptions {
  /** Timed calls. */
  iterations: number;
  /**
   * Measures the memory one call needs (see `MemoryUse`), once, untimed, after the timed
   * calls. Reported beside the times, with its ratio to the baseline's when both have one.
   */
  memory?: () => Promise<MemoryUse>;
  /** Untimed calls first, so JIT compilation, caches and connection pools are warm. */
  warmup: number;
  /**
   * Callers at once (default 1). Each sample is still one call's latency, measured while
   * the other callers keep the system busy, as with several users at the same time.
   */
  concurrency?: number;
}

/** A target from the issues, e.g. `{ belowMs: 50 }` for "< 50 ms". Reported, never enforced. */
export interface Target {
  belowMs: number;
}

export interface CaseOptions extends MeasureOptions {
  target?: Target;
}

export interface Measurement {
  name: string;
  size: string;
  /** Milliseconds per call, in the order they were taken. */
  samples: number[];
}

/** How much memory a call held at its peak above where it started, in bytes. */
export interface MemoryUse {
  heap: number;
  rss: number;
}

let gc: (() => void) | undefined;

/**
 * A full garbage collection, so the heap holds only what is still reachable. Node exposes
 * `gc` only with --expose-gc; the flag can be set at run time, and a new context then has it.
 */
export function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}

/**
 * Tracks the most memory still in use at the points `sample` is called (after a full
 * garbage collection each time, so garbage waiting for the collector does not count):
 * what a streaming operation keeps alive while it runs, which is what must not grow with
 * the size of its input.
 */
export function memoryTracker() {
  collectGarbage();
  const start = { heap: process.memoryUsage().heapUsed, rss: process.memoryUsage.rss() };
  const peak: MemoryUse = { heap: 0, rss: 0 };
  return {
    sample(): void {
      collectGarbage();
      peak.heap = Math.max(peak.heap, process.memoryUsage().heapUsed - start.heap);
      peak.rss = Math.max(peak.rss, process.memoryUsage.rss() - start.rss);
    },
    peak: (): MemoryUse => ({ ...peak }),
  };
}

/** Times `fn` `iterations` times after `warmup` untimed calls. Async functions are awaited. */
export async function measure(
  name: string,
  size: string,
  fn: () => unknown,
  { iterations, warmup, concurrency = 1 }: MeasureOptions,
): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await fn();
  if (concurrency > 1) return { name, size, samples: await measureConcurrently(fn, iterations, concurrency) };
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    const result = fn();
    // Await only thenables: awaiting a plain value would add a microtask turn to every timed
    // call of the synchronous functions. Not `instanceof Promise`: Prisma's queries are lazy
    // thenables that run only once awaited, so that test would time building the query.
    if (isThenable(result)) await result;
    samples.push(performance.now() - start);
    // Between samples, outside the timing: let Ctrl-C, timers and socket events be handled
    // here rather than inside the next sample (a synchronous loop would defer them all).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { name, size, samples };
}

/** `concurrency` callers take calls from one shared count until `iterations` have been made. */
async function measureConcurrently(fn: () => unknown, iterations: number, concurrency: number): Promise<number[]> {
  const samples: number[] = [];
  let started = 0;
  const caller = async () => {
    while (started < iterations) {
      started++;
      const start = performance.now();
      await fn();
      samples.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  return samples;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Nearest-rank percentile: a sample that was actually observed, never an interpolation. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

// ---------------------------------------------------------------------------
// Suites

/** What a suite gets: its own freshly migrated database on the benchmark server. */
export interface SuiteContext {
  /** Prisma client on the suite's database. */
  db: Db;
  /** Plain `pg` pool on the same database, for raw-SQL baselines. */
  pg: pg.Pool;
  /** Connection string of the suite's database. */
  url: string;
}

export interface Bench {
  /** Registers a baseline; the `compare` calls that follow are reported as ratios to it. */
  baseline(name: string, size: string, fn: () => unknown, options: MeasureOptions): void;
  /** Registers a case, reported as a ratio to the latest baseline. */
  compare(name: string, size: string, fn: () => unknown, options: CaseOptions): void;
}

export interface Suite {
  /** Short lower-case name: shown in the table and matched by `npm run bench -- <filter>`. */
  name: string;
  /**
   * Builds the suite's data (untimed) and registers its cases. The runner measures them after
   * setup returns, then drops the database. A suite that starts something (an app server)
   * returns the function that stops it; the runner calls it when the suite is done.
   */
  setup(context: SuiteContext, bench: Bench): Promise<void | (() => Promise<void>)> | void;
}

interface Case {
  name: string;
  size: string;
  fn: () => unknown;
  options: CaseOptions;
}

interface Group {
  baseline: Case;
  cases: Case[];
}

/** One line of the results table. Times in milliseconds. */
export interface ResultRow {
  suite: string;
  name: string;
  size: string;
  runs: number;
  median: number;
  p95: number;
  /** This row's median over its baseline's median; null on the baseline row itself. */
  ratio: number | null;
  target?: Target;
  /** With `memory`: what one call held at its peak, and the heap's ratio to the baseline's. */
  memory?: MemoryUse & { ratio: number | null };
}

/**
 * Sets the suite up and measures each baseline and its cases. A baseline is measured in two
 * halves, before and after its cases, with the samples pooled: if the machine gets busier
 * or quieter halfway through, both sides of the ratio see it.
 */
export async function runSuite(
  suite: Suite,
  context: SuiteContext,
  progress: (message: string) => void,
): Promise<ResultRow[]> {
  const groups: Group[] = [];
  const teardown = await suite.setup(context, {
    baseline: (name, size, fn, options) => groups.push({ baseline: { name, size, fn, options }, cases: [] }),
    compare: (name, size, fn, options) => {
      const group = groups.at(-1);
      if (!group) throw new Error(`${suite.name}: "${name}" is registered before any baseline to compare it with.`);
      group.cases.push({ name, size, fn, options });
    },
  });

  try {
    return await measureGroups(suite.name, groups, progress);
  } finally {
    await teardown?.();
  }
}

async function measureGroups(suiteName: string, groups: Group[], progress: (message: string) => void): Promise<ResultRow[]> {
  const rows: ResultRow[] = [];
  for (const { baseline, cases } of groups) {
    const half = Math.ceil(baseline.options.iterations / 2);
    progress(`${suiteName}: ${baseline.name} (baseline)`);
    const before = await measure(baseline.name, baseline.size, baseline.fn, { ...baseline.options, iterations: half });
    const measured: { measurement: Measurement; target?: Target }[] = [];
    for (const c of cases) {
      progress(`${suiteName}: ${c.name}`);
      measured.push({ measurement: await measure(c.name, c.size, c.fn, c.options), target: c.options.target });
    }
    const after = await measure(baseline.name, baseline.size, baseline.fn, {
      ...baseline.options,
      iterations: baseline.options.iterations - half,
    });

    const baselineSamples = [...before.samples, ...after.samples];
    const baselineMedian = median(baselineSamples);
    const baselineMemory = await probeMemory(suiteName, baseline, progress);
    rows.push({ ...summarise(suiteName, { ...before, samples: baselineSamples }, null), ...withMemory(baselineMemory, undefined) });
    for (const [i, { measurement, target }] of measured.entries()) {
      const memory = await probeMemory(suiteName, cases[i]!, progress);
      rows.push({ ...summarise(suiteName, measurement, median(measurement.samples) / baselineMedian, target), ...withMemory(memory, baselineMemory) });
    }
  }
  return rows;
}

async function probeMemory(suiteName: string, c: Case, progress: (message: string) => void): Promise<MemoryUse | undefined> {
  if (!c.options.memory) return undefined;
  progress(`${suiteName}: ${c.name} (memory)`);
  return c.options.memory();
}

function withMemory(memory: MemoryUse | undefined, baseline: MemoryUse | undefined): Pick<ResultRow, "memory"> {
  if (!memory) return {};
  return { memory: { ...memory, ratio: baseline && baseline.heap > 0 ? memory.heap / baseline.heap : null } };
}

function summarise(suite: string, { name, size, samples }: Measurement, ratio: number | null, target?: Target): ResultRow {
  return { suite, name, size, runs: samples.length, median: median(samples), p95: percentile(samples, 95), ratio, target };
}

// ---------------------------------------------------------------------------
// Tables

const HEADERS = ["suite", "operation", "size", "runs", "median", "p95", "vs baseline", "target", "peak memory"];
/** Which columns are numbers, right-aligned in both renderings. */
const NUMERIC = [false, false, false, true, true, true, true, false, false];

export function formatMs(ms: number): string {
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms).toLocaleString("en-US")} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

function formatRatio(ratio: number | null): string {
  if (ratio === null) return "baseline";
  return `${ratio < 10 ? ratio.toFixed(2) : ratio < 100 ? ratio.toFixed(1) : Math.round(ratio).toLocaleString("en-US")}×`;
}

function formatTarget(row: ResultRow): string {
  if (!row.target) return "";
  const limit = row.target.belowMs >= 1000 ? `${row.target.belowMs / 1000} s` : `${row.target.belowMs} ms`;
  return `< ${limit} ${row.median < row.target.belowMs ? "✓" : "✗"}`;
}

const formatBytes = (bytes: number) => `${(Math.max(0, bytes) / (1024 * 1024)).toFixed(1)} MB`;

/** "heap +1.2 MB, RSS +3.4 MB", and the heap's ratio to the baseline's when there is one. */
function formatMemory(row: ResultRow): string {
  if (!row.memory) return "";
  const { heap, rss, ratio } = row.memory;
  return `heap +${formatBytes(heap)}, RSS +${formatBytes(rss)}${ratio === null ? "" : ` (heap ${formatRatio(ratio)})`}`;
}

/** The cells of each row; the suite name only on the first row of each suite, to keep it readable. */
function cells(rows: readonly ResultRow[]): string[][] {
  return rows.map((row, i) => [
    i > 0 && rows[i - 1]?.suite === row.suite ? "" : row.suite,
    row.name,
    row.size,
    String(row.runs),
    formatMs(row.median),
    formatMs(row.p95),
    formatRatio(row.ratio),
    formatTarget(row),
    formatMemory(row),
  ]);
}

/** Aligned plain text for the terminal, with a rule between suites. */
export function renderText(rows: readonly ResultRow[]): string {
  return textTable(HEADERS, cells(rows), NUMERIC, (r) => r[0] !== "");
}

export function renderMarkdown(rows: readonly ResultRow[]): string {
  return markdownTable(HEADERS, cells(rows), NUMERIC);
}

/**
 * Any table as aligned plain text: numeric columns right-aligned, a rule under the
 * headers and before each row (after the first) for which `ruleBefore` says so.
 */
export function textTable(
  headers: readonly string[],
  body: readonly (readonly string[])[],
  numeric: readonly boolean[],
  ruleBefore: (row: readonly string[]) => boolean = () => false,
): string {
  const widths = headers.map((h, c) => Math.max(h.length, ...body.map((r) => (r[c] as string).length)));
  const line = (r: readonly string[]) =>
    r.map((cell, c) => (numeric[c] ? cell.padStart(widths[c] as number) : cell.padEnd(widths[c] as number))).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(headers), rule];
  body.forEach((r, i) => {
    if (i > 0 && ruleBefore(r)) out.push(rule);
    out.push(line(r));
  });
  return out.join("\n");
}

export function markdownTable(headers: readonly string[], body: readonly (readonly string[])[], numeric: readonly boolean[]): string {
  const escape = (cell: string) => cell.replaceAll("|", "\\|");
  const line = (r: readonly string[]) => `| ${r.map(escape).join(" | ")} |`;
  const align = numeric.map((n) => (n ? "---:" : "---"));
  return [line(headers), line(align), ...body.map(line)].join("\n");
}
