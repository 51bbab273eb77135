/**
 * Whataboutism: a criticism answered with the critic's own silence or record at another time
 * (Da San Martino et al. 2019). Stock phrases ("what about", "double standard") are in the
 * lexicon; these are the forms whose words vary.
 */
import type { Token } from "../document";
import { sentenceWords, spanOf, type CuePattern } from "./cue-pattern";

const SILENT = new Set(["silent", "quiet"]);

/**
 * "Where were these critics when the mine closed?", "The same party said nothing when …":
 * a criticism answered by the critic's silence or record at another time. The span is the
 * sentence.
 */
export const silentWhen: CuePattern = {
  id: "silent-when",
  propose: { set: "Persuasion techniques", tag: "Whataboutism" },
  confidence: 0.5,
  note: "answers a criticism by pointing at the critic's silence or record at another time",
  find(document) {
    return sentenceWords(document)
      .filter((words) => words.some((w, i) => w.normal === "when" && i > 0 && (isSilence(words, i) || isWhereWere(words, i))))
      .map((words) => spanOf(words[0]!, words.at(-1)!));
  },
};

/** "said nothing when", "were silent when", "kept quiet when": the words before "when" at i. */
function isSilence(words: Token[], i: number): boolean {
  const [a, b] = [words[i - 2], words[i - 1]!];
  return (b.normal === "nothing" && a?.lemma === "say") || (SILENT.has(b.normal) && !!a && ["be", "keep", "stay", "remain"].includes(a.lemma));
}

/**
 * A question that opens "Where was/were …" about a third party and reaches "when" at i within
 * a few words; "Where were you when …?" asks for a memory.
 */
function isWhereWere(words: Token[], i: number): boolean {
  const asked = words[2]?.normal ?? "";
  return words[0]?.normal === "where" && words[1]?.lemma === "be" && !["you", "i"].includes(asked) && i <= 6 && words.at(-1)?.normal === "?";
}

export const WHATABOUTISM_PATTERNS: readonly CuePattern[] = [silentWhen];
