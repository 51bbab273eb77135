import type { UnitizingStudy } from './unitizing';

/**
 * Krippendorff (2004, p. 254): two observers, continuum 150 … 449, categories c and k — the
 * example DKPro Agreement tests αU with (αU = 0.8591).
 */
export const KRIPPENDORFF_2004 = {
  continuum: { begin: 150, length: 300 },
  raters: 2,
  units: [
    { rater: 0, begin: 225, length: 70, category: 'c' },
    { rater: 0, begin: 370, length: 30, category: 'c' },
    { rater: 1, begin: 220, length: 80, category: 'c' },
    { rater: 1, begin: 355, length: 20, category: 'c' },
    { rater: 1, begin: 400, length: 20, category: 'c' },
    { rater: 0, begin: 180, length: 60, category: 'k' },
    { rater: 0, begin: 300, length: 50, category: 'k' },
    { rater: 1, begin: 180, length: 60, category: 'k' },
    { rater: 1, begin: 300, length: 50, category: 'k' },
  ],
} satisfies UnitizingStudy;
