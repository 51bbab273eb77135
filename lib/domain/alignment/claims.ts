import { readDocument, type Token } from "../analysis/document";
import { namesTheUS, statedCounts, wordFeatures } from "./features";
import { fold } from "./text";
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
  /** Features (w:, s:, v:) of the claim's verbs, reporting verbs left out; empty when none is found ("The victim was the driver"). */
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
 * "said:" is the claim itself. Keeping a clause only adds acts, so a doubtful one makes a
 * pair less likely to be held apart, never more.
 */
const PASSING_RE = /^(?:which|who|whom|whose|where|when|although|though|as|after|before|because|since|until|despite|following|amid|including|according to|owing to|as well as|with|on|in|at|during|last|earlier|later|shortly)\b/iu;

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
 * tell something in passing (PASSING_RE), each up to an adverbial conjunction inside it
 * (ADVERBIAL_CONJUNCTIONS). Acts are those parts' verbs, reporting verbs left out.
 */
export function claimOf(text: string, passage: Span, clauses: readonly ClaimClause[]): Claim {
  const claimClauses = clauses.filter((c) => !(c.subordinate && PASSING_RE.test(text.slice(c.span.start, c.span.end))));
  const doc = readDocument(text.slice(passage.start, passage.end));
  // An adverbial clause inside a clause, with no comma for the splitter ("saved 180 after the
  // ferry overturned"), tells its fact in passing too: from its conjunction to the clause's end.
  // The tagger reads "after" before a clause as a preposition as often as a conjunction, so a
  // verb after it is what makes it a clause ("after three days of rain" is none).
  const claimRanges = claimClauses.map((c) => {
    const within = doc.tokens.filter((t) => t.start + passage.start >= c.span.start && t.start + passage.start < c.span.end);
    const at = within.findIndex((t, i) => i > 0 && ADVERBIAL_CONJUNCTIONS.has(t.normal) && within.slice(i + 1).some((v) => v.pos === "VERB"));
    return at > 0 ? { start: c.span.start, end: (within[at] as (typeof within)[number]).start + passage.start } : c.span;
  });
  const inClaim = (at: number) => claimRanges.some((c) => c.start <= at && at < c.end);
  const acts = new Set<string>();
  const isAct = (i: number) => {
    const t = doc.tokens[i] as Token;
    return t.pos === "VERB" && (!REPORTING.has(t.lemma) || passive(doc.tokens, i));
  };
  const actFeatures = (t: Token) => wordFeatures(fold(t.text)).keys();
  doc.tokens.forEach((t, i) => {
    if (isAct(i) && inClaim(t.start + passage.start)) for (const f of actFeatures(t)) acts.add(f);
  });
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
  const subjects = activeSubjects(doc.tokens, claimRanges, passage.start);
  const restWords = wordsOf(doc.tokens.filter((t) => !subjects.includes(t) && inClaim(t.start + passage.start)));
  for (const f of wordsOf(subjects)) if (!restWords.has(f)) leftOut.add(f);
  for (const f of wordsOf(doc.tokens.filter((t) => inClauses(t.start + passage.start) && !inClaim(t.start + passage.start)))) if (!claimed.has(f)) leftOut.add(f);
  const content = new Set<string>();
  for (const c of claimClauses) {
    for (const f of c.features.keys()) if (evidenceOf(f) === Evidence.Content && !leftOut.has(f)) content.add(f);
  }
  const counts = new Map<string, StatedCount>();
  for (const range of claimRanges) {
    const part = doc.tokens.filter((t) => t.start + passage.start >= range.start && t.start + passage.start < range.end);
    for (const c of statedCountsOf(part, doc.text, (t) => isAct(t.index))) {
      counts.set(c.feature, { acts: new Set(c.act ? actFeatures(c.act) : []), planned: c.planned, phrase: new Set([c.feature, ...wordsOf(c.phrase)]) });
    }
  }
  return { acts, content, counts };
}

/** Words a count's noun phrase may have before the number: "every one of the", "more than", "roughly", "the hospital's". */
const BEFORE_COUNT = new Set(["DET", "ADJ", "ADV", "NUM", "PART"]);
const BEFORE_COUNT_WORDS = new Set(["than", "of", "around", "about", "over", "under"]);
/** Pronouns opening a restrictive relative clause, part of the noun phrase ("the patients whose records were taken"). */
const RELATIVE_PRONOUNS = new Set(["whose", "who", "whom", "which", "that"]);
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
function statedCountsOf(part: readonly Token[], text: string, isAct: (t: Token) => boolean): { feature: string; act: Token | undefined; planned: boolean; phrase: Token[] }[] {
  const out: { feature: string; act: Token | undefined; planned: boolean; phrase: Token[] }[] = [];
  const pos = (k: number) => part[k]?.pos;
  for (let i = 0; i < part.length; i++) {
    if (pos(i) !== "NUM" || pos(i - 1) === "NUM") continue;
    let end = i;
    while (pos(end + 1) === "NUM" || part[end + 1]?.text === "-") end++;
    // The word after the number tells a measure or "one of" from a count (statedCounts).
    const value = statedCounts(text.slice((part[i] as Token).start, (part[end + 1] ?? (part[end] as Token)).end))[0];
    const counted = part[end + 1];
    while (pos(end + 1) === "NOUN" || pos(end + 1) === "ADJ" || pos(end + 1) === "PROPN") end++;
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
    out.push({ feature: `n:${value}`, act, planned, phrase: part.slice(start, end + 1) });
    i = end;
  }
  return out;
}

/** Tokens that may stand inside a verb group: "has not yet been told", "would study". */
const VERB_GROUP = new Set(["AUX", "ADV", "PART", "VERB"]);
/** A participle in "-ing" after "be" is progressive ("was plotting"), not passive. */
const PROGRESSIVE_RE = /ing$/u;

/** Whether the verb at i is passive: a form of "be" right before it ("was told", "has been told", "were not told"). */
function passive(tokens: readonly Token[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && ((tokens[k] as Token).pos === "ADV" || (tokens[k] as Token).pos === "PART")) k--;
  const before = tokens[k];
  return before !== undefined && before.pos === "AUX" && before.lemma === "be" && !PROGRESSIVE_RE.test((tokens[i] as Token).normal);
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
function activeSubjects(tokens: readonly Token[], ranges: readonly Span[], offset: number): Token[] {
  const subjects: Token[] = [];
  for (const range of ranges) {
    const part = tokens.filter((t) => t.start + offset >= range.start && t.start + offset < range.end);
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
 * act of the other (the same verb, a curated synonym class or a WordNet class), and the
 * clauses that carry their claims share no content word, number or date (a count only when
 * both tell a deed or both a plan): all they have in common is who speaks or acts (names,
 * titles, role words, "said", the subject of an active clause named by a common noun) or
 * what one of them names in passing. Such a pair is not the same fact, however similar
 * ("Vell offered her condolences" / "Vell said the company would cooperate").
 */
export function differentClaims(a: Claim, b: Claim): boolean {
  if (a.acts.size === 0 || b.acts.size === 0) return false;
  for (const f of a.acts) if (b.acts.has(f)) return false;
  // A count governed by a plan on one side and a deed on the other is no shared content, nor
  // is the rest of its noun phrase (StatedCount).
  const unshared = new Set<string>();
  for (const [n, x] of a.counts) {
    const y = b.counts.get(n);
    if (!y || x.planned === y.planned || x.acts.size === 0 || y.acts.size === 0) continue;
    for (const f of [...x.phrase, ...y.phrase]) unshared.add(f);
  }
  for (const f of a.content) if (b.content.has(f) && !unshared.has(f)) return false;
  return true;
}

