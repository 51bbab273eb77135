import { readDocument, type Token } from "../analysis/document";
import { namesTheUS, statedCounts, wordFeatures } from "./features";
import { fold } from "./text";
import { dateFeatures, numberValue } from "./numbers";
import type { Span } from "./sentences";
import { Evidence, evidenceOf } from "./similarity";

/**
 * What a passage claims, as opposed to whom or what it mentions: the acts of its clauses
 * that do not tell something in passing (their verbs, part-of-speech tagged by wink-nlp,
 * lib/domain/analysis) and the content words, numbers and dates of those clauses, with the
 * reporting frame ("X said", "the company confirmed") and the words that name a speaker by
 * role left out, and the common nouns naming who acts in an active clause.
 *
 * Two reports of one speaker or one event can assert different things: a chief executive's
 * condolences and her promise to cooperate, a minister's visit and his promise of an
 * inquiry, a derailment and the cause found for it. What they share is who speaks or what
 * is talked about, which similarity rewards; what differs is the main clause's act.
 */
export interface Claim {
  /** Features (w:, s:, v:) of the claim's verbs, of adjectives predicated by "be" ("was unhappy"), of "have" as a main verb and of the "be" of "there is" (stativeVerb), reporting verbs left out; empty when none is found ("The victim was the driver"). */
  readonly acts: ReadonlySet<string>;
  /** Content features (words, numbers, dates) of the claim's clauses, reporting verbs and role words left out. */
  readonly content: ReadonlySet<string>;
  /** The counts the claim states (by their n: feature), each with the act governing it. */
  readonly counts: ReadonlyMap<string, StatedCount>;
}

/**
 * A count and what the claim says of it. The same count in two reports is good evidence of
 * one fact (outlets reword a fact but keep its numbers), unless one report tells what will
 * or may be done to those counted and the other what was done ("the trust will write to the
 * 31,000 patients" / "hackers stole the records of 31,000 patients"): a plan and a deed are
 * two facts about the same people.
 */
export interface StatedCount {
  /** Features of the act governing the count: the verb after its noun phrase when that is the subject, else the nearest verb before it; empty when none is found. */
  readonly acts: ReadonlySet<string>;
  /** Whether that act is planned or possible rather than done: a modal in its verb group ("will write", "would be lost"). */
  readonly planned: boolean;
  /** Who does that act when the count is its object: the noun or name right before its verb group, a pronoun after a reporting verb read as the speaker ("Engineers say they will repair…"); undefined when not known. */
  readonly actor: string | undefined;
  /** Content features of the count's noun phrase, the count included ("every one of the 31,000 patients whose records were taken"). */
  readonly phrase: ReadonlySet<string>;
}

/**
 * Verbs that frame a claim rather than make one: "X said (that) …" asserts what follows.
 * Verbs of speech with a content of their own (promise, deny, accuse, warn) are acts, and
 * so is a reporting verb in the passive ("the regulator has been told about the breach"):
 * it frames no claim of its subject's, it says what was done to it.
 */
const REPORTING = new Set(["say", "tell", "add", "state", "announce", "confirm", "report", "claim", "insist", "note", "explain", "quote", "according"]);

/**
 * Nouns naming someone by the office they speak from ("the chief executive", "a
 * spokesperson"): shared by two of that person's statements whatever each says, so they
 * are no evidence of the same claim. The titles that name a person (features.ts, "t:")
 * are left out already.
 */
const ROLES = new Set(
  "executive secretary spokesman spokeswoman spokesperson official chairman chairwoman chair director head manager officer mayor governor councillor deputy representative".split(" "),
);

/** The word features of the reporting verbs and role words, made on first use (a word's features may load WordNet). */
let frameFeatures: ReadonlySet<string> | undefined;
const frame = () => (frameFeatures ??= new Set([...REPORTING, ...ROLES].flatMap((w) => [...wordFeatures(w).keys()].filter((f) => f.startsWith("w:")))));

/**
 * Subordinate clauses (clauses.ts) that tell something in passing, known by their first
 * word: relative clauses, adverbial clauses and prepositional openers ("who visited the
 * site", "when the train derailed", "After the flood,"). Contrastive conjunctions ("but",
 * "yet", "while", "whereas") join two assertions, so their clauses stay in the claim
 * ("Nine remain missing, while 180 were rescued"). Participle, appositive and quoted clauses
 * stay too: the clause splitter cannot tell a participle clause from a predicate after a
 * relative clause ("Ms Vell, who leads the council, estimated that…"), and a quotation after
 * "said:" is the claim itself; a participle phrase opening the sentence ("Sentencing the
 * driver on Monday, the judge said…") is the exception (OPENING_PARTICIPLE_RE). Keeping a
 * clause only adds acts, so a doubtful one makes a pair less likely to be held apart, never
 * more.
 */
const PASSING_RE = /^(?:which|who|whom|whose|where|when|although|though|as|after|before|because|since|until|despite|following|amid|including|according to|owing to|as well as|with|on|in|at|during|last|earlier|later|shortly)\b/iu;

/**
 * A participle opening a sentence's first clause, cut off by a comma: "Sentencing the driver
 * on Monday, the judge said…" tells in passing what the subject was doing; the clause after
 * the comma is the claim.
 */
