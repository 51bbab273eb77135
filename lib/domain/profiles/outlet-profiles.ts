import { toCsv, type CsvCell } from "@/lib/domain/csv";
import { per1000 } from "@/lib/domain/report/build-report";

/**
 * Outlet profiles: each outlet across all of a workspace's comparisons. The database hands
 * over aggregates only (words per outlet, comparison and month; tag counts per outlet,
 * comparison, month and tag), never annotation rows, so a workspace of 200,000 annotations
 * costs a few hundred rows here. Tag sets belong to comparisons, so the same set in two
 * comparisons is matched by its key and a tag by its set key and name.
 *
 * A count is of tag applications: an annotation with two tags of a set counts once for each,
 * and a tag's share is its part of all the applications of its set in the outlet's articles.
 */

/** Words of an outlet's sources in one comparison, published in one month ("2026-03"; null when undated). */
export interface ProfileTextRow {
  outletId: string;
  outletName: string;
  comparisonId: string;
  comparisonSlug: string;
  comparisonTitle: string;
  month: string | null;
  sources: number;
  words: number;
}

/** How often a tag was applied in an outlet's sources of one comparison and month. */
export interface ProfileTagRow {
  outletId: string;
  comparisonId: string;
  month: string | null;
  tagSetKey: string;
  tagSetName: string;
  tagName: string;
  color: string;
  count: number;
}

export interface ProfileComparison {
  id: string;
  slug: string;
  title: string;
  /** Tag applications behind the figure from this comparison (words, for an outlet's list). */
  count: number;
}

export interface ProfileOutlet {
  id: string;
  name: string;
  sources: number;
  words: number;
  comparisons: ProfileComparison[];
}

export interface ProfileCell {
  outletId: string;
  count: number;
  /** Null when the outlet has no words (no text to measure against). */
  per1000: number | null;
  /** Part of the outlet's applications of this tag set, 0–1; null when it has none. */
  share: number | null;
  comparisons: ProfileComparison[];
}

export interface ProfileTag {
  name: string;
  color: string;
  /** One per outlet, in the outlets' order. */
  cells: ProfileCell[];
}

export interface ProfileMonth {
  /** "2026-03", or null for sources without a publication date. */
  month: string | null;
  /** One per outlet: every application of the set in the outlet's sources of that month. */
  cells: (ProfileCell & { words: number })[];
}

export interface ProfileTagSet {
  key: string;
  name: string;
  tags: ProfileTag[];
  months: ProfileMonth[];
}

export interface OutletProfiles {
  outlets: ProfileOutlet[];
  tagSets: ProfileTagSet[];
}

const UNDATED = "\uffff";

/** Months in time order, undated last. */
function byMonth(a: string | null, b: string | null): number {
  return (a ?? UNDATED).localeCompare(b ?? UNDATED);
}

/** "March 2026"; "Undated" for sources without a publication date. */
export function monthLabel(month: string | null): string {
  if (!month) return "Undated";
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year!, m! - 1, 1)).toLocaleString("en", { month: "long", year: "numeric", timeZone: "UTC" });
}

function addTo(list: ProfileComparison[], comparison: Omit<ProfileComparison, "count">, count: number) {
  const found = list.find((c) => c.id === comparison.id);
  if (found) found.count += count;
  else list.push({ ...comparison, count });
}

function cell(outletId: string, count: number, words: number, setTotal: number, comparisons: ProfileComparison[]): ProfileCell {
  return {
    outletId,
    count,
    per1000: per1000(count, words),
    share: setTotal > 0 ? count / setTotal : null,
    comparisons: [...comparisons].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)),
  };
}

