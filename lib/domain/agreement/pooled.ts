import { krippendorffAlphaDetails } from './krippendorff';
import type { AlphaSummary } from './summary';
import { perValueReliability, reliabilityFromSpans, type CoderSpans, type TextRange } from './tokens';

/** One text of a comparison: its word tokens and the spans of the coders who worked on it. */
export interface PooledDocument {
  units: readonly TextRange[];
  coders: readonly CoderSpans[];
}

function summarize(data: (string | null)[][]): AlphaSummary {
  const details = krippendorffAlphaDetails(data, 'nominal');
  return {
    alpha: details.status === 'ok' ? details.alpha : null,
    status: details.status,
    observedAgreement: details.status === 'insufficient-data' ? null : 1 - details.observedDisagreement,
    pairableUnits: details.pairableUnits,
  };
}

/**
 * Rows per coder over the tokens of every document, end to end. A coder who did not work
 * on a document (no spans in it) is missing there rather than "none everywhere", so a
 * reviewer who skipped an article does not count as disagreeing with everyone on it.
 */
function pool(
  coderIds: readonly string[],
  documents: readonly PooledDocument[],
  rowsOf: (doc: PooledDocument) => (string | null)[][],
): (string | null)[][] {
  const rows = coderIds.map((): (string | null)[] => []);
  for (const doc of documents) {
    const present = new Map(doc.coders.map((c, i) => [c.coderId, i]));
    const data = doc.coders.length > 0 ? rowsOf(doc) : [];
    coderIds.forEach((id, c) => {
      const index = present.get(id);
      const row = index === undefined ? null : data[index];
      for (let u = 0; u < doc.units.length; u++) rows[c]!.push(row ? row[u]! : null);
    });
  }
  return rows;
}

/**
 * Nominal alpha over the word tokens of several texts at once: for the combined labelling
 * (each token's value is its tag(s) or "none") and for each value (present/absent).
 */
export function pooledAgreement(coderIds: readonly string[], documents: readonly PooledDocument[], values: readonly string[]) {
  const combined = summarize(pool(coderIds, documents, (doc) => reliabilityFromSpans(doc.units, doc.coders).data));
  const perValue = values.map((value) => ({
    value,
    ...summarize(pool(coderIds, documents, (doc) => perValueReliability(doc.units, doc.coders, value).data)),
  }));
  return { combined, perValue };
}
