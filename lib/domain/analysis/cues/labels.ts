/**
 * Labels made of a backer and a participle: "Iran-backed", "state-sponsored", "Kremlin-funded".
 * The compound names a group by who pays or arms it, casting it as someone's instrument
 * whatever it calls itself; the backer varies without end, so a pattern reads the form.
 */
import type { Token } from "../document";
import { scanWords, spanOf, type CuePattern } from "./cue-pattern";

/** Participles that make the backer the group's master; "led" (a "US-led coalition") only describes. */
const BACKING = new Set(["back", "sponsor", "fund", "finance", "arm", "bankroll", "support"]);
/** Common nouns that stand for a backer as proper names do ("state-sponsored"). */
const BACKER_NOUNS = new Set(["state", "government", "foreign"]);

const touching = (a: Token, b: Token) => a.end === b.start;

export const backerLabel: CuePattern = {
  id: "backer-label",
  propose: { set: "Framing devices", tag: "Labeling" },
  confidence: 0.55,
  note: "names a group by who backs it, casting it as that backer's instrument",
  find(document) {
    return scanWords(document, (words, i) => {
      const [backer, dash, participle, named] = [words[i]!, words[i + 1], words[i + 2], words[i + 3]];
      if (!dash || !participle || !named || dash.normal !== "-" || !touching(backer, dash) || !touching(dash, participle)) return undefined;
      if (backer.pos !== "PROPN" && !BACKER_NOUNS.has(backer.normal)) return undefined;
      return BACKING.has(participle.lemma) && ["NOUN", "PROPN"].includes(named.pos) ? spanOf(backer, participle) : undefined;
    });
  },
};

export const LABEL_PATTERNS: readonly CuePattern[] = [backerLabel];
