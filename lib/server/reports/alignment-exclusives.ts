import "server-only";
import { alignAll } from "@/lib/domain/alignment/align-all";
import type { AlignmentExclusives } from "@/lib/domain/report/outlet-omissions";

// Aligning 8 long sources takes up to a second or two; revisions never change, so the answer
// for one set of revisions is kept and a report opened again costs nothing.
const CACHE_SIZE = 16;
const cache = new Map<string, AlignmentExclusives>();

/**
 * The passages of the sources' current text that Align all finds no counterpart for in any
 * other source, at its default threshold: what the report's Omissions lists as "only in".
 * Null with fewer than two texts, where nothing can be compared.
 */
export function alignmentExclusives(sources: { id: string; revision: { id: string; text: string } | null }[]): AlignmentExclusives | null {
  const texts = sources.flatMap((s) => (s.revision ? [{ id: s.id, revisionId: s.revision.id, text: s.revision.text }] : []));
  if (texts.length < 2) return null;
  const key = texts.map((t) => t.revisionId).join(",");
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const result = alignAll(texts.map(({ id, text }) => ({ id, text })));
  const value = {
    minScore: result.minScore,
    passages: result.exclusives.map((p) => ({ sourceId: texts[p.source]!.id, start: p.start, end: p.end, text: p.text })),
  };
  cache.set(key, value);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return value;
}