const OPENING_PARTICIPLE_RE = /^\p{Lu}\p{Ll}+ing\b/u;

/** The tokens from `from` to the next comma (or the end): a clause opened inside a clause ends at a comma. */
const upToComma = (tokens: readonly Token[], from: number) => {
  const comma = tokens.findIndex((t, k) => k >= from && t.text === ",");
  return tokens.slice(from, comma < 0 ? undefined : comma);
};

/** An appositive clause as the splitter opens one (clauses.ts): ", a collection of …", ", one of the …". */
const APPOSITIVE_START_RE = /^(?:one of|a|an)\b/u;

/** A relative pronoun opening a clause. */
const RELATIVE_START_RE = /^(?:which|who|whom|whose)\b/iu;

/**
 * Conjunctions opening an adverbial clause inside a clause, where the splitter saw no comma
 * ("Rescuers saved 180 after the ferry overturned"): from there on the clause tells its fact
 * in passing. "While" is left out: it also joins two assertions.
 */
const ADVERBIAL_CONJUNCTIONS = new Set(["after", "when", "because", "since", "before", "until", "although", "though", "once", "whenever"]);

/** A clause of a passage with its features, as align-all.ts has them. */
export interface ClaimClause {
  readonly span: Span;
  readonly subordinate: boolean;
  readonly features: ReadonlyMap<string, number>;
}

/**
 * The claim of a passage (span into `text`) from its clauses: every clause but those that
 * tell something in passing (PASSING_RE; of a relative clause run on to the predicate, the
 * predicate is kept; an appositive after a clause with its verb, which describes that clause's
 * object, and the examples after ", including" or ", among them": listedInPassing), each up to an adverbial conjunction inside it (ADVERBIAL_CONJUNCTIONS)
 * and without what it tells in passing with no pronoun or comma to mark it (toldInPassing).
 * Acts are those parts' verbs, reporting verbs left out. A count in a definite noun phrase
 * is no content of the claim (statedCountsOf's `definite`).
 */
