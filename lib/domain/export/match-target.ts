import { anchorDetailed } from "../anchoring";
import { codePointIndex, type CodePointIndex } from "../text/code-points";
import type { ImportedTarget } from "./read-web-annotations";
import { asUri } from "./web-annotation";

/** A source of the comparison an imported annotation may belong to, with its current text. */
export interface CandidateSource {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  text: string;
}

/** How the target's source was recognised (docs/export.md, "Import"). */
export type SourceMatch = "source id" | "document" | "article address" | "title" | "quote";

export type TargetMatch =
  | { kind: "placed"; sourceId: string; start: number; end: number; score: number; exact: boolean; by: SourceMatch }
  | { kind: "orphaned"; sourceId: string; by: SourceMatch }
  | { kind: "unplaced"; reason: string };

/** The source id in a Parallax source address: …/w/<workspace>/c/<comparison>/sources/<id>?revision=<n>. */
export function parallaxSourceId(iri: string | null): string | null {
  if (!iri) return null;
  try {
    return /\/w\/[^/]+\/c\/[^/]+\/sources\/([^/]+)$/.exec(new URL(iri).pathname)?.[1] ?? null;
  } catch {
    return null;
  }
}

const same = (a: string | null, b: string | null) => a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The source a target names: by its Parallax address when it is a source of this
 * comparison, else by the original article's address (the target's `via`, or the target's
 * source itself as other tools write it), else by title (and outlet, when given) if exactly
 * one source has it. Null when the target names none of them.
 */
function namedSource(target: ImportedTarget, sources: readonly CandidateSource[]): { source: CandidateSource; by: SourceMatch } | null {
  const byDocument = target.sourceId ? sources.find((s) => s.id === target.sourceId) : undefined;
  if (byDocument) return { source: byDocument, by: "document" };
  const id = parallaxSourceId(target.sourceIri);
  const byId = id ? sources.find((s) => s.id === id) : undefined;
  if (byId) return { source: byId, by: "source id" };
  const addresses = [target.via, target.sourceIri].filter((a): a is string => a !== null).map(asUri);
  const byAddress = sources.find((s) => s.url !== null && addresses.includes(asUri(s.url)));
  if (byAddress) return { source: byAddress, by: "article address" };
  const byTitle = sources.filter((s) => same(s.title, target.title) && (target.outlet === null || same(s.outlet, target.outlet)));
  if (byTitle.length === 1) return { source: byTitle[0]!, by: "title" };
  return null;
}

/** One index per source text, however many targets are matched against it. */
const indexes = new WeakMap<CandidateSource, CodePointIndex>();

/**
 * A target's code-point position as UTF-16 offsets into the source's text, or null when it
 * lies beyond the text (it was counted in another text: the quote decides then).
 */
function utf16Position(source: CandidateSource, position: ImportedTarget["position"]): { start: number; end: number } | null {
  if (!position) return null;
  let index = indexes.get(source);
  if (!index) indexes.set(source, (index = codePointIndex(source.text)));
  try {
    return { start: index.toUtf16(position.start), end: index.toUtf16(position.end) };
  } catch {
    return null;
  }
}

function anchorIn(source: CandidateSource, target: ImportedTarget, by: SourceMatch): TargetMatch {
  const position = utf16Position(source, target.position);
  if (target.quote) {
    const found = anchorDetailed(source.text, {
      quote: { type: "TextQuoteSelector", ...target.quote },
      position: position ? { type: "TextPositionSelector", ...position } : undefined,
    });
    if (!found) return { kind: "orphaned", sourceId: source.id, by };
    const exact = found.method === "position" || found.method === "quote";
    return { kind: "placed", sourceId: source.id, start: found.start, end: found.end, score: found.score, exact, by };
  }
  // Offsets alone cannot be checked against the words they meant: placed, but only fuzzily.
  if (!position || !source.text.slice(position.start, position.end).trim()) return { kind: "orphaned", sourceId: source.id, by };
  const { start, end } = position;
  return { kind: "placed", sourceId: source.id, start, end, score: 0.5, exact: false, by };
}

/**
 * Where an imported target lands in the comparison: on the source it names, anchored by
 * its selectors (an orphan, kept for re-attaching, when the words are not found there),
 * or, when it names none of the sources, on the source where its quote anchors best.
 */
export function matchTarget(target: ImportedTarget, sources: readonly CandidateSource[]): TargetMatch {
  if (!target.quote && !target.position) {
    return { kind: "unplaced", reason: "its target has no TextQuoteSelector or TextPositionSelector (it annotates a whole document)" };
  }
  const named = namedSource(target, sources);
  if (named) return anchorIn(named.source, target, named.by);
  if (!target.quote) return { kind: "unplaced", reason: "it gives only character offsets, and names none of the comparison's sources" };
  let best: Extract<TargetMatch, { kind: "placed" }> | null = null;
  for (const source of sources) {
    const match = anchorIn(source, target, "quote");
    if (match.kind === "placed" && (!best || match.score > best.score)) best = match;
  }
  return best ?? { kind: "unplaced", reason: "none of the comparison's sources contains its quote" };
}
