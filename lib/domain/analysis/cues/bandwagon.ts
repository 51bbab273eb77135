/**
 * Bandwagon: forms that argue from what everyone (or every sensible person) already thinks
 * (Da San Martino et al. 2019). Stock phrases ("everyone knows", "everyone agrees") are in the
 * lexicon; this is the form whose words vary.
 */
import type { Token } from "../document";
import { scanWords, spanOf, type CuePattern } from "./cue-pattern";

/** Verbs of knowing, believing and agreeing: what a bandwagon claims everyone does. */
const BELIEVE = new Set(["know", "agree", "believe", "doubt", "dispute", "deny", "see", "understand", "accept", "think", "realise", "realize", "recognise", "recognize"]);
/** Subjects that stand for everyone, or for no one. */
const EVERYONE = new Set(["everyone", "everybody", "nobody"]);
/** Adjectives that make a group the reasonable part of everyone ("any sensible person"). */
const SENSIBLE = new Set(["sensible", "reasonable", "serious", "right-thinking", "rational", "fair-minded", "thinking", "informed", "honest"]);
const MODALS = new Set(["can", "could", "would", "will", "must", "should", "do", "does"]);
const WH = new Set(["how", "why", "what", "where", "when", "who", "whether", "if", "yet"]);

/**
 * The universal subject at words[i], and the index of its last word: "everyone", "nobody",
 * "no one", "every sensible voter", "no serious economist", "any reasonable person".
 */
function universalSubject(words: Token[], i: number): number | undefined {
  const [w, next, after] = [words[i]!, words[i + 1], words[i + 2]];
  if (EVERYONE.has(w.normal)) return i;
  if (w.normal === "no" && next?.normal === "one") return i + 1;
  if (["every", "any", "no"].includes(w.normal) && next && SENSIBLE.has(next.normal) && after?.pos === "NOUN") return i + 2;
  return undefined;
}

/** A verb of believing in the present, or after a modal: "knows", "can see", "seriously doubts". */
function presentBelief(words: Token[], from: number): number | undefined {
  for (let k = from; k < Math.min(words.length, from + 3); k++) {
    const w = words[k]!;
    if (BELIEVE.has(w.lemma) && (w.pos === "VERB" || w.pos === "AUX")) {
      const previous = words[k - 1]!;
      const present = [`${w.lemma}s`, `${w.lemma}es`].includes(w.normal) || (w.normal === w.lemma && MODALS.has(previous.normal));
      return present ? k : undefined;
    }
    if (!(w.pos === "ADV" || MODALS.has(w.normal) || w.normal === "now" || w.normal === "already")) return undefined;
  }
  return undefined;
}

/**
 * "Everyone knows …", "no serious economist believes …", "any reasonable person can see …":
 * a universal subject with a verb of believing in the present, which argues from agreement
 * instead of evidence. Not "nobody knows how many died" (uncertainty, not agreement) and not
 * "everyone agreed to meet" (a past event). The span is the subject and the verb.
 */
export const everyoneAgrees: CuePattern = {
  id: "everyone-agrees",
  propose: { set: "Persuasion techniques", tag: "Bandwagon" },
  confidence: 0.55,
  note: "argues from what everyone, or every sensible person, is said to believe",
  find(document) {
    return scanWords(document, (words, i) => {
      const last = universalSubject(words, i);
      if (last === undefined) return undefined;
      const verb = presentBelief(words, last + 1);
      if (verb === undefined) return undefined;
      const negative = ["nobody", "no"].includes(words[i]!.normal);
      if (negative && words[verb]!.lemma === "know" && WH.has(words[verb + 1]?.normal ?? "")) return undefined;
      return spanOf(words[i]!, words[verb]!);
    });
  },
};

export const BANDWAGON_PATTERNS: readonly CuePattern[] = [everyoneAgrees];
