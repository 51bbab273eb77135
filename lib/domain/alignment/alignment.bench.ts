/**
 * Benchmark for the word diff and passage suggestions. Run with:
 *   npx tsx lib/domain/alignment/alignment.bench.ts
 * Prints median timings. Texts are synthetic (seeded pseudo-English: a Zipf-distributed
 * vocabulary of invented words mixed with real function words), so runs are comparable.
 */
import { wordDiff } from "../diff";
import { buildAlignmentCorpus, buildSourceIndex, suggestPassages } from "./index";

let seed = 20240103;
function rand(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const SYLLABLES = ["ka", "ler", "mon", "dri", "sa", "vel", "tor", "qu", "an", "is", "ber", "gal", "nu", "re", "ol", "ham", "sti", "per", "zo", "ent"];
const FUNCTION_WORDS = ["the", "of", "and", "to", "in", "a", "that", "was", "for", "on", "with", "as", "by", "at", "his", "from", "said", "it"];
const VOCAB = Array.from({ length: 4000 }, () => {
  let w = "";
  const n = 1 + Math.floor(rand() * 3);
  for (let i = 0; i < n; i++) w += pick(SYLLABLES);
  return w;
});
/** Zipf-like: low indexes much more frequent. */
const contentWord = () => VOCAB[Math.floor(VOCAB.length * rand() ** 3)] as string;
const word = () => (rand() < 0.45 ? pick(FUNCTION_WORDS) : contentWord());

function sentence(): string {
  const n = 10 + Math.floor(rand() * 18);
  const words = Array.from({ length: n }, word);
  if (rand() < 0.3) words.splice(2 + Math.floor(rand() * (n - 3)), 0, `${1 + Math.floor(rand() * 2030)},`);
  const first = words[0] as string;
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${words.join(" ")}${rand() < 0.1 ? "?" : "."}`;
}

function article(wordCount: number): string {
  const paragraphs: string[] = [];
  let count = 0;
  while (count < wordCount) {
    const sentences: string[] = [];
    for (let i = 0; i < 1 + Math.floor(rand() * 3) && count < wordCount; i++) {
      const s = sentence();
      count += s.split(" ").length;
      sentences.push(s);
    }
    paragraphs.push(sentences.join(" "));
  }
  return paragraphs.join("\n\n");
}

/** A revision of the same story: ~8% of words replaced, some dropped, some inserted. */
function revise(text: string): string {
  return text
    .split(" ")
    .flatMap((w) => {
      const r = rand();
      if (r < 0.05) return [contentWord()];
      if (r < 0.07) return [];
      if (r < 0.09) return [w, contentWord()];
      return [w];
    })
    .join(" ");
}

function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(label: string, runs: number, fn: () => unknown) {
  fn(); // warm-up (JIT)
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  console.log(`${label.padEnd(62)} median ${median(samples).toFixed(2).padStart(8)} ms  (min ${Math.min(...samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)}, n=${runs})`);
}

const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

// --- word diff -----------------------------------------------------------------------
const a5k = article(5000);
const b5kRevised = revise(a5k);
const b5kOther = article(5000);
console.log(`wordDiff inputs: ${words(a5k)} / ${words(b5kRevised)} / ${words(b5kOther)} words`);
time("wordDiff 5,000 words vs revised copy (~8% words changed)", 15, () => wordDiff(a5k, b5kRevised));
time("wordDiff 5,000 words vs unrelated 5,000 words (default 250 ms cap)", 5, () => wordDiff(a5k, b5kOther));
time("wordDiff 5,000 words vs unrelated 5,000 words (timeoutMs: 1000)", 5, () => wordDiff(a5k, b5kOther, { timeoutMs: 1000 }));
const same = JSON.stringify(wordDiff(a5k, b5kRevised)) === JSON.stringify(wordDiff(a5k, b5kRevised, { timeoutMs: 60_000 }));
console.log(`revised copy: default (250 ms) result identical to a 60 s budget: ${same}`);
const passageA = a5k.split("\n\n").slice(0, 2).join("\n\n");
time("wordDiff two-paragraph passages (typical fact row cell)", 200, () => wordDiff(passageA, revise(passageA)));

// --- suggestions ---------------------------------------------------------------------
const sources = Array.from({ length: 7 }, (_, i) => ({ id: `source-${i}`, text: article(2000) }));
const picked = sources[0]!.text.split(/(?<=[.?])\s+/).slice(3, 4).join(" ");
const pickedTwo = sources[0]!.text.split(/(?<=[.?])\s+/).slice(5, 7).join(" ");
console.log(`suggestion inputs: ${sources.length} sources x ~${words(sources[0]!.text)} words; passage of ${words(picked)} words`);

time("buildSourceIndex, one 2,000-word source", 30, () => buildSourceIndex(sources[1]!.text));
const withIndexes = sources.map((s) => ({ ...s, index: buildSourceIndex(s.text) }));
time("buildAlignmentCorpus from 7 prebuilt indexes (IDF, norms)", 30, () => buildAlignmentCorpus(withIndexes));
const corpus = buildAlignmentCorpus(withIndexes);
time("suggestPassages, 1 sentence vs 7x2,000 words (prebuilt corpus)", 200, () =>
  suggestPassages(picked, corpus, { excludeSourceId: "source-0" }),
);
time("suggestPassages, 2 sentences vs 7x2,000 words (prebuilt corpus)", 200, () =>
  suggestPassages(pickedTwo, corpus, { excludeSourceId: "source-0" }),
);
time("suggestPassages with prebuilt source indexes (corpus per call)", 50, () =>
  suggestPassages(picked, withIndexes, { excludeSourceId: "source-0" }),
);
time("suggestPassages cold: raw texts, everything indexed per call", 10, () =>
  suggestPassages(picked, sources, { excludeSourceId: "source-0" }),
);
