import { afterAll, describe, expect, it } from "vitest";
import { seededRandom } from "../seeded-random";
import { reanchorAll } from "./reanchor";
import { createSelectors } from "./selectors";
import { loadCorpus, randomInt, randomRevision, randomSpan, trackRegion } from "./test-support";
import type { Selectors } from "./types";

// Real articles, read at test time (see test-support.ts); skipped where the shared
// corpus folder is not checked out.
const articles = loadCorpus();

const BASE_SEED = 0x20200103;
const TRIALS_PER_ARTICLE = 10;
const ANNOTATIONS_PER_TRIAL = 50;

interface Tally {
  annotations: number;
  exact: number;
  fuzzy: number;
  orphaned: number;
  untouched: number;
  touched: number;
  touchedOrphaned: number;
  ambiguous: number;
  quoteIntact: number;
  quoteIntactExact: number;
  quoteIntactCopy: number;
  quoteIntactElsewhere: number;
  quoteIntactOrphaned: number;
}
const tally: Tally = {
  annotations: 0,
  exact: 0,
  fuzzy: 0,
  orphaned: 0,
  untouched: 0,
  touched: 0,
  touchedOrphaned: 0,
  ambiguous: 0,
  quoteIntact: 0,
  quoteIntactExact: 0,
  quoteIntactCopy: 0,
  quoteIntactElsewhere: 0,
  quoteIntactOrphaned: 0,
};

function occurrencesOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

describe.skipIf(articles.length === 0)("re-anchoring random revisions of the corpus (property)", () => {
  afterAll(() => {
    const trials = articles.length * TRIALS_PER_ARTICLE;
    const perTrial = (n: number) => (n / trials).toFixed(2);
    console.log(
      `[anchoring property] ${trials} revisions × ${ANNOTATIONS_PER_TRIAL} annotations: ` +
        `per revision ${perTrial(tally.exact)} exact, ${perTrial(tally.fuzzy)} fuzzy, ${perTrial(tally.orphaned)} orphaned; ` +
        `${tally.untouched} untouched (all exact; ${tally.ambiguous} with quote+context occurring twice), ` +
        `${tally.touched} touched by an edit (${tally.touchedOrphaned} of them orphaned); ` +
        `of ${tally.quoteIntact} with only the context edited: ${tally.quoteIntactExact} on the same words, ` +
        `${tally.quoteIntactCopy} on another copy of the quote, ${tally.quoteIntactElsewhere} on other words, ` +
        `${tally.quoteIntactOrphaned} orphaned`,
    );
  });

  it.each(articles.map((a, i) => [a.name, a.text, i] as const))("%s", (name, text, articleIndex) => {
    for (let trial = 0; trial < TRIALS_PER_ARTICLE; trial++) {
      const seed = BASE_SEED + articleIndex * 1000 + trial;
      const where = `article ${name}, seed ${seed} (seededRandom)`;
      const random = seededRandom(seed);

      const targets: Selectors[] = [];
      for (let i = 0; i < ANNOTATIONS_PER_TRIAL; i++) {
        const { start, end } = randomSpan(random, text);
        targets.push(createSelectors(text, start, end));
      }
      const revision = randomRevision(random, text, randomInt(random, 1, 8));
      const results = reanchorAll(text, revision.text, targets);

      expect(results, `${where}: one result per annotation`).toHaveLength(targets.length);
      results.forEach((result, i) => {
        const target = targets[i]!;
        const label = `${where}, annotation ${i} ${JSON.stringify(target.quote.exact.slice(0, 40))}`;
        tally.annotations++;
        tally[result.status]++;

        if (result.status !== "orphaned") {
          const { start, end } = result.selectors.position;
          expect(Number.isInteger(start) && Number.isInteger(end), label).toBe(true);
          expect(0 <= start && start < end && end <= revision.text.length, `${label}: range ${start}-${end}`).toBe(true);
          expect(result.selectors.quote.exact, label).toBe(revision.text.slice(start, end));
          expect(result.score, label).toBeGreaterThan(0);
          expect(result.score, label).toBeLessThanOrEqual(1);
        } else {
          expect(["exact", "fuzzy", "orphaned"], label).toContain(result.status);
        }

        // The quote and its stored context, followed through the edits.
        const { start, end } = target.position;
        const region = trackRegion(
          { start: start - target.quote.prefix.length, end: end + target.quote.suffix.length },
          revision.splices,
        );
        if (region === null) {
          tally.touched++;
          if (result.status === "orphaned") tally.touchedOrphaned++;
          // Context edited but the quote itself intact: where did it go?
          const quoteRegion = trackRegion({ start, end }, revision.splices);
          if (quoteRegion !== null) {
            tally.quoteIntact++;
            if (result.status === "orphaned") tally.quoteIntactOrphaned++;
            else if (result.selectors.position.start === quoteRegion.start && result.selectors.position.end === quoteRegion.end) {
              tally.quoteIntactExact++;
            } else if (result.selectors.quote.exact === target.quote.exact) tally.quoteIntactCopy++;
            else tally.quoteIntactElsewhere++;
          }
          return;
        }
        tally.untouched++;
        const shiftedStart = region.start + target.quote.prefix.length;
        expect(result.status, `${label}: untouched, must be exact`).toBe("exact");
        if (result.status === "orphaned") return;
        // The photo captions repeat whole phrases: when the quote *and* its context occur
        // more than once, nothing in the selectors says which copy is the original (the
        // diff-mapped position usually does, but a moved paragraph can make the diff
        // align the other copy). Then any copy is acceptable.
        const copies = occurrencesOf(revision.text, target.quote.prefix + target.quote.exact + target.quote.suffix);
        if (copies.length > 1) {
          tally.ambiguous++;
          const starts = copies.map((at) => at + target.quote.prefix.length);
          expect(starts, `${label}: ambiguous, must land on a copy`).toContain(result.selectors.position.start);
          return;
        }
        expect(result.selectors.position, `${label}: untouched, must land on the shifted offsets`).toEqual({
          type: "TextPositionSelector",
          start: shiftedStart,
          end: shiftedStart + (end - start),
        });
      });
    }
  });
});
