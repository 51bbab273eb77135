/** Passage suggestions: for a picked passage, the most similar passages in the other sources. */
import { buildAlignmentCorpus, buildSourceIndex, suggestPassages } from "@/lib/domain/alignment";
import type { Suite } from "@/bench/harness";
import { createRandom } from "@/bench/fixtures/random";
import { article, facts, plainTokens, retell } from "@/bench/fixtures/text";

const SIZE = "1 passage vs 7 × 2,000 words";

export const alignment: Suite = {
  name: "alignment",
  setup(_context, bench) {
    const random = createRandom(2);
    // Seven outlets telling one story, and a passage from an eighth outlet's retelling of one
    // of its facts: the matches exist and are not verbatim, as in a real comparison.
    const story = facts(random, 30);
    const sources = Array.from({ length: 7 }, (_, i) => ({ id: `source-${i}`, text: article(random, 2000, story) }));
    const passage = retell(random, story[4] as string);
    const indexed = sources.map((s) => ({ ...s, index: buildSourceIndex(s.text) }));
    const corpus = buildAlignmentCorpus(indexed);

    // Baseline: the cheapest pass over the sources' words, which every path that indexes
    // them must make at least once (a query on a cached corpus need not, hence its < 1×).
    bench.baseline("plain tokenization of the 7 sources", "7 × 2,000 words", () => sources.map((s) => plainTokens(s.text)), {
      iterations: 300,
      warmup: 30,
    });
    bench.compare("buildSourceIndex, one source", "2,000 words", () => buildSourceIndex((sources[0] as { text: string }).text), {
      iterations: 200,
      warmup: 20,
    });
    bench.compare("buildAlignmentCorpus from prebuilt indexes", "7 × 2,000 words", () => buildAlignmentCorpus(indexed), {
      iterations: 300,
      warmup: 30,
    });
    // The three ways a query can arrive: the app's cache holds the corpus (hit), the indexes
    // are kept but the IDF table is rebuilt, or nothing is cached (a miss after an edit).
    bench.compare("suggestPassages, prebuilt corpus (cache hit)", SIZE, () => suggestPassages(passage, corpus), {
      iterations: 1000,
      warmup: 100,
      target: { belowMs: 100 },
    });
    bench.compare("suggestPassages, prebuilt source indexes", SIZE, () => suggestPassages(passage, indexed), {
      iterations: 300,
      warmup: 30,
      target: { belowMs: 100 },
    });
    bench.compare("suggestPassages, raw texts", SIZE, () => suggestPassages(passage, sources), {
      iterations: 60,
      warmup: 5,
      target: { belowMs: 100 },
    });
  },
};
