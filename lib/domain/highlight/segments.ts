/** A span of text to highlight, e.g. a passage, an annotation or a shared quotation. */
export interface HighlightRange {
  start: number;
  end: number;
  key: string;
}

/** A run of text covered by the same set of ranges (possibly none). */
export interface TextSegment {
  start: number;
  end: number;
  text: string;
  /** Keys of every range covering this run, outermost (earliest, longest) first. */
  keys: string[];
}

/**
 * Cuts a text into runs so that overlapping and nested ranges can each be drawn:
 * every boundary of every range starts a new run, and each run lists the ranges
 * covering it. Ranges outside the text are clipped; empty ones are ignored.
 */
export function segmentText(text: string, ranges: readonly HighlightRange[]): TextSegment[] {
  const clipped = ranges
    .map((r) => ({ ...r, start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const cuts = new Set<number>([0, text.length]);
  for (const r of clipped) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  // A sweep over the cut points: ranges join the active list in start order (so outermost
  // first) and leave once they end, keeping this linear in text size and range count for
  // pages with a thousand annotations.
  const segments: TextSegment[] = [];
  let active: typeof clipped = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((r) => r.end > start);
    while (next < clipped.length && clipped[next]!.start <= start) active.push(clipped[next++]!);
    segments.push({ start, end, text: text.slice(start, end), keys: active.map((r) => r.key) });
  }
  return segments;
}
