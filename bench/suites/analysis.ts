/** Analysers' proposals for one long article: what is computed once per source revision. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { analyse, ANALYSERS, readDocument } from "@/lib/domain/analysis";
import { findCorpus } from "@/bench/analysers/gold";
import type { Suite } from "@/bench/harness";
import { createRandom } from "@/bench/fixtures/random";
import { article, plainTokens } from "@/bench/fixtures/text";

const WORDS = 5000;
const SIZE = "5,000 words";

/**
 * Real news text as well as the synthetic kind: wink-nlp's tagger is slower on real sentences
 * than on the fixtures' word salad. The five shared-corpus articles, repeated to 5,000 words,
 * read at run time (no article text lives in the repository).
 */
async function corpusText(): Promise<string> {
  const dir = await findCorpus("soleimani-anniversaries");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
  const texts = await Promise.all(files.map((f) => readFile(path.join(dir, f), "utf8")));
  const words = texts.join("\n\n").split(/(?<=\s)/);
  return Array.from({ length: WORDS }, (_, i) => words[i % words.length]).join("");
}

export const analysis: Suite = {
  name: "analysis",
  async setup(_context, bench) {
    const synthetic = article(createRandom(9), WORDS);
    const news = await corpusText();
    const all = ANALYSERS.map((a) => a.id);

    // Baseline: a plain regex tokenization of the same text. Linear, no model, no lists: the
    // ratio shows what the NLP pipeline and the analysers cost over merely finding the words,
    // and it scales with the machine like the cases do.
    bench.baseline("plain tokenization, news articles", SIZE, () => plainTokens(news), { iterations: 300, warmup: 30 });
    bench.compare("readDocument (wink-nlp: sentences, tokens, POS, lemmas), news articles", SIZE, () => readDocument(news), { iterations: 20, warmup: 3 });
    bench.compare("analyse, default-on analysers, news articles", SIZE, () => analyse(news), { iterations: 20, warmup: 3, target: { belowMs: 1000 } });
    bench.compare("analyse, all analysers, news articles", SIZE, () => analyse(news, { analysers: all }), { iterations: 20, warmup: 3, target: { belowMs: 1000 } });
    bench.baseline("plain tokenization, synthetic article", SIZE, () => plainTokens(synthetic), { iterations: 300, warmup: 30 });
    bench.compare("analyse, all analysers, synthetic article", SIZE, () => analyse(synthetic, { analysers: all }), { iterations: 20, warmup: 3, target: { belowMs: 1000 } });
  },
};
