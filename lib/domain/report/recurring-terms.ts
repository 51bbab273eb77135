import { termKey, termSlots } from "../diff";
import type { ReportRecurringTerm } from "./types";

/** One fact row's passages with the outlet each belongs to, in outlet order. */
export interface RecurringTermsRow {
  id: string;
  passages: { outletId: string; text: string }[];
}

/** Longer wordings are clauses, not names for an actor or an act. */
const MAX_TERM_WORDS = 5;

/**
 * How each outlet names what recurs across fact rows: the places where outlets word a row
 * differently (each against all, see termSlots) are grouped across rows when they share a
 * wording (same content words, folded and stemmed): "killing" / "assassination" in one row
 * and "assassination" / "martyrdom" in another are one recurring term. Groups seen in at
 * least two rows are kept, with each outlet's wordings there and how often it used each.
 * Places between paraphrasing passages are left out: their wordings are not names.
 */
export function recurringTerms(rows: readonly RecurringTermsRow[], outletIds: readonly string[]): ReportRecurringTerm[] {
  interface Use {
    rowId: string;
    outletId: string;
    text: string;
    key: string;
  }
  const places: Use[][] = [];
  for (const row of rows) {
    const slots = termSlots(row.passages.map((p, i) => ({ id: String(i), text: p.text })));
    for (const slot of slots) {
      if (slot.paraphrased) continue;
      const uses = slot.wordings.flatMap((w) => {
        const outletId = row.passages[Number(w.id)]!.outletId;
        return w.spans.flatMap((s) => {
          const key = termKey(s.text);
          return key && s.text.split(" ").length <= MAX_TERM_WORDS ? [{ rowId: row.id, outletId, text: s.text, key }] : [];
        });
      });
      if (uses.length > 0) places.push(uses);
    }
  }

  // Places sharing a wording are one term (union-find over places, joined through keys).
  const parent = places.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  const placeOfKey = new Map<string, number>();
  places.forEach((uses, i) => {
    for (const u of uses) {
      const seen = placeOfKey.get(u.key);
      if (seen === undefined) placeOfKey.set(u.key, i);
      else parent[find(i)] = find(seen);
    }
  });
  const groups = new Map<number, Use[]>();
  places.forEach((uses, i) => {
    const group = groups.get(find(i));
    if (group) group.push(...uses);
    else groups.set(find(i), [...uses]);
  });

  const terms: ReportRecurringTerm[] = [];
  for (const uses of groups.values()) {
    const rowIds = [...new Set(uses.map((u) => u.rowId))];
    if (rowIds.length < 2) continue;
    const cells = outletIds.map((outletId) => ({ outletId, wordings: tally(uses.filter((u) => u.outletId === outletId)) }));
    const label = tally(uses)[0]!.text;
    terms.push({ label, factRowIds: rowIds, cells });
  }
  return terms.sort((a, b) => b.factRowIds.length - a.factRowIds.length || a.label.localeCompare(b.label));
}

/** Wordings by how often they are used (same key = same wording, first spelling shown), most used first. */
function tally(uses: readonly { text: string; key: string }[]): { text: string; count: number }[] {
  const byKey = new Map<string, { text: string; count: number }>();
  for (const u of uses) {
    const entry = byKey.get(u.key) ?? { text: u.text, count: 0 };
    entry.count++;
    byKey.set(u.key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}
