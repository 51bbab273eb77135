/**
 * Slogans: hashtags that work as rallying cries (#SaveOurJobs, #WeRemember, #StopTheWar), not
 * those that only name a person, place or event (#Brexit, #WorldCupFinal). The words of a
 * hashtag vary without end, so a pattern reads its form.
 */
import { readDocument } from "../document";
import type { CuePattern } from "./cue-pattern";

/** Parts of speech that make a run of words a call or a pledge: a verb ("save", "stop") or a pronoun ("we", "our"). */
const CALLING = new Set(["VERB", "AUX", "PRON"]);
const calls = new Map<string, boolean>();

/** Whether a hashtag's words, split at capitals and read lower-cased, hold a verb or a pronoun. */
function isCall(hashtag: string): boolean {
  const cached = calls.get(hashtag);
  if (cached !== undefined) return cached;
  const parts = hashtag.slice(1).match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+/g) ?? [];
  const words = parts.length >= 2 ? readDocument(parts.join(" ").toLowerCase()).tokens.filter((t) => t.type === "word") : [];
  const call = words.length >= 2 && words.some((t) => CALLING.has(t.pos));
  calls.set(hashtag, call);
  return call;
}

/** "#SaveOurJobs", "#WeRemember": a hashtag of two or more words among which a verb or a pronoun makes it a call. */
export const hashtagCall: CuePattern = {
  id: "hashtag-call",
  propose: { set: "Persuasion techniques", tag: "Slogans" },
  confidence: 0.6,
  note: "a hashtag that calls on readers or pledges something, a rallying cry",
  find(document) {
    return document.tokens.filter((t) => t.type === "hashtag" && isCall(t.text)).map(({ start, end }) => ({ start, end }));
  },
};

export const SLOGAN_PATTERNS: readonly CuePattern[] = [hashtagCall];
