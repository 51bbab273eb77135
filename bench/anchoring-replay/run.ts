/**
 * `npm run bench:anchoring`: replays seeded random edits on every article of
 * ../shared/corpus at 1, 4 and 10 edits per 100 words and asks three re-anchoring
 * algorithms where each annotation went: Parallax before issue 17 (from git history, see
 * baseline.ts), Parallax now, and a Hypothesis-style fuzzy quote match
 * (hypothesis-style.ts). Prints a table per level and writes it to its section of
 * bench/RESULTS.md (only with the default seed). Needs no database; deterministic (seeded).
 */
import { createSelectors, reanchorAll, type ReanchorResult, type Selectors } from "@/lib/domain/anchoring";
import { loadCorpus, randomSpan } from "@/lib/domain/anchoring/test-support";
import { createRandom } from "@/bench/fixtures/random";
import { markdownTable } from "@/bench/harness";
import { describeMachine } from "@/bench/machine";
import { writeSection } from "@/bench/results-file";
import { BASELINE_COMMIT, loadBaseline } from "./baseline";
import { classify, followCharacters, followRange, insertedCharacters, movedCharacters, randomEdits, slidPlaces, twinPlaces, type EditClass } from "./edits";
import { hypothesisStyleAnchor } from "./hypothesis-style";

const LEVELS = [1, 4, 10];
const REVISIONS_PER_ARTICLE = 12;
const ANNOTATIONS_PER_REVISION = 40;
/** A placement is correct when it overlaps the true range by at least this much (intersection over union). */
const MIN_OVERLAP = 0.5;

type Range = { start: number; end: number };
type Algorithm = { name: string; place: (oldText: string, newText: string, targets: Selectors[]) => Array<Range | null> };

const CLASSES: EditClass[] = ["untouched-quote", "edited-but-placeable", "mostly-gone"];

/** `--misses`: print every untouched quote that "Parallax now" did not place exactly, to stderr. */
const PRINT_MISSES = process.argv.includes("--misses");
/** `--compare <commit>`: also score lib/domain/anchoring at that commit, as "Parallax at <commit>". */
const COMPARE_REF = process.argv.includes("--compare") ? process.argv[process.argv.indexOf("--compare") + 1] : undefined;
/** The revisions' seed: each level uses seed + level. */
const DEFAULT_SEED = 17_000;
/** `--seed <n>`: replay other revisions (a held-out check); the table is printed, bench/RESULTS.md is left alone. */
const SEED = process.argv.includes("--seed") ? Number(process.argv[process.argv.indexOf("--seed") + 1]) : DEFAULT_SEED;

interface Tally {
  n: number;
  exact: number;
  correct: number;
  wrong: number;
  orphaned: number;
}

const placed = (results: ReanchorResult[]) => results.map((r) => (r.status === "orphaned" ? null : r.selectors.position));

function overlap(a: Range, b: Range): number {
  const inter = Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
  return inter / (Math.max(a.end, b.end) - Math.min(a.start, b.start));
}

