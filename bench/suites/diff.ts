/** Word diff of a source and its next revision: what the side-by-side view computes per fact row and edit. */
import { wordDiff } from "@/lib/domain/diff";
import type { Suite } from "@/bench/harness";
import { createRandom } from "@/bench/fixtures/random";
import { article, plainTokens, revise } from "@/bench/fixtures/text";

export const diff: Suite = {
  name: "diff",
  setup(_context, bench) {
    const random = createRandom(1);
    const original = article(random, 5000);
    const revised = revise(random, original, 0.08);
    const unrelated = article(random, 5000);
    const passage = original.split("\n\n").slice(0, 2).join("\n\n");
    const passageRevised = revise(random, passage, 0.08);

    // Baseline: tokenizing both texts, not diff-match-patch's character diff. The character
    // diff takes about six times wordDiff's time on these texts (~120 ms on the machine in
    // RESULTS.md) under the same 250 ms budget: on a machine twice as slow it would hit the
    // budget and stop at a wall-clock constant, so the ratio would drift with machine speed
    // instead of cancelling it. Its cost also depends on the exact edit script, not just the
    // length. Tokenizing is linear and unbudgeted: it scales with the machine and nothing else.
    bench.baseline("plain tokenization of both texts", "2 × 5,000 words", () => [plainTokens(original), plainTokens(revised)], {
      iterations: 300,
      warmup: 30,
    });
    bench.compare("wordDiff, revision with ~8% of words changed", "2 × 5,000 words", () => wordDiff(original, revised), {
      iterations: 100,
      warmup: 10,
      target: { belowMs: 50 },
    });
    // Unrelated texts are the worst case: Myers' cost explodes and wordDiff's 250 ms budget
    // cuts it short (the result is still a correct, coarser diff). This row should stay near
    // 250 ms; much more means the budget no longer bounds the work.
    bench.compare("wordDiff, unrelated texts (250 ms budget)", "2 × 5,000 words", () => wordDiff(original, unrelated), {
      iterations: 12,
      warmup: 2,
    });
    bench.compare("wordDiff, two-paragraph passages (a fact row cell)", `2 × ${passage.split(/\s+/).length} words`, () => wordDiff(passage, passageRevised), {
      iterations: 1000,
      warmup: 100,
    });
  },
};
