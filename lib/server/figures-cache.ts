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

export interface PartsCache<T> {
  /**
   * Each part's value at its marker: the kept ones where the marker is the same, compute()'s
   * for the others (asked for together, by id). The parts kept for key are then exactly
   * these (less any compute() did not return); a failed computation keeps nothing new.
   */
  get(key: string, parts: readonly { id: string; marker: string }[], compute: (ids: string[]) => Promise<Map<string, T>>): Promise<Map<string, T>>;
  /** Forgets every kept part (tests measuring a cold path). */
  clear(): void;
}

/**
 * Figures kept in parts, each with its own change marker (a comparison's sources): a write
 * changes one part's marker, so only that part is computed again. At most
 * {@link FIGURES_KEPT} keys, the least recently used dropped.
 */
export function partsCache<T>(): PartsCache<T> {
  const entries = new Map<string, Map<string, { marker: string; value: T }>>();
  return {
    async get(key, parts, compute) {
      const kept = entries.get(key);
      const stale = parts.filter((p) => kept?.get(p.id)?.marker !== p.marker).map((p) => p.id);
      const wanted = new Set(stale);
      const computed = stale.length > 0 ? await compute(stale) : new Map<string, T>();
      // A part compute() did not return (gone since the markers were read) is left out.
      const current = new Map<string, { marker: string; value: T }>();
      for (const p of parts) {
        if (computed.has(p.id)) current.set(p.id, { marker: p.marker, value: computed.get(p.id)! });
        else if (!wanted.has(p.id)) current.set(p.id, kept!.get(p.id)!);
      }
      entries.delete(key);
      entries.set(key, current);
      while (entries.size > FIGURES_KEPT) entries.delete(entries.keys().next().value!);
      return new Map([...current].map(([id, { value }]) => [id, value]));
    },
    clear() {
      entries.clear();
    },
  };
}