export function claimOf(text: string, passage: Span, clauses: readonly ClaimClause[]): Claim {
  const read = readDocument(text.slice(passage.start, passage.end));
  const doc = { ...read, tokens: verbsAfterModals(nounsReadAsVerbs(read.tokens)) };
  // A relative clause is closed by a comma: when the splitter ran it on to the sentence's end
  // ("The trust, which runs the hospital, said it would not pay."), a verb right after a comma
  // inside it starts the sentence's predicate, which is the claim (from that verb on).
  const predicateAfter = (c: ClaimClause) => {
    if (!c.subordinate || !RELATIVE_START_RE.test(text.slice(c.span.start, c.span.end))) return undefined;
    const within = doc.tokens.filter((t) => t.start + passage.start >= c.span.start && t.start + passage.start < c.span.end);
    const at = within.findIndex((t, i) => i > 0 && within[i - 1]?.text === "," && (t.pos === "VERB" || t.pos === "AUX"));
    return at > 0 ? (within[at] as Token).start + passage.start : undefined;
  };
  const opening = (c: ClaimClause) => c === clauses[0] && c.subordinate && clauses.length > 1 && OPENING_PARTICIPLE_RE.test(text.slice(c.span.start, c.span.end));
  const tokensOf = (c: ClaimClause) => doc.tokens.filter((t) => t.start + passage.start >= c.span.start && t.start + passage.start < c.span.end);
  // An appositive after a clause that has its verb describes that clause's object.
  const objectAppositive = (c: ClaimClause, i: number) =>
    c.subordinate && i > 0 && APPOSITIVE_START_RE.test(text.slice(c.span.start, c.span.end)) && tokensOf(clauses[i - 1] as ClaimClause).some(isVerbal);
  const claimClauses = clauses.filter((c, i) => !opening(c) && !objectAppositive(c, i) && (!(c.subordinate && PASSING_RE.test(text.slice(c.span.start, c.span.end))) || predicateAfter(c) !== undefined));
  // An adverbial clause inside a clause, with no comma for the splitter ("saved 180 after the
  // ferry overturned"), tells its fact in passing too: from its conjunction to the clause's end.
  // The tagger reads "after" before a clause as a preposition as often as a conjunction, so a
  // verb after it, before the next comma, is what makes it a clause ("after a week of storms"
  // is none, nor "since 1990" in ", which has served the town since 1990, will shut").
  const claimRanges = claimClauses.map((c) => {
    const within = doc.tokens.filter((t) => t.start + passage.start >= c.span.start && t.start + passage.start < c.span.end);
    const at = within.findIndex((t, i) => i > 0 && ADVERBIAL_CONJUNCTIONS.has(t.normal) && upToComma(within, i + 1).some((v) => v.pos === "VERB"));
    const from = predicateAfter(c) ?? c.span.start;
    return at > 0 ? { start: from, end: (within[at] as (typeof within)[number]).start + passage.start } : { start: from, end: c.span.end };
  });
  const inRanges = (at: number) => claimRanges.some((c) => c.start <= at && at < c.end);
  const told = new Set(
    claimRanges.flatMap((range) => {
      const part = doc.tokens.filter((t) => t.start + passage.start >= range.start && t.start + passage.start < range.end);
      return [...toldInPassing(part), ...describedSubject(part), ...timePhrases(part), ...listedInPassing(part, part[0] !== doc.tokens[0])].map((t) => t.start);
    }),
  );
  const inClaim = (at: number) => inRanges(at) && !told.has(at - passage.start);
  const isAct = (t: Token) => (t.pos === "VERB" && (!REPORTING.has(t.lemma) || passive(doc.tokens, t.index))) || predicateAdjective(doc.tokens, t.index) || stativeVerb(doc.tokens, t.index);
  const acts = new Set<string>();
  for (const t of doc.tokens) if (isAct(t) && inClaim(t.start + passage.start)) for (const f of wordFeatures(fold(t.text)).keys()) acts.add(f);
  // Left out of the content besides the frame: words of names and titles ("Transport" in
  // "Transport Minister Ivo Rask") and the US (a name whose feature is a word, "america"),
  // which name the actor; the common nouns naming who acts (activeSubjects); and words only
  // in the tail of an adverbial clause (the clauses' features cannot be cut there).
  const wordsOf = (ts: typeof doc.tokens) => new Set(ts.flatMap((t) => [...wordFeatures(fold(t.text)).keys()].filter((f) => f.startsWith("w:"))));
  const inClauses = (at: number) => claimClauses.some((c) => c.span.start <= at && at < c.span.end);
  const claimed = wordsOf(doc.tokens.filter((t) => inClaim(t.start + passage.start)));
  const leftOut = new Set(frame());
  for (const f of wordsOf(doc.tokens.filter((t) => t.pos === "PROPN"))) leftOut.add(f);
  if (namesTheUS(text.slice(passage.start, passage.end))) for (const f of wordFeatures("america").keys()) if (f.startsWith("w:")) leftOut.add(f);
  const subjects = activeSubjects(doc.tokens, claimRanges, passage.start, told);
  const restWords = wordsOf(doc.tokens.filter((t) => !subjects.includes(t) && inClaim(t.start + passage.start)));
  for (const f of wordsOf(subjects)) if (!restWords.has(f)) leftOut.add(f);
  for (const f of wordsOf(doc.tokens.filter((t) => inClauses(t.start + passage.start) && !inClaim(t.start + passage.start)))) if (!claimed.has(f)) leftOut.add(f);
  // Numbers and dates only in what a clause tells in passing are no claim content either
  // ("…the worst day since its mill closed in 2009"): the clauses' features cannot be cut
  // there, so they are read again from the words on each side of each cut.
  const claimedNumbers = new Set<string>();
  const passingNumbers = new Set<string>();
  for (const run of runsBy(doc.tokens.filter((t) => inClauses(t.start + passage.start)), (t) => inClaim(t.start + passage.start))) {
    for (const f of numbersOf(doc.text, run.tokens)) (run.key ? claimedNumbers : passingNumbers).add(f);
  }
  for (const f of passingNumbers) if (!claimedNumbers.has(f)) leftOut.add(f);
  // The counts are read without what a part tells in passing, so that a participle after a
  // count's noun ("420 people employed at the site will lose…") is not taken for its act.
  const stated = claimRanges.flatMap((range) =>
    statedCountsOf(
      doc.tokens.filter((t) => t.start + passage.start >= range.start && t.start + passage.start < range.end && !told.has(t.start)),
      doc.text,
      isAct,
    ),
  );
  // A count in a definite noun phrase ("the 164 passengers", "the hospital's 3,200 staff") is
  // known to the reader already: the claim is what is said of those counted, not how many they
  // are, unless the claim also states that count without an article ("There were 164 …").
  for (const c of stated) if (c.definite && !stated.some((o) => o.feature === c.feature && !o.definite)) leftOut.add(c.feature);
  const content = new Set<string>();
  for (const c of claimClauses) {
    for (const f of c.features.keys()) if (evidenceOf(f) === Evidence.Content && !leftOut.has(f)) content.add(f);
  }
  const counts = new Map<string, StatedCount>();
  for (const c of stated) {
    counts.set(c.feature, { acts: new Set(c.act ? wordFeatures(fold(c.act.text)).keys() : []), planned: c.planned, actor: c.actor, phrase: new Set([c.feature, ...wordsOf(c.phrase)]) });
  }
  return { acts, content, counts };
}

