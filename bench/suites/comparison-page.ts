/**
 * The side-by-side page's server work: the membership check, the comparison with its
 * sources, fact rows and passages, and the quotations the outlets share. Compared with
 * the plain Prisma read of the comparison and its sources, so the ratio is what the page
 * adds on top of fetching its text.
 */
import { segmentSentences } from "@/lib/domain/alignment";
import { installDbClient } from "@/lib/server/db/client";
import { getSideBySide } from "@/lib/server/services/comparisons/get-side-by-side";
import { selectorColumns } from "@/lib/server/services/sources/span-target";
import type { Suite } from "@/bench/harness";
import { readComparison, seedComparison } from "@/bench/fixtures/comparison";
import { createRandom } from "@/bench/fixtures/random";

const SIZE = "5 sources × 2,000 words, 30 fact rows";

export const comparisonPage: Suite = {
  name: "comparison-page",
  async setup({ db, url }, bench) {
    const seeded = await seedComparison(db, createRandom(6), { sources: 5, words: 2000 });
    for (let row = 0; row < 30; row++) {
      await db.factRow.create({
        data: {
          comparisonId: seeded.comparisonId,
          label: `Fact ${row + 1}`,
          position: row,
          passages: {
            create: seeded.sources.map((source) => {
              const sentences = segmentSentences(source.text);
              const sentence = sentences[(row * 3) % sentences.length]!;
              return { sourceId: source.id, revisionId: source.revisionId, ...selectorColumns(source.text, sentence.start, sentence.end) };
            }),
          },
        },
      });
    }
    installDbClient(db, { kind: "postgres", url });
    const actor = { id: seeded.userId };
    bench.baseline("Prisma read of the comparison and its sources", SIZE, () => readComparison(db, seeded.comparisonId), {
      iterations: 200,
      warmup: 20,
    });
    bench.compare("comparison page data (side by side)", SIZE, () => getSideBySide(actor, "bench", "flood-barrier"), {
      iterations: 60,
      warmup: 6,
      target: { belowMs: 300 },
    });
  },
};
