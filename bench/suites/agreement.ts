/** Inter-coder agreement of a class: every student's tags on every word of a long source. */
import { krippendorffAlpha, type ReliabilityValue } from "@/lib/domain/agreement";
import type { Suite } from "@/bench/harness";
import { createRandom, pick, randomInt, type Random } from "@/bench/fixtures/random";

const CODERS = 20;
const UNITS = 50_000;
const TAGS = ["loaded language", "euphemism", "labeling", "scare quotes", "attribution", "passive voice", "speculation"];

export const agreement: Suite = {
  name: "agreement",
  setup(_context, bench) {
    const data = reliabilityData(createRandom(4));
    const size = `${CODERS} coders × ${UNITS.toLocaleString("en-US")} units`;

    // Baseline: one pass over the data counting values. Alpha cannot do less: it must at
    // least read every value and map it to a category.
    bench.baseline("one pass counting values", size, () => countValues(data), { iterations: 60, warmup: 5 });
    bench.compare("krippendorffAlpha, nominal", size, () => krippendorffAlpha(data, "nominal"), { iterations: 40, warmup: 5 });
  },
};

/**
 * Token units as span annotations produce them: runs of words share a "true" tag (most words
 * are untagged), each coder agrees with it 85% of the time and skipped 2% of the words.
 */
function reliabilityData(random: Random): ReliabilityValue[][] {
  const truth: string[] = [];
  while (truth.length < UNITS) {
    const tag = random() < 0.7 ? "none" : pick(random, TAGS);
    const run = 1 + randomInt(random, 12);
    for (let i = 0; i < run && truth.length < UNITS; i++) truth.push(tag);
  }
  return Array.from({ length: CODERS }, () =>
    truth.map((tag) => {
      const roll = random();
      if (roll < 0.02) return null;
      return roll < 0.87 ? tag : random() < 0.5 ? "none" : pick(random, TAGS);
    }),
  );
}

function countValues(data: readonly (readonly ReliabilityValue[])[]): Map<ReliabilityValue, number> {
  const counts = new Map<ReliabilityValue, number>();
  for (const row of data) for (const value of row) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}