/** Words a count's noun phrase may have before the number: "every one of the", "more than", "roughly", "the hospital's". */
const BEFORE_COUNT = new Set(["DET", "ADJ", "ADV", "NUM", "PART"]);
const BEFORE_COUNT_WORDS = new Set(["than", "of", "around", "about", "over", "under"]);
/** Pronouns opening a restrictive relative clause, part of the noun phrase ("the patients whose records were taken"). */
const RELATIVE_PRONOUNS = new Set(["whose", "who", "whom", "which", "that"]);
/** Determiners that make a noun phrase definite ("the 164 passengers", "its 85 staff"): what it names is known to the reader already; so does a possessor ("the hospital's 3,200 staff"). */
const DEFINITE = new Set(["the", "its", "their", "his", "her", "our", "these", "those"]);
const POSSESSIVE_RE = /^['’]s?$/u;
/** Units of time: "three weeks" is a duration, not a count of things something is done to. */
const TIME_UNIT_RE = /^(?:second|minute|hour|day|night|week|month|year|decade)s?$/u;
/** Modal auxiliaries: an act they go with is planned or possible, not done. */
const MODALS = new Set(["will", "would", "shall", "'ll", "could", "may", "might", "should", "must"]);

/**
 * The counts stated in one part of a claim (its tokens, of a document on `text`), each with
 * its noun phrase, the act governing it (`isAct`) and whether that act is planned. Without a
 * parse, English word order stands in for one: a noun phrase followed by a verb group is its
 * subject ("the 85 staff will lose…"), and so is one with no verb before it; otherwise the
 * count is an object or complement of the nearest verb before it ("wrote to 31,000 patients",
 * "records on 31,000 patients").
 */
function statedCountsOf(part: readonly Token[], text: string, isAct: (t: Token) => boolean): { feature: string; act: Token | undefined; planned: boolean; actor: string | undefined; phrase: Token[]; definite: boolean }[] {
  const out: { feature: string; act: Token | undefined; planned: boolean; actor: string | undefined; phrase: Token[]; definite: boolean }[] = [];
  let lastEnd = -2;
  let lastDefinite = false;
  const pos = (k: number) => part[k]?.pos;
  for (let i = 0; i < part.length; i++) {
    if (pos(i) !== "NUM" || pos(i - 1) === "NUM") continue;
    let end = i;
    while (pos(end + 1) === "NUM" || part[end + 1]?.text === "-") end++;
    // The word after the number tells a measure or "one of" from a count (statedCounts).
    const value = statedCounts(text.slice((part[i] as Token).start, (part[end + 1] ?? (part[end] as Token)).end))[0];
    const counted = part[end + 1];
    // A partitive names what is counted after "of": "40 of its footbridges".
    if (counted?.normal === "of") for (end++; pos(end + 1) === "DET" || pos(end + 1) === "PRON" || pos(end + 1) === "PART"; ) end++;
    while (pos(end + 1) === "NOUN" || pos(end + 1) === "ADJ" || pos(end + 1) === "PROPN" || pos(end + 1) === "PART") end++;
    if (value === undefined || (counted && TIME_UNIT_RE.test(counted.normal))) continue;
    let start = i;
    for (let p = part[start - 1]; p; p = part[start - 1]) {
      const possessor = (p.pos === "NOUN" || p.pos === "PROPN") && pos(start) === "PART";
      if (!BEFORE_COUNT.has(p.pos) && !BEFORE_COUNT_WORDS.has(p.normal) && !possessor) break;
      start--;
    }
    if (part[end + 1] && RELATIVE_PRONOUNS.has((part[end + 1] as Token).normal)) end = part.length - 1;
    let k = end + 1;
    while (pos(k) === "ADV" || pos(k) === "PART") k++;
    let act: Token | undefined;
    if (pos(k) !== "AUX" && pos(k) !== "VERB") for (let b = start - 1; b >= 0 && !act; b--) if (isAct(part[b] as Token)) act = part[b];
    // No verb before it: the phrase is the subject, with a modifier before its verb ("the 60 staff at the depot could lose…").
    if (!act) while (pos(k) !== "AUX" && pos(k) !== "VERB" && k < part.length) k++;
    for (; !act && k < part.length && VERB_GROUP.has(pos(k) as string); k++) if (isAct(part[k] as Token)) act = part[k];
    let group = act ? part.indexOf(act) : -1;
    while (group > 0 && VERB_GROUP.has(pos(group - 1) as string)) group--;
    const planned = act !== undefined && part.slice(group, part.indexOf(act)).some((t) => MODALS.has(t.normal));
    let d = i - 1;
    while (part[d]?.pos === "SYM") d--;
    const definite: boolean = part.slice(Math.min(start, d), i).some((t) => DEFINITE.has(t.normal) || POSSESSIVE_RE.test(t.normal)) || (lastDefinite && lastEnd === start - 2 && part[start - 1]?.pos === "CCONJ");
    out.push({ feature: `n:${value}`, act, planned, actor: act && group < start ? actorBefore(part, group) : undefined, phrase: part.slice(start, end + 1), definite });
    lastEnd = end;
    lastDefinite = definite;
    i = end;
  }
  return out;
}

/**
 * Who does the act whose verb group starts at `group`: the noun or name right before it ("the
 * council has repaired…"); a subject pronoun right after a reporting verb, or after its "that",
 * stands for the speaker before that verb ("Engineers say they will repair…"). Undefined when
 * neither is found.
 */
function actorBefore(part: readonly Token[], group: number): string | undefined {
  const subject = part[group - 1];
  if (subject?.pos === "NOUN" || subject?.pos === "PROPN") return subject.normal;
  if (subject?.pos !== "PRON" || !SUBJECT_PRONOUNS.has(subject.normal)) return undefined;
  let k = group - 2;
  if (part[k]?.normal === "that") k--;
  if (!(part[k]?.pos === "VERB" && REPORTING.has((part[k] as Token).lemma))) return undefined;
  for (k--; part[k]?.pos === "ADV" || part[k]?.pos === "AUX"; ) k--;
  const speaker = part[k];
  return speaker?.pos === "NOUN" || speaker?.pos === "PROPN" ? speaker.normal : undefined;
}

/** Consecutive tokens grouped by `key`. */
function runsBy(tokens: readonly Token[], key: (t: Token) => boolean): { key: boolean; tokens: Token[] }[] {
  const runs: { key: boolean; tokens: Token[] }[] = [];
  for (const t of tokens) {
    const k = key(t);
    const last = runs.at(-1);
    if (last && last.key === k) last.tokens.push(t);
    else runs.push({ key: k, tokens: [t] });
  }
  return runs;
}

/** The number and date features (numbers.ts) of a run of tokens of `text`. */
function numbersOf(text: string, tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) {
    const value = numberValue(t.normal);
    if (value !== undefined) out.add(`n:${value}`);
  }
  const first = tokens[0];
  const last = tokens.at(-1);
  if (first && last) for (const f of dateFeatures(text.slice(first.start, last.end)).features.keys()) out.add(f);
  return out;
}