/** Shapes the aggregates into one profile per outlet (by name), tag sets by name, tags by total count. */
export function buildOutletProfiles(textRows: readonly ProfileTextRow[], tagRows: readonly ProfileTagRow[]): OutletProfiles {
  const comparisonOf = new Map(textRows.map((r) => [r.comparisonId, { id: r.comparisonId, slug: r.comparisonSlug, title: r.comparisonTitle }]));
  const outletMap = new Map<string, ProfileOutlet>();
  const wordsIn = new Map<string, number>();
  const monthKey = (outletId: string, month: string | null) => `${outletId}\u0000${month ?? ""}`;
  for (const row of textRows) {
    const outlet = outletMap.get(row.outletId) ?? { id: row.outletId, name: row.outletName, sources: 0, words: 0, comparisons: [] };
    outlet.sources += row.sources;
    outlet.words += row.words;
    addTo(outlet.comparisons, comparisonOf.get(row.comparisonId)!, row.words);
    outletMap.set(row.outletId, outlet);
    const key = monthKey(row.outletId, row.month);
    wordsIn.set(key, (wordsIn.get(key) ?? 0) + row.words);
  }
  const outlets = [...outletMap.values()].sort((a, b) => a.name.localeCompare(b.name));
  for (const outlet of outlets) outlet.comparisons.sort((a, b) => a.title.localeCompare(b.title));
  const months = [...new Set(textRows.map((r) => r.month))].sort(byMonth);

  type Acc = { count: number; comparisons: ProfileComparison[] };
  const sets = new Map<string, { name: string; tags: Map<string, { color: string; by: Map<string, Acc> }>; byMonth: Map<string, Acc>; total: Map<string, number> }>();
  for (const row of tagRows) {
    const comparison = comparisonOf.get(row.comparisonId);
    if (!comparison || !outletMap.has(row.outletId)) continue;
    const set = sets.get(row.tagSetKey) ?? { name: row.tagSetName, tags: new Map(), byMonth: new Map(), total: new Map() };
    sets.set(row.tagSetKey, set);
    const tag = set.tags.get(row.tagName) ?? { color: row.color, by: new Map() };
    set.tags.set(row.tagName, tag);
    const acc = tag.by.get(row.outletId) ?? { count: 0, comparisons: [] };
    tag.by.set(row.outletId, acc);
    acc.count += row.count;
    addTo(acc.comparisons, comparison, row.count);
    const key = monthKey(row.outletId, row.month);
    const inMonth = set.byMonth.get(key) ?? { count: 0, comparisons: [] };
    set.byMonth.set(key, inMonth);
    inMonth.count += row.count;
    addTo(inMonth.comparisons, comparison, row.count);
    set.total.set(row.outletId, (set.total.get(row.outletId) ?? 0) + row.count);
  }

  const tagSets: ProfileTagSet[] = [...sets.entries()]
    .map(([key, set]) => {
      const tags = [...set.tags.entries()]
        .map(([name, tag]) => ({
          name,
          color: tag.color,
          cells: outlets.map((o) => {
            const acc = tag.by.get(o.id);
            return cell(o.id, acc?.count ?? 0, o.words, set.total.get(o.id) ?? 0, acc?.comparisons ?? []);
          }),
        }))
        .sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name));
      const monthly = months.map((month) => ({
        month,
        cells: outlets.map((o) => {
          const acc = set.byMonth.get(monthKey(o.id, month));
          const words = wordsIn.get(monthKey(o.id, month)) ?? 0;
          const count = acc?.count ?? 0;
          return { ...cell(o.id, count, words, count, acc?.comparisons ?? []), words };
        }),
      }));
      return { key, name: set.name, tags, months: monthly };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
  return { outlets, tagSets };
}

const total = (tag: ProfileTag) => tag.cells.reduce((sum, c) => sum + c.count, 0);

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));

export const PROFILE_CSV_HEADER = ["Outlet", "Tag set", "Tag", "Month", "Annotations", "Words", "Per 1,000 words", "Share of tag set", "Comparisons"];

/**
 * The profiles as one long table: per outlet and tag, a row for all months together, then per
 * tag set and month a row of all its tags. Comparisons are named with their counts.
 */
export function outletProfilesCsv(profiles: OutletProfiles): string {
  const named = (comparisons: ProfileComparison[]) => comparisons.map((c) => `${c.title} (${c.count})`).join("; ");
  const rows: CsvCell[][] = [PROFILE_CSV_HEADER];
  for (const set of profiles.tagSets) {
    for (const tag of set.tags) {
      tag.cells.forEach((c, i) => {
        const outlet = profiles.outlets[i]!;
        rows.push([outlet.name, set.name, tag.name, "All months", c.count, outlet.words, round(c.per1000, 2), round(c.share, 4), named(c.comparisons)]);
      });
    }
    for (const month of set.months) {
      month.cells.forEach((c, i) => {
        if (c.words === 0 && c.count === 0) return;
        rows.push([profiles.outlets[i]!.name, set.name, "All tags", month.month ?? "Undated", c.count, c.words, round(c.per1000, 2), null, named(c.comparisons)]);
      });
    }
  }
  return toCsv(rows);
}
