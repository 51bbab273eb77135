/**
 * Re-anchoring benchmark: 1,000 annotations on a 25 kB text, re-anchored after a new
 * revision, as the app does when a source is edited.
 *
 *   npx tsx lib/domain/anchoring/anchoring.bench.ts
 *
 * The text is the shared corpus (read at run time) padded with seeded filler words to
 * 25,000 characters, or filler only when the corpus is not there.
 */
import { anchorSelectors } from "./anchor";
import { reanchorAll } from "./reanchor";
import { createSelectors } from "./selectors";
import { loadCorpus, mulberry32, randomRevision, randomSpan, randomWords } from "./test-support";
import type { Selectors } from "./types";

const TEXT_LENGTH = 25_000;
const ANNOTATIONS = 1_000;
const RUNS = 7;
const SEED = 2020;

function buildText(): string {
  const random = mulberry32(SEED);
  let text = loadCorpus()
    .map((a) => a.text)
    .join("\n\n");
  while (text.length < TEXT_LENGTH) text += `\n\n${randomWords(random, 40)}.`;
  return text.slice(0, TEXT_LENGTH);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown): number {
  run(); // warm-up (JIT)
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

const text = buildText();
const random = mulberry32(SEED + 1);
const targets: Selectors[] = [];
for (let i = 0; i < ANNOTATIONS; i++) {
  const { start, end } = randomSpan(random, text);
  targets.push(createSelectors(text, start, end));
}

const scenarios: Array<{ name: string; edits: number }> = [
  { name: "typical revision (5 edits)", edits: 5 },
  { name: "heavy revision (50 edits)", edits: 50 },
  { name: "rewrite (400 edits)", edits: 400 },
];

console.log(`text ${text.length} chars, ${ANNOTATIONS} annotations, median of ${RUNS} runs\n`);
for (const { name, edits } of scenarios) {
  const revision = randomRevision(mulberry32(SEED + edits), text, edits);
  let results = reanchorAll(text, revision.text, targets);
  const batch = time(() => {
    results = reanchorAll(text, revision.text, targets);
  });
  const counts = { exact: 0, fuzzy: 0, orphaned: 0 };
  for (const r of results) counts[r.status]++;
  // The same without the old text: no diff, stored positions are stale hints.
  const direct = time(() => {
    for (const t of targets) anchorSelectors(revision.text, t);
  });
  console.log(
    `${name.padEnd(28)} reanchorAll ${batch.toFixed(1).padStart(7)} ms ` +
      `(${counts.exact} exact, ${counts.fuzzy} fuzzy, ${counts.orphaned} orphaned)   ` +
      `anchorSelectors ×${ANNOTATIONS} ${direct.toFixed(1).padStart(7)} ms`,
  );
}