/**
 * The tokens with the nouns the tagger read as verbs tagged as nouns again. A noun in "-s"
 * that can also be a verb ("works", "funds", "costs") is tagged a verb after another noun
 * ("the sewage works"). It is no verb when it closes a phrase after a preposition that
 * follows the clause's verb ("inspected the pumps at its sewage works."): a
 * finite verb there would need a clause of its own, and nothing (a comma, a conjunction, a
 * relative word) opens one. Only at the end of a clause (punctuation or the end after it),
 * since a verb taking a clause without "that" ("believe the men in the car work for…") may
 * stand so before its complement.
 */
function nounsReadAsVerbs(tokens: readonly Token[]): Token[] {
  return tokens.map((t, i) => {
    const after = tokens[i + 1];
    if (t.pos !== "VERB" || !/[^s]s$/u.test(t.normal) || t.normal === t.lemma || tokens[i - 1]?.pos !== "NOUN" || (after && after.pos !== "PUNCT")) return t;
    let preposition = false;
    for (let k = i - 2; k >= 0; k--) {
      const b = tokens[k] as Token;
      if (b.pos === "ADP") preposition = true;
      else if (isVerbal(b)) return preposition && !REPORTING.has(b.lemma) ? { ...t, pos: "NOUN" } : t;
      else if (b.pos === "PRON" ? SUBJECT_PRONOUNS.has(b.normal) : breaks(b)) return t;
    }
    return t;
  });
}

/**
 * The tokens with the word right after a modal ("will close", "could face"; "not" and adverbs
 * between) tagged a verb: a modal takes a bare infinitive, which the tagger sometimes reads
 * as an adjective or a noun.
 */
function verbsAfterModals(tokens: readonly Token[]): Token[] {
  return tokens.map((t, i) => {
    if (t.pos !== "ADJ" && t.pos !== "NOUN") return t;
    let k = i - 1;
    while (k >= 0 && ((tokens[k] as Token).pos === "ADV" || (tokens[k] as Token).pos === "PART")) k--;
    return tokens[k]?.pos === "AUX" && MODALS.has((tokens[k] as Token).normal) ? { ...t, pos: "VERB" } : t;
  });
}

/** Tokens that may stand inside a verb group: "has not yet been told", "would study". */
const VERB_GROUP = new Set(["AUX", "ADV", "PART", "VERB"]);
/** A participle in "-ing" after "be" is progressive ("was plotting"), not passive. */
const PROGRESSIVE_RE = /ing$/u;

/** Whether the token at i is an adjective predicated by "be" ("was not happy", "were far too slow"): what the clause asserts of its subject. */
function predicateAdjective(tokens: readonly Token[], i: number): boolean {
  if ((tokens[i] as Token).pos !== "ADJ") return false;
  let k = i - 1;
  while (k >= 0 && ((tokens[k] as Token).pos === "ADV" || (tokens[k] as Token).pos === "PART" || QUOTE_RE.test((tokens[k] as Token).text))) k--;
  const before = tokens[k];
  return before !== undefined && before.pos === "AUX" && before.lemma === "be";
}

/** Whether the token at i is "have" as a main verb ("the hospital has 3,200 staff") or the "be" of "there is": a stative verb the tagger calls an auxiliary. */
function stativeVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.pos !== "AUX" || (t.lemma !== "have" && t.lemma !== "be")) return false;
  if (t.lemma === "be") return tokens[i - 1]?.normal === "there";
  // Up to the object's first word, or a participle: "has 3,200 staff", "has since closed".
  let k = i + 1;
  while (k < tokens.length && !isVerbal(tokens[k]) && !OBJECT_POS.has((tokens[k] as Token).pos) && (tokens[k] as Token).pos !== "PUNCT") k++;
  return !isVerbal(tokens[k]);
}

/** Whether the verb at i is passive: a form of "be" right before it ("was told", "has been told", "were not told"). */
function passive(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ((tokens[k] as Token).pos === "ADV" || (tokens[k] as Token).pos === "PART")) k--;
  const before = tokens[k];
  return before !== undefined && before.pos === "AUX" && before.lemma === "be" && !PROGRESSIVE_RE.test((tokens[i] as Token).normal);
}

