import type { AlignResult } from "./align-all";

/**
 * Align all's answer turned into proposals an editor reviews one by one, and the edits an
 * editor makes to them before accepting (split, merge). Plain data in, plain data out: the
 * server stores proposals and decisions, this module decides what they look like.
 */

/** A span of one source's revision, as a proposal stores it (a type, not an interface: it is stored as JSON). */
export type ProposalPassage = {
  sourceId: string;
  revisionId: string;
  start: number;
  end: number;
  exact: string;
};

/** Similarity of two passages of a proposal (indices into its passages). */
export type ProposalLink = {
  a: number;
  b: number;
  score: number;
};

export interface ProposalDraft {
  /** At most one per source, in column order. */
  passages: ProposalPassage[];
  links: ProposalLink[];
  /** Mean of the links' scores; 0 for a passage no other source reports. */
  score: number;
  key: string;
}

/** A proposal already stored, as far as a re-run needs to know it. */
export interface KeptProposal {
  key: string;
  status: "PROPOSED" | "ACCEPTED" | "REJECTED";
  edited: boolean;
  passages: ProposalPassage[];
}

export interface AlignedSource {
  id: string;
  revisionId: string;
  text: string;
}

const normalizeQuote = (text: string) => text.replace(/\s+/g, " ").trim();

/** 53-bit string hash (cyrb53): keys stay short enough to index whatever the quotes' length. */
function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * What a decision is remembered by: which sources, quoting which words (spacing ignored).
 * Quotes rather than offsets, so a rejection still holds after an edit elsewhere in the text
 * moves every offset after it.
 */
export function proposalKey(passages: readonly Pick<ProposalPassage, "sourceId" | "exact">[]): string {
  const parts = passages.map((p) => `${p.sourceId}\u0001${normalizeQuote(p.exact)}`).sort();
  return `${passages.length}:${hash(parts.join("\u0002"))}`;
}

function meanScore(links: readonly ProposalLink[]): number {
  if (links.length === 0) return 0;
  return Math.round((links.reduce((sum, l) => sum + l.score, 0) / links.length) * 1e6) / 1e6;
}

function draft(passages: ProposalPassage[], links: ProposalLink[], score = meanScore(links)): ProposalDraft {
  return { passages, links, score, key: proposalKey(passages) };
}

/**
 * Align all's rows and exclusives as proposals in story order: by where the fact comes in
 * the first source that tells it (as a share of that source's length), so an exclusive sits
 * among the rows around it.
 */
export function draftsFromAlignment(result: AlignResult, sources: readonly AlignedSource[]): ProposalDraft[] {
  const toPassage = (p: { source: number; start: number; end: number; text: string }): ProposalPassage => {
    const source = sources[p.source]!;
    return { sourceId: source.id, revisionId: source.revisionId, start: p.start, end: p.end, exact: p.text };
  };
  const placed: { at: number; column: number; draft: ProposalDraft }[] = [];
  for (const row of result.rows) {
    const columns = row.passages.flatMap((p, column) => (p ? [column] : []));
    const index = new Map(columns.map((column, i) => [column, i]));
    const links = row.links
      .filter((l) => index.has(l.a) && index.has(l.b))
      .map((l) => ({ a: index.get(l.a)!, b: index.get(l.b)!, score: l.score }));
    const first = row.passages[columns[0]!]!;
    placed.push({ at: first.start / Math.max(1, sources[first.source]!.text.length), column: first.source, draft: draft(columns.map((c) => toPassage(row.passages[c]!)), links, row.score) });
  }
  for (const p of result.exclusives) {
    placed.push({ at: p.start / Math.max(1, sources[p.source]!.text.length), column: p.source, draft: draft([toPassage(p)], []) });
  }
  placed.sort((x, y) => x.at - y.at || x.column - y.column);
  return placed.map((p) => p.draft);
}

function overlaps(a: ProposalPassage, b: ProposalPassage): boolean {
  if (a.sourceId !== b.sourceId) return false;
  if (a.revisionId !== b.revisionId) return normalizeQuote(a.exact) === normalizeQuote(b.exact);
  return a.start < b.end && b.start < a.end;
}

