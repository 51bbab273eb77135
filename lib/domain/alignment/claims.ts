import { readDocument, type Token } from "../analysis/document";
import { namesTheUS, wordFeatures } from "./features";
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
  doc.tokens.forEach((t, i) => {
    if (t.pos === "VERB" && (!REPORTING.has(t.lemma) || passive(doc.tokens, i)) && inClaim(t.start + passage.start)) for (const f of wordFeatures(fold(t.text)).keys()) acts.add(f);
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
  return { acts, content };
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
 * clauses that carry their claims share no content word, number or date: all they have in
 * common is who speaks or acts (names, titles, role words, "said", the subject of an active
 * clause named by a common noun) or what one of them names in passing. Such a pair is not the same fact, however similar ("Vell offered her
 * condolences" / "Vell said the company would cooperate").
 */
export function differentClaims(a: Claim, b: Claim): boolean {
  if (a.acts.size === 0 || b.acts.size === 0) return false;
  for (const f of a.acts) if (b.acts.has(f)) return false;
  for (const f of a.content) if (b.content.has(f)) return false;
  return true;
}