/** Verbs whose object may be followed by a clause of its own ("told the council the plan would fail"), not a relative clause. */
const CLAUSE_OBJECT = new Set(["warn", "assure", "remind", "inform", "promise", "notify", "advise", "convince", "persuade", "show", "teach", "ask"]);
/** Nouns of time, which may stand before a clause as an adverbial ("last week the council voted"). */
const TIME_NOUN_RE = /^(?:second|minute|hour|day|night|morning|afternoon|evening|week|weekend|month|year|decade|time)s?$/u;
/** Subject pronouns, which may open a relative clause without a pronoun ("the money it owed"). */
const SUBJECT_PRONOUNS = new Set(["i", "you", "he", "she", "it", "we", "they"]);
/** Words that end a reduced relative clause's reach: a new clause or a coordinated verb starts there. */
const CLAUSE_BREAK = new Set(["CCONJ", "SCONJ", "PUNCT", "PRON"]);
/** Words opening a clause whatever the tagger calls them. */
const CLAUSE_WORDS = new Set(["that", "which", "who", "whom", "whose", "where", "when", "while", "as", "after", "before", "because", "since", "until", "if"]);
/** Quotation marks and a word's hyphen ("thirty-one"), which the tagger calls punctuation but which break no clause. */
const QUOTE_RE = /^(?:[\p{Pi}\p{Pf}"'«»]+|-)$/u;
const breaks = (t: Token | undefined) => t !== undefined && ((CLAUSE_BREAK.has(t.pos) && !QUOTE_RE.test(t.text)) || CLAUSE_WORDS.has(t.normal));

/** What may follow a verb as its object: a participle followed by one is a verb of its own clause ("the council approved the plan"). */
const OBJECT_POS = new Set(["DET", "NOUN", "PROPN", "PRON", "NUM", "ADJ"]);
const isVerbal = (t: Token | undefined) => t !== undefined && (t.pos === "VERB" || t.pos === "AUX");
/** A past participle or past tense: "employed", "taken", "hit" is left out (its lemma is the same word). */
const pastForm = (t: Token | undefined) => t !== undefined && t.pos === "VERB" && t.normal !== t.lemma && !/(?:ing|s)$/u.test(t.normal);

/**
 * The tokens of a claim's part (tokens of one clause) that tell
 * something in passing although no relative pronoun or comma marks it:
 * - a relative clause without a pronoun ("apologised for the worry the attack would
 *   cause"): a noun after a verb (its object or in a phrase after it), then a noun phrase
 *   opened by a determiner or pronoun, then a verb group; that noun phrase and verb group
 *   are in passing. A time noun may open a clause ("last week the council…"), and after
 *   "tell", "warn" or a reporting verb the object may be followed by the claim itself
 *   ("told the council the plan would fail"), so those are left alone;
 * - a reduced relative clause, a past participle right after a noun with no object after it
 *   ("the homes damaged by the storm", "people employed at the site will lose…"): when the
 *   noun is in a phrase after a verb ("will write to the patients affected"; nothing
 *   between them starting a clause), or the participle takes "by", or a finite verb group
 *   follows as the sentence's predicate (not after "and": "the ship sank off the cape and
 *   rescuers…" is two clauses); from the participle to that verb, a clause break or the
 *   part's end. A participle with an object after it is a verb of its own clause.
 */
function toldInPassing(part: readonly Token[]): Token[] {
  const out: Token[] = [];
  const pos = (k: number) => part[k]?.pos;
  const verbBefore = (j: number) => {
    let preposition = false;
    for (let k = j - 1; k >= 0; k--) {
      const t = part[k] as Token;
      if (isVerbal(t)) return { verb: t, preposition };
      if (t.pos === "ADP") preposition = true;
      if (breaks(t)) return undefined;
    }
    return undefined;
  };
  const nounAt = (j: number) => part[j]?.pos === "NOUN" && !TIME_NOUN_RE.test((part[j] as Token).normal);
  for (let j = 0; j < part.length - 1; j++) {
    const next = part[j + 1] as Token;
    const opensPhrase = (next.pos === "DET" && !CLAUSE_WORDS.has(next.normal)) || (next.pos === "PRON" && (SUBJECT_PRONOUNS.has(next.normal) || pos(j + 2) === "NOUN" || pos(j + 2) === "ADJ"));
    const before = verbBefore(j);
    if (!nounAt(j) || !opensPhrase || !before || REPORTING.has(before.verb.lemma) || CLAUSE_OBJECT.has(before.verb.lemma)) continue;
    let k = j + 2;
    while (pos(k) === "ADJ" || pos(k) === "NOUN" || pos(k) === "PROPN" || pos(k) === "NUM") k++;
    if ((next.pos === "DET" && k === j + 2) || !isVerbal(part[k])) continue;
    let end = k;
    while (end < part.length && VERB_GROUP.has(pos(end) as string)) end++;
    for (let m = j + 1; m < end; m++) out.push(part[m] as Token);
    j = end - 1;
  }
  // A verb of a relative clause found above is no predicate for a participle before it.
  const finite = (t: Token | undefined) => t !== undefined && !out.includes(t) && (t.pos === "AUX" || (t.pos === "VERB" && !pastForm(t) && !/ing$/u.test(t.normal)));
  for (let j = 0; j < part.length - 1; j++) {
    if (!nounAt(j) || !pastForm(part[j + 1]) || OBJECT_POS.has(pos(j + 2) ?? "")) continue;
    let end = j + 2;
    while (end < part.length && !isVerbal(part[end]) && !breaks(part[end]) && !out.includes(part[end] as Token)) end++;
    const inPhrase = verbBefore(j)?.preposition === true;
    const agent = part[j + 2]?.normal === "by";
    const predicate = finite(part[end]) && part[end - 1]?.normal !== "to";
    if (!inPhrase && !agent && !predicate) continue;
    for (let m = j + 1; m < end; m++) out.push(part[m] as Token);
    j = end - 1;
  }
  return out;
}

/** Prepositions that place a claim in time by another event. */
const TIME_PREPOSITIONS = new Set(["after", "since", "before", "until", "following"]);
/** What a noun phrase after a preposition is made of ("the 2019 penalty", "a week of heavy storms", "the council's vote"). */
const PHRASE_POS = new Set(["DET", "ADJ", "NUM", "NOUN", "PROPN", "PART"]);

/**
 * Phrases placing the claim in time by another event: a time preposition and its noun phrase
 * ("has bought two boats since the 2019 penalty", "closed the road after a week of storms"),
 * when no verb follows in the part (with one, it is an adverbial clause, cut off already) and
 * the phrase has a common noun: the event is named in passing, as in "Following his
 * assassination, …" (bench/gold/README.md). A bare date ("has not recovered since 2011",
 * "until Friday") is the claim's own time and stays.
 */
function timePhrases(part: readonly Token[]): Token[] {
  const out: Token[] = [];
  part.forEach((t, i) => {
    if (i === 0 || !TIME_PREPOSITIONS.has(t.normal) || part.slice(i + 1).some(isVerbal)) return;
    let end = i + 1;
    while (end < part.length && (PHRASE_POS.has((part[end] as Token).pos) || part[end]?.normal === "of")) end++;
    if (part.slice(i + 1, end).some((w) => w.pos === "NOUN")) out.push(...part.slice(i, end));
  });
  return out;
}

/** Words opening a list of examples of what was just named: ", including …", ", among them …", ", such as …". */
const LIST_OPENERS = new Set(["including", "among", "such"]);
const LIST_SECOND: Record<string, RegExp> = { including: /./u, among: /^(?:them|whom|which|those|these)$/u, such: /^as$/u };

/**
 * Examples of what a clause has just named, after a comma or opening a part that does not open
 * the passage (`afterClause`): "took items from the hoard, including a gold clasp considered
 * its finest piece"; "…, among them two children". They tell in passing what the thing named
 * includes; the clause before is the claim. From the opener to the next comma or the part's
 * end. The splitter marks such a piece main when it follows an appositive (the predicate
 * usually does), so it is read here. A sentence opening so ("Among them was …") asserts it.
 */
function listedInPassing(part: readonly Token[], afterClause: boolean): Token[] {
  const out: Token[] = [];
  part.forEach((t, i) => {
    const second = part[i + 1];
    if (!LIST_OPENERS.has(t.normal) || !second || !(LIST_SECOND[t.normal] as RegExp).test(second.normal) || !(i === 0 ? afterClause : part[i - 1]?.text === ",")) return;
    out.push(...upToComma(part, i));
  });
  return out;
}

/** Relative pronouns opening a clause that describes the noun before it; "whose" tells another's act ("The opposition, whose leader has demanded…, says"), which a gold link may carry. */
const DESCRIBING_RELATIVES = new Set(["which", "who", "whom"]);

/**
 * A relative clause or a reduced one between commas after the part's subject ("Harlow
 * Ferries, owned by a group of investors, was ordered to pay…"; "The depot, which has served
 * the town since 1990, will shut…"): a noun phrase with no verb, a comma, a past participle or
 * "which"/"who"/"whom", the next comma and a verb after it. It describes the subject; the
 * predicate is the claim. The splitter keeps such a piece with the predicate when the subject
 * is short, and a participle piece always, since a participle clause may be the predicate.
 */
function describedSubject(part: readonly Token[]): Token[] {
  const comma = part.findIndex((t) => t.text === ",");
  const opener = part[comma + 1];
  if (comma < 1 || part.slice(0, comma).some(isVerbal) || !(pastForm(opener) || (opener !== undefined && DESCRIBING_RELATIVES.has(opener.normal)))) return [];
  const close = part.findIndex((t, k) => k > comma + 1 && t.text === ",");
  return close > 0 && isVerbal(part[close + 1]) ? part.slice(comma + 1, close + 1) : [];
}

/**
 * The common nouns naming who acts in the claim's parts (`ranges`, offsets into the text the
 * passage starting at `offset` is part of): the subject of an active clause, named by a
 * common noun ("the authority would study…", "the quarry employs…"). Like a name, it is
 * shared by two claims about one actor whatever each asserts. The tagger gives no parse, and
 * English puts the subject before its verb: in a part with a reporting verb, the nouns after
 * it (or after "that") up to the next verb ("Orlov said the authority would…"), since before
 * it stands the speaker's description, which a true pair may share as its content ("the
 * union's organiser said…" / "union organiser Roy says…"); in a part without one, the nouns
 * before its first verb. A passive subject ("records were taken") is what is acted on, so it
 * stays content.
 */
function activeSubjects(tokens: readonly Token[], ranges: readonly Span[], offset: number, told: ReadonlySet<number>): Token[] {
  const subjects: Token[] = [];
  for (const range of ranges) {
    const part = tokens.filter((t) => t.start + offset >= range.start && t.start + offset < range.end && !told.has(t.start));
    const reports = (t: Token) => t.pos === "VERB" && REPORTING.has(t.lemma) && !passive(tokens, t.index);
    let open = !part.some(reports);
    let nouns: Token[] = [];
    part.forEach((t, j) => {
      if (reports(t) || t.normal === "that") {
        open = true;
        nouns = [];
      } else if (t.pos === "VERB" || t.pos === "AUX") {
        let end = j;
        while (end < part.length && VERB_GROUP.has((part[end] as Token).pos)) end++;
        const group = part.slice(j, end);
        const verb = group.filter((g) => g.pos === "VERB").at(-1);
        if (open && !(verb && passive(tokens, verb.index))) subjects.push(...nouns);
        open = false;
        nouns = [];
      } else if (open && t.pos === "NOUN") nouns.push(t);
    });
  }
  return subjects;
}

/**
 * Whether two passages make different claims: both have acts, no act of one agrees with an
 * act of the other (the same verb, a curated synonym class or a WordNet class; not the act
 * governing a count that one tells as a deed and another actor as a plan), and the clauses
 * that carry their claims share no content word, number or date (a count only when both
 * tell a deed or both a plan, or the same act of one actor): all they have in common is who speaks or acts (names,
 * titles, role words, "said", the subject of an active clause named by a common noun) or
 * what one of them names in passing. Such a pair is not the same fact, however similar
 * ("Vell offered her condolences" / "Vell said the company would cooperate").
 */
export function differentClaims(a: Claim, b: Claim): boolean {
  if (a.acts.size === 0 || b.acts.size === 0) return false;
  // A count governed by a plan on one side and a deed on the other is no shared content, nor
  // is the rest of its noun phrase (StatedCount). When the two acts agree, only another actor
  // makes them two facts ("the council has repaired 40 footbridges" / "engineers will repair
  // 40 footbridges"; "the mill will cut 300 jobs" / "the mill has cut 300 jobs" may be one), and then
  // the act is not shared either.
  const unshared = new Set<string>();
  for (const [n, x] of a.counts) {
    const y = b.counts.get(n);
    if (!y || x.planned === y.planned || x.acts.size === 0 || y.acts.size === 0) continue;
    const sameAct = [...x.acts].some((f) => y.acts.has(f));
    if (!sameAct) for (const f of [...x.phrase, ...y.phrase]) unshared.add(f);
    else if (x.actor !== undefined && y.actor !== undefined && x.actor !== y.actor) for (const f of [...x.phrase, ...y.phrase, ...x.acts, ...y.acts]) unshared.add(f);
  }
  for (const f of a.acts) if (b.acts.has(f) && !unshared.has(f)) return false;
  for (const f of a.content) if (b.content.has(f) && !unshared.has(f)) return false;
  return true;
}


/**
 * Words that set a claim in time rather than say what happened: times of day, days, months
 * and the words that place them ("in the early hours of Saturday", "on Monday night", "late
 * last week"). Reports of different facts of one night share them.
 */
const SETTING_WORDS = "hour morning afternoon evening night overnight dawn dusk midnight midday noon early late day week weekend month year today tonight yesterday monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december".split(" ");
let settingFeatures: ReadonlySet<string> | undefined;
const setting = () => (settingFeatures ??= new Set(SETTING_WORDS.flatMap((w) => [...wordFeatures(w).keys()].filter((f) => f.startsWith("w:")))));
const isSetting = (f: string) => f.startsWith("d:") || setting().has(f);
/** A number that may be a year (numbers.ts reads one standing alone, "in 2023", as a number, not a date). */
const isYear = (f: string) => {
  const value = f.startsWith("n:") ? Number(f.slice(2)) : NaN;
  return Number.isInteger(value) && value >= 1000 && value <= 2100;
};

/**
 * Two claims that agree only on when they happened: no act in common, every content feature
 * they share a time word, a date or a year that neither states as a count, and each tells at least two things of its own besides
 * its act and time ("Thieves broke in through a skylight in the roof in the early hours of
 * Sunday" / "Four gilt paintings were taken from the east wing in the early hours of
 * Sunday"). One night's events are told with one time phrase; the phrase is no evidence of
 * one fact. A claim telling little else ("The dam gave way on Monday night") may be the
 * same fact reworded, its act in other words and its subject a name.
 */
export function onlySettingShared(a: Claim, b: Claim): boolean {
  if (a.acts.size === 0 || b.acts.size === 0) return false;
  for (const f of a.acts) if (b.acts.has(f)) return false;
  const shared = [...a.content].filter((f) => b.content.has(f));
  // A year neither claim states as a count ("the 1971 bridge", "the attack of 2023") places
  // the claim in time like a date.
  const when = (f: string) => isSetting(f) || (isYear(f) && !a.counts.has(f) && !b.counts.has(f));
  const saysMore = (c: Claim) => [...c.content].filter((f) => !when(f) && !c.acts.has(f)).length >= 2;
  return shared.length > 0 && shared.every(when) && saysMore(a) && saysMore(b);
}
