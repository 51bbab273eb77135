/**
 * A small curated synonym table for news wording, written by hand for this project: the
 * nouns and phrases outlets swap when reporting the same fact, which WordNet's verb data
 * (wordnet.ts) does not cover. Each group is one meaning; a word is the lemma as
 * lemmas.ts produces it (lower case, singular, base form). Kept deliberately narrow:
 * framing words that differ in meaning ("martyrdom" vs "killing") are grouped only where
 * they name the same event, since alignment asks "same fact?", not "same framing?".
 */
const GROUPS: readonly (readonly string[])[] = [
  ["kill", "killing", "assassination", "assassinate", "murder", "slay", "slaying", "martyrdom", "martyr", "death", "die", "dead"],
  ["strike", "attack", "raid", "airstrike", "bombing", "assault"],
  ["drone", "uav"],
  ["commemorate", "commemoration", "mark", "honour", "honor", "remember", "remembrance", "memorial", "tribute", "mourn", "mourner", "mourning"],
  ["rally", "protest", "demonstration", "gathering", "march", "gather", "crowd", "ceremony", "procession"],
  ["anniversary", "annual"],
  ["revenge", "retaliation", "retaliate", "avenge", "vengeance", "retribution"],
  ["commander", "general", "chief", "head", "leader"],
  ["supporter", "follower", "loyalist", "ally"],
  ["sanction", "embargo"],
  ["missile", "rocket", "ballistic"],
  ["base", "facility", "installation"],
  ["troop", "soldier", "force", "personnel"],
  ["official", "authority"],
  ["president", "administration"],
  ["warn", "threaten", "threat", "vow", "pledge"],
  ["illegal", "unlawful"],
  ["tension", "escalation", "escalate"],
  ["us", "united states", "america", "american", "washington"],
  ["iran", "iranian", "tehran", "islamic republic"],
  ["iraq", "iraqi", "baghdad"],
  ["israel", "israeli"],
  // Accidents and disasters, and what officials do after them.
  ["capsize", "overturn", "sink", "founder"],
  ["ferry", "vessel", "ship", "boat", "freighter"],
  ["harbour", "harbor", "port", "quay", "dock", "pier", "wharf"],
  ["accident", "disaster", "tragedy", "crash", "incident", "catastrophe"],
  ["storm", "gale", "hurricane", "typhoon", "cyclone", "wind"],
  ["rescue", "save", "rescuer"],
  ["missing", "unaccounted"],
  ["passenger", "traveller", "traveler", "commuter"],
  ["relative", "family", "kin"],
  ["inquiry", "investigation", "investigate", "probe", "inquest"],
  ["inspection", "inspector", "audit"],
  ["corrosion", "corrode", "rust"],
  ["negligence", "negligent", "neglect"],
  ["blame", "attribute", "accuse", "fault"],
  ["resign", "resignation", "quit"],
  ["suspend", "suspension", "halt", "stop", "cancel"],
  ["announce", "declare", "unveil"],
  ["revere", "venerate", "beloved", "adore", "idolise", "idolize", "esteem"],
];

const CLASS_OF = new Map<string, string>();
GROUPS.forEach((group, i) => {
  for (const word of group) CLASS_OF.set(word, `syn${i}`);
});

/** The curated synonym class of a lemma or phrase, if any. */
export function synonymClass(lemma: string): string | undefined {
  return CLASS_OF.get(lemma);
}

/** Multi-word entries of the table ("united states"), matched on folded text before tokenising. */
export const SYNONYM_PHRASES: readonly string[] = GROUPS.flat().filter((w) => w.includes(" "));