async function main(): Promise<void> {
  if (!Number.isSafeInteger(SEED)) throw new Error("--seed needs a whole number.");
  const articles = loadCorpus();
  if (articles.length === 0) throw new Error("No corpus: ../shared/corpus/soleimani-anniversaries is missing.");
  const before = await loadBaseline();
  const compared = COMPARE_REF ? await loadBaseline(COMPARE_REF) : null;
  const algorithms: Algorithm[] = [
    { name: "Parallax before #17", place: (o, n, t) => placed(before(o, n, t)) },
    ...(compared ? [{ name: `Parallax at ${COMPARE_REF}`, place: (o: string, n: string, t: Selectors[]) => placed(compared(o, n, t)) }] : []),
    { name: "Parallax now", place: (o, n, t) => placed(reanchorAll(o, n, t)) },
    { name: "Hypothesis-style", place: (_o, n, t) => t.map((target) => hypothesisStyleAnchor(n, target)) },
  ];
  const tallies = new Map<string, Tally>();
  const tally = (level: number, cls: EditClass, algorithm: string) => {
    const key = `${level}|${cls}|${algorithm}`;
    let t = tallies.get(key);
    if (!t) tallies.set(key, (t = { n: 0, exact: 0, correct: 0, wrong: 0, orphaned: 0 }));
    return t;
  };
  const millis = new Map<string, number>();

  for (const level of LEVELS) {
    const random = createRandom(SEED + level);
    for (const article of articles) {
      for (let r = 0; r < REVISIONS_PER_ARTICLE; r++) {
        const { text: revised, splices } = randomEdits(random, article.text, level);
        const next = followCharacters(article.text.length, splices);
        const carried = movedCharacters(article.text.length, splices);
        const inserted = insertedCharacters(revised.length, next);
        const ranges = Array.from({ length: ANNOTATIONS_PER_REVISION }, () => randomSpan(random, article.text));
        const targets = ranges.map(({ start, end }) => createSelectors(article.text, start, end));
        const truths = ranges.map((range) => {
          const cls = classify(article.text, next, range.start, range.end);
          // An untouched quote is where its characters went; the others grow and shrink with the edits.
          const moved = next[range.start]!;
          const truth = cls === "untouched-quote" ? { start: moved, end: moved + range.end - range.start } : followRange(range, splices);
          const length = range.end - range.start;
          const twins =
            cls === "untouched-quote"
              ? [...twinPlaces(article.text, next, carried, range.start, range.end), ...slidPlaces(revised, inserted, moved, length)].map((at) => ({ start: at, end: at + length }))
              : [];
          return { cls, truth, twins };
        });
        for (const algorithm of algorithms) {
          const started = performance.now();
          const results = algorithm.place(article.text, revised, targets);
          millis.set(algorithm.name, (millis.get(algorithm.name) ?? 0) + performance.now() - started);
          results.forEach((result, i) => {
            const { cls, truth, twins } = truths[i]!;
            const t = tally(level, cls, algorithm.name);
            t.n++;
            const twin = result && twins.find((place) => place.start === result.start && place.end === result.end);
            if (result === null) t.orphaned++;
            else if (twin) {
              t.correct++;
              t.exact++;
            } else if (truth !== null && overlap(result, truth) >= MIN_OVERLAP) {
              t.correct++;
              if (result.start === truth.start && result.end === truth.end) t.exact++;
            } else t.wrong++;
            if (PRINT_MISSES && algorithm.name === "Parallax now" && cls === "untouched-quote" && !twin && (result?.start !== truth?.start || result?.end !== truth?.end)) {
              const { start, end } = ranges[i]!;
              console.error(
                `level ${level}, ${article.name}, revision ${r}: ${JSON.stringify(article.text.slice(start, end))} at ${start}, expected at ${truth?.start}, ` +
                  (result ? `placed at ${result.start}-${result.end} on ${JSON.stringify(revised.slice(result.start, result.end))}` : "orphaned"),
              );
            }
          });
        }
      }
    }
  }

  const pct = (part: number, whole: number) => (whole === 0 ? "—" : `${((100 * part) / whole).toFixed(1)} %`);
  const body: string[][] = [];
  for (const level of LEVELS) {
    for (const cls of [...CLASSES, "all" as const]) {
      for (const algorithm of algorithms) {
        const t =
          cls === "all"
            ? CLASSES.map((c) => tally(level, c, algorithm.name)).reduce((a, b) => ({
                n: a.n + b.n,
                exact: a.exact + b.exact,
                correct: a.correct + b.correct,
                wrong: a.wrong + b.wrong,
                orphaned: a.orphaned + b.orphaned,
              }))
            : tally(level, cls, algorithm.name);
        body.push([`${level}`, cls, algorithm.name, String(t.n), pct(t.exact, t.n), pct(t.correct, t.n), pct(t.wrong, t.n), pct(t.orphaned, t.n)]);
      }
    }
  }
  const machine = describeMachine();
  const perLevel = articles.length * REVISIONS_PER_ARTICLE * ANNOTATIONS_PER_REVISION;
  const timing = algorithms.map((a) => `${a.name} ${((millis.get(a.name) ?? 0) / 1000).toFixed(1)} s`).join(", ");
  const markdown = `## Re-anchoring replay: random edits of the corpus (issue 17)

Written by \`npm run bench:anchoring\` (bench/anchoring-replay/) on ${new Date().toISOString().slice(0, 10)},
on ${machine.cpu} (${machine.cores} cores, ${machine.memory}, ${machine.os}, Node ${machine.node}, load ${machine.load} at start).
The ${articles.length} articles of shared/corpus/soleimani-anniversaries, ${REVISIONS_PER_ARTICLE} seeded random revisions
each per level (seed ${SEED} + level; typos, words replaced, inserted or deleted, phrases rewritten, paragraphs moved) with
${ANNOTATIONS_PER_REVISION} random annotations each: ${perLevel.toLocaleString("en-US")} annotations per level.
Classes, from following every character through the edits: *untouched-quote* (its characters all
there, side by side; its context may have been edited), *edited-but-placeable* (at least half of
its words still there), *mostly-gone*. *Exact*: placed on exactly the true range (for an untouched
quote in one of two identical lines that were both moved, whole or edited elsewhere, either copy:
nothing tells them apart; likewise beside inserted text that begins or ends with the quote's own characters, either side of it,
as for a doubled letter or the space before words inserted at a word's start); *placed
correctly*: overlapping the true range by ≥ ${MIN_OVERLAP * 100} % (intersection over union; exact included);
*placed wrongly*: anywhere else; *orphaned*: not placed. "Parallax before #17" is
lib/domain/anchoring at ${BASELINE_COMMIT.slice(0, 7)}, loaded from git history${COMPARE_REF ? `, and "Parallax at ${COMPARE_REF}" the same folder at that commit` : ""}; "Hypothesis-style" is a
reimplementation of diff-match-patch quote matching with context and position hint
(bench/anchoring-replay/hypothesis-style.ts). Time over all levels: ${timing}.

${markdownTable(["edits / 100 words", "class", "algorithm", "annotations", "exact", "placed correctly", "placed wrongly", "orphaned"], body, [true, false, false, true, true, true, true, true])}
`;
  console.log(markdown);
  if (SEED === DEFAULT_SEED) await writeSection("anchoring-replay", markdown);
  else console.error(`Seed ${SEED} is not the bench's own (${DEFAULT_SEED}): bench/RESULTS.md left as it was.`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
