/**
 * Helpers shared by the property test and the benchmark: the real
 * corpus (read at run time, never copied into the source), random annotations and
 * random revisions that keep track of where every untouched annotation moves.
 * Not part of the public API.
 */
import fs from "node:fs";
import path from "node:path";


export function randomInt(random: () => number, min: number, maxInclusive: number): number {
  return min + Math.floor(random() * (maxInclusive - min + 1));
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../..", "../shared/corpus/soleimani-anniversaries");

export interface Article {
  name: string;
  text: string;
}

/** The corpus articles, or an empty list when the folder is not there. */
export function loadCorpus(dir: string = CORPUS_DIR): Article[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), "utf8").normalize("NFC") }));
}

// Words for inserted text. Deliberately not taken from the articles: text copied from
// elsewhere in the article could duplicate a quote *with* its context, and then no
// algorithm could tell which copy is the original.
const VOCABULARY = [
  "zebra", "quartz", "velvet", "lantern", "orbit", "meadow", "copper", "harbor", "ripple",
  "glacier", "saffron", "tundra", "pixel", "violet", "jasmine", "canyon", "ember", "falcon",
];

export function randomWords(random: () => number, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(VOCABULARY[randomInt(random, 0, VOCABULARY.length - 1)]!);
  return words.join(" ");
}

/** A span of the text, with word-aligned or arbitrary boundaries, never splitting a surrogate pair. */
export function randomSpan(random: () => number, text: string): { start: number; end: number } {
  const maxLength = random() < 0.15 ? 3 : random() < 0.6 ? 60 : 240;
  let start = randomInt(random, 0, text.length - 1);
  let end = Math.min(text.length, start + randomInt(random, 1, maxLength));
  if (random() < 0.7) {
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    while (end < text.length && /\S/.test(text[end]!)) end++;
  }
  if (isLowSurrogate(text, start)) start--;
  if (isLowSurrogate(text, end)) end++;
  if (end <= start) end = Math.min(text.length, start + 1);
  return { start, end };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return i > 0 && c >= 0xdc00 && c <= 0xdfff;
}

/** One splice of the text: delete `deleteCount` chars at `at`, then insert `insert`. */
export interface Splice {
  at: number;
  deleteCount: number;
  insert: string;
  kind: "insertion" | "deletion" | "replacement" | "move-out" | "move-in";
}

export function applySplice(text: string, s: Splice): string {
  return text.slice(0, s.at) + s.insert + text.slice(s.at + s.deleteCount);
}

/**
 * A random revision: insertions, deletions, replacements and paragraph moves. A move is
 * recorded as two splices (cut, then paste), so position tracking needs no special case.
 */
export function randomRevision(random: () => number, text: string, editCount: number): { text: string; splices: Splice[] } {
  const splices: Splice[] = [];
  let current = text;
  const push = (s: Splice) => {
    splices.push(s);
    current = applySplice(current, s);
  };
  for (let i = 0; i < editCount; i++) {
    const roll = random();
    const at = randomInt(random, 0, current.length);
    if (roll < 0.3) {
      push({ kind: "insertion", at, deleteCount: 0, insert: `${randomWords(random, randomInt(random, 1, 12))} ` });
    } else if (roll < 0.55) {
      const count = Math.min(current.length - at, randomInt(random, 1, 80));
      push({ kind: "deletion", at, deleteCount: count, insert: "" });
    } else if (roll < 0.85) {
      const count = Math.min(current.length - at, randomInt(random, 1, 40));
      push({ kind: "replacement", at, deleteCount: count, insert: randomWords(random, randomInt(random, 1, 6)) });
    } else {
      const paragraphs = paragraphSpans(current);
      if (paragraphs.length < 3) continue;
      const from = paragraphs[randomInt(random, 0, paragraphs.length - 1)]!;
      const moved = current.slice(from.start, from.end);
      push({ kind: "move-out", at: from.start, deleteCount: moved.length, insert: "" });
      const targets = paragraphSpans(current);
      const to = targets[randomInt(random, 0, targets.length - 1)]!;
      push({ kind: "move-in", at: to.start, deleteCount: 0, insert: moved });
    }
  }
  return { text: current, splices };
}

/** Paragraphs including their trailing line breaks, so moving one keeps the layout. */
function paragraphSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const re = /[^\n]+\n*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push({ start: m.index, end: m.index + m[0].length });
  return spans;
}

/**
 * Follows a protected region through the splices: its new offsets if no splice touched
 * it (a splice that merely abuts the region counts as touching, to stay conservative),
 * or null.
 */
export function trackRegion(
  region: { start: number; end: number },
  splices: readonly Splice[],
): { start: number; end: number } | null {
  let { start, end } = region;
  for (const s of splices) {
    const spliceEnd = s.at + s.deleteCount;
    if (s.at <= end && spliceEnd >= start) return null;
    if (spliceEnd < start) {
      const delta = s.insert.length - s.deleteCount;
      start += delta;
      end += delta;
    }
  }
  return { start, end };
}
