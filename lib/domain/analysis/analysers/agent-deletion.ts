/**
 * Passive voice with the agent left out ("was killed", "were detained", no "by …"): the text
 * reports an action without saying who did it.
 *
 * A form of "be" or "get", then at most two adverbs or "not", then a past participle (a verb
 * whose word is not its lemma, not an -ing form). Skipped, for precision:
 * - a "by" before the end of the clause (the agent is there, perhaps a few words on);
 * - participles that describe a state rather than an act ("born", "based", "concerned");
 * - naming ("is called", "was dubbed") and hedges of saying ("is believed", "was reported"),
 *   which the hedging analyser covers.
 */
import { sentenceTokens, type Token } from "../document";
import type { Analyser, Proposal } from "../types";

const STATIVE = new Set([
  "born", "based", "located", "situated", "supposed", "used", "concerned", "involved", "interested",
  "pleased", "worried", "surprised", "tired", "married", "related", "scheduled", "expected",
  "gone", "done", "finished", "dressed", "prepared", "determined", "committed", "convinced",
  "aware", "entitled", "set", "composed", "made up", "known", "called", "named", "dubbed",
  "titled", "nicknamed", "considered", "seen", "regarded", "deemed", "believed", "thought",
  "said", "reported", "alleged", "understood", "rumoured", "rumored", "estimated", "tasked",
  "designed", "meant", "followed", "accompanied", "attended", "marked", "held", "observed",
]);
/** Acts of force: hiding their agent is the case the tag is for, so confidence is higher. */
const FORCE = new Set([
  "kill", "shoot", "detain", "arrest", "injure", "wound", "bomb", "target", "assassinate", "destroy",
  "hit", "strike", "attack", "execute", "torture", "displace", "fire", "murder", "slay", "abduct",
  "kidnap", "beat", "jail", "imprison", "sentence", "hang", "raid", "sanction", "expel", "deport",
]);
/** Past participles spelt like their lemma, which the "word differs from lemma" test misses. */
const SAME_AS_LEMMA = new Set(["hit", "hurt", "cut", "shut", "spread", "put", "cast", "burst", "split", "quit", "bid", "rid"]);
const CLAUSE_END = new Set([",", ";", ":", ".", "!", "?", "—", "–", "(", ")"]);

function isParticiple(token: Token): boolean {
  if (token.pos !== "VERB") return false;
  if (token.normal.endsWith("ing")) return false;
  if (SAME_AS_LEMMA.has(token.normal)) return true;
  return token.normal !== token.lemma && !(token.normal === `${token.lemma}s` || token.normal === `${token.lemma}es`);
}

export const agentDeletion: Analyser = {
  id: "agent-deletion",
  version: 1,
  description: "Passive verbs with no \"by …\" agent (\"was killed\", \"were detained\"): who did it is left unsaid.",
  // Off: 0.11 precision on the gold set (bench/RESULTS.md). Most agentless passives in news
  // report acts whose doer does not matter or is named nearby ("in a US drone strike").
  defaultOn: false,
  tags: [{ set: "Framing devices", tag: "Passive voice / agent deletion" }],
  analyse(document) {
    const proposals: Proposal[] = [];
    for (const sentence of document.sentences) {
      const tokens = sentenceTokens(document, sentence.index);
      for (let i = 0; i < tokens.length; i++) {
        const aux = tokens[i]!;
        if (aux.lemma !== "be" && aux.lemma !== "get") continue;
        let k = i + 1;
        while (k < tokens.length && k <= i + 2 && (tokens[k]!.pos === "ADV" || tokens[k]!.pos === "PART" || tokens[k]!.lemma === "be")) k++;
        const verb = tokens[k];
        if (!verb || !isParticiple(verb) || STATIVE.has(verb.normal)) continue;
        if (hasAgent(tokens, k + 1)) continue;
        const force = FORCE.has(verb.lemma);
        const phrase = document.text.slice(aux.start, verb.end);
        proposals.push({
          start: aux.start,
          end: verb.end,
          set: "Framing devices",
          tag: "Passive voice / agent deletion",
          confidence: force ? 0.7 : 0.5,
          analyser: "agent-deletion",
          reason: `‘${phrase}’ is passive with no ‘by …’: the text does not say who ${force ? "did it" : "acted"}`,
        });
        i = k;
      }
    }
    return proposals;
  },
};

function hasAgent(tokens: Token[], from: number): boolean {
  for (let j = from; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.normal === "by") return true;
    if (CLAUSE_END.has(t.normal) || t.type === "tabCRLF") return false;
  }
  return false;
}
