/**
 * What changed on the agreement page between two visits: figures are compared at the precision
 * the page shows (3 decimals), so float noise never reads as a change.
 */

/** One figure shown on the page; `null` = not measurable. */
export interface TagFigures {
  id: string;
  name: string;
  alpha: number | null;
  alphaU: number | null;
}

export interface SetFigures extends TagFigures {
  /** Open (unsettled) disagreements in the set. */
  open: number;
  tags: TagFigures[];
}

export interface AgreementFigures {
  sets: SetFigures[];
}

export type Measure = 'alpha' | 'alphaU' | 'open';

export interface FigureChange {
  set: string;
  /** The tag's name, or `null` for a figure of the whole set. */
  tag: string | null;
  measure: Measure;
  before: number | null;
  after: number | null;
}

const shown = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 1000) / 1000);

function compare(set: string, tag: string | null, before: Partial<TagFigures & { open: number }> | undefined, after: TagFigures & { open?: number }): FigureChange[] {
  const measures: Measure[] = after.open === undefined ? ['alpha', 'alphaU'] : ['alpha', 'alphaU', 'open'];
  return measures.flatMap((measure) => {
    const was = shown(before?.[measure]);
    const now = shown(after[measure]);
    return was === now ? [] : [{ set, tag, measure, before: was, after: now }];
  });
}

/**
 * Every figure that differs between two visits, in page order: per set its α, αU and open
 * disagreements, then its tags. A set or tag that is new counts as changed from `null`;
 * one that went away is not listed (the page no longer shows it).
 */
export function agreementChanges(before: AgreementFigures, after: AgreementFigures): FigureChange[] {
  return after.sets.flatMap((set) => {
    const old = before.sets.find((s) => s.id === set.id);
    return [
      ...compare(set.name, null, old, set),
      ...set.tags.flatMap((tag) => compare(set.name, tag.name, old?.tags.find((t) => t.id === tag.id), tag)),
    ];
  });
}