/**
 * What a new run adds to the review list, given what is stored: nothing decided is proposed
 * again, and nothing an editor already placed (in an accepted or a split/merged proposal).
 * A computed row the editor rejected is offered as its passages one by one instead, since
 * each may still be a fact only its outlet reports.
 */
export function planRerun(drafts: readonly ProposalDraft[], kept: readonly KeptProposal[]): ProposalDraft[] {
  const decided = new Set(kept.filter((k) => k.status !== "PROPOSED" || k.edited).map((k) => k.key));
  const placed = kept.filter((k) => k.status === "ACCEPTED" || (k.status === "PROPOSED" && k.edited)).flatMap((k) => k.passages);
  const out: ProposalDraft[] = [];
  const seen = new Set<string>();
  const add = (d: ProposalDraft) => {
    if (decided.has(d.key) || seen.has(d.key)) return false;
    if (d.passages.some((p) => placed.some((q) => overlaps(p, q)))) return false;
    seen.add(d.key);
    out.push(d);
    return true;
  };
  for (const d of drafts) {
    if (decided.has(d.key) && d.passages.length > 1) {
      for (const p of d.passages) add(draft([p], []));
    } else add(d);
  }
  return out;
}

/** Takes one source's passage out of a proposal: what remains, and the passage on its own. */
export function splitProposal(proposal: Pick<ProposalDraft, "passages" | "links">, sourceId: string): [ProposalDraft, ProposalDraft] | null {
  const index = proposal.passages.findIndex((p) => p.sourceId === sourceId);
  if (index < 0 || proposal.passages.length < 2) return null;
  const rest = proposal.passages.filter((_, i) => i !== index);
  const renumber = (i: number) => (i > index ? i - 1 : i);
  const links = proposal.links.filter((l) => l.a !== index && l.b !== index).map((l) => ({ a: renumber(l.a), b: renumber(l.b), score: l.score }));
  return [draft(rest, links), draft([proposal.passages[index]!], [])];
}

/**
 * Two proposals as one fact row, passages in column order. Null when both have a passage of
 * the same source: a row holds one passage per source, so one must be split out first.
 * Scores between passages that came from different proposals are unknown and not invented.
 */
export function mergeProposals(
  first: Pick<ProposalDraft, "passages" | "links">,
  second: Pick<ProposalDraft, "passages" | "links">,
  columnOf: (sourceId: string) => number,
): ProposalDraft | null {
  const sources = new Set(first.passages.map((p) => p.sourceId));
  if (second.passages.some((p) => sources.has(p.sourceId))) return null;
  const tagged = [...first.passages.map((p, i) => ({ p, from: `a${i}` })), ...second.passages.map((p, i) => ({ p, from: `b${i}` }))];
  tagged.sort((x, y) => columnOf(x.p.sourceId) - columnOf(y.p.sourceId));
  const at = new Map(tagged.map((t, i) => [t.from, i]));
  const links = [
    ...first.links.map((l) => ({ a: at.get(`a${l.a}`)!, b: at.get(`a${l.b}`)!, score: l.score })),
    ...second.links.map((l) => ({ a: at.get(`b${l.a}`)!, b: at.get(`b${l.b}`)!, score: l.score })),
  ].map((l) => (l.a < l.b ? l : { a: l.b, b: l.a, score: l.score }));
  return draft(
    tagged.map((t) => t.p),
    links,
  );
}

const LABEL_LENGTH = 80;

/** A fact row's label from its first passage: its first words, cut at a word boundary. */
export function factRowLabel(passages: readonly Pick<ProposalPassage, "exact">[]): string {
  const text = normalizeQuote(passages[0]?.exact ?? "") || "Aligned passage";
  if (text.length <= LABEL_LENGTH) return text;
  const cut = text.slice(0, LABEL_LENGTH);
  const space = cut.lastIndexOf(" ");
  return `${(space > LABEL_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}
