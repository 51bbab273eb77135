/**
 * Doubt: constructions that question a person's or institution's good faith or credibility
 * rather than a claim's content (Da San Martino et al. 2019). Words such as "so-called" and
 * "baseless" are in the lexicon; these are the forms no single word marks.
 */
import type { Token } from "../document";
import { scanWords, sentenceWords, spanOf, type CuePattern } from "./cue-pattern";

const DOUBT = { set: "Persuasion techniques", tag: "Doubt" } as const;

/** Verbs of admitting. */
const ADMIT = new Set(["admit", "acknowledge", "concede", "confess"]);
/** Adverbs that cast an admission as extracted late or against the will. */
const GRUDGING = new Set(["eventually", "finally", "belatedly", "reluctantly", "grudgingly", "ultimately"]);
/** "forced to admit", "compelled to concede". */
const COMPELLED = new Set(["force", "compel", "oblige", "pressure"]);

/**
 * "finally admitted", "belatedly acknowledged", "only later conceded", "was forced to admit": an
 * admission told as extracted, which questions the good faith of whoever made it. The span is
 * the cue words and the verb.
 */
export const grudgingAdmission: CuePattern = {
  id: "grudging-admission",
  propose: DOUBT,
  confidence: 0.6,
  note: "tells an admission as extracted late or under pressure, questioning the good faith of whoever made it",
  find(document) {
    return scanWords(document, (words, i) => {
      const verb = words[i]!;
      if (verb.pos !== "VERB" || !ADMIT.has(verb.lemma)) return undefined;
      const before = words[i - 1];
      const earlier = words[i - 2];
      if (before && GRUDGING.has(before.normal)) return spanOf(before, verb);
      if (before?.normal === "later" && earlier?.normal === "only") return spanOf(earlier, verb);
      if (before?.normal === "to" && earlier && COMPELLED.has(earlier.lemma)) return spanOf(earlier, verb);
      return undefined;
    });
  },
};

/** Lemmas that make a question one about credibility or honesty. */
const CREDIBILITY = new Set(["trust", "trustworthy", "believe", "believable", "credible", "credibility", "truth", "truthful", "honest", "honesty", "lie", "sincere", "sincerity", "genuine", "reliable"]);
const QUOTE_MARKS = /["“”‘’«»]/u;
const isQuestion = (words: Token[]) => words.at(-1)?.normal === "?";

/**
 * "Can the agency be trusted?", "Is the ministry telling the truth?": a question, asked in the
 * writer's own voice (no quotation marks in the sentence), about whether someone is credible.
 * The span is the question.
 */
export const credibilityQuestion: CuePattern = {
  id: "credibility-question",
  propose: DOUBT,
  confidence: 0.55,
  note: "a question in the writer's own voice about whether someone can be believed",
  find(document) {
    return sentenceWords(document)
      .filter((words) => isQuestion(words) && words.some((t) => CREDIBILITY.has(t.lemma) || CREDIBILITY.has(t.normal)))
      .filter((words) => !QUOTE_MARKS.test(document.text.slice(words[0]!.start, words.at(-1)!.end)))
      .map((words) => spanOf(words[0]!, words.at(-1)!));
  },
};

export const DOUBT_PATTERNS: readonly CuePattern[] = [grudgingAdmission, credibilityQuestion];
