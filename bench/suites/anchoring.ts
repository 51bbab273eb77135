/** Re-anchoring every annotation of a source after its text is edited (a new revision). */
import { anchorSelectors, createSelectors, reanchorAll, type Selectors } from "@/lib/domain/anchoring";
import { randomRevision, randomSpan } from "@/lib/domain/anchoring/test-support";
import type { Suite } from "@/bench/harness";
import { createRandom } from "@/bench/fixtures/random";
import { article } from "@/bench/fixtures/text";

const TEXT_LENGTH = 25_000;
const ANNOTATIONS = 1_000;
const SIZE = "1,000 annotations, 25 kB";

export const anchoring: Suite = {
  name: "anchoring",
  setup(_context, bench) {
    const random = createRandom(3);
    // ~4,500 words make a bit more than 25 kB; cut to exactly 25,000 characters.
    const text = article(random, 4500).slice(0, TEXT_LENGTH);
    const ranges = Array.from({ length: ANNOTATIONS }, () => randomSpan(random, text));
    const targets: Selectors[] = ranges.map(({ start, end }) => createSelectors(text, start, end));
    // Edits are insertions, deletions, replacements and paragraph moves (the anchoring
    // property test's generator). 5 is a typical correction, 50 a heavy rewrite of a
    // 25 kB article, 400 more than most of it: the worst case the target has to hold for.
    const revisions = [5, 50, 400].map((edits) => ({ edits, text: randomRevision(random, text, edits).text }));

    // Baseline: building the selectors of the same annotations, as saving them does.
    bench.baseline("createSelectors for every annotation", SIZE, () => ranges.map(({ start, end }) => createSelectors(text, start, end)), {
      iterations: 200,
      warmup: 20,
    });
    for (const { edits, text: revised } of revisions) {
      bench.compare(`reanchorAll after ${edits} edits`, SIZE, () => reanchorAll(text, revised, targets), {
        iterations: edits >= 400 ? 15 : edits >= 50 ? 30 : 100,
        warmup: 3,
        target: { belowMs: 1000 },
      });
    }
    // Without the old text there is no diff to carry positions over, so every annotation is
    // searched for on its own: what reanchorAll saves over the obvious loop.
    const typical = revisions[0] as { text: string };
    bench.compare("anchorSelectors per annotation, no old text (5 edits)", SIZE, () => targets.map((t) => anchorSelectors(typical.text, t)), {
      iterations: 30,
      warmup: 3,
    });
  },
};
