import "server-only";

/**
 * Figures computed from every annotation of a comparison (agreement, the report), kept in this
 * server process between requests. Each entry carries the change marker it was computed
 * at: a caller reads the marker fresh from the database on every request (a few aggregates
 * over an index, not the rows) and gets the kept figures only when the marker is the same,
 * so a write is never hidden behind a kept figure. The marker must change with every write
 * the figures depend on (see annotationsMarker).
 *
 * One entry per key (the latest marker wins), the least recently used dropped past
 * {@link FIGURES_KEPT}: a process keeps at most that many comparisons' figures.
 */
export const FIGURES_KEPT = 32;

interface Entry<T> {
  marker: string;
  value: Promise<T>;
}

export interface FiguresCache<T> {
  /** The figures for key at marker: the kept ones, or compute()'s (kept if it succeeds). */
  get(key: string, marker: string, compute: () => Promise<T>): Promise<T>;
  /** Forgets every kept figure (tests measuring a cold path). */
  clear(): void;
}

export function figuresCache<T>(): FiguresCache<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, marker, compute) {
      const kept = entries.get(key);
      if (kept && kept.marker === marker) {
        entries.delete(key);
        entries.set(key, kept);
        return kept.value;
      }
      const value = compute();
      entries.delete(key);
      entries.set(key, { marker, value });
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      while (entries.size > FIGURES_KEPT) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      entries.clear();
    },
  };
}
