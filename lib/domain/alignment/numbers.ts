import type { Span } from "./sentences";

/**
 * Numbers and dates as values, so that "five" and "5", "5th" and "fifth", "3 January
 * 2020", "January 3, 2020", "Jan. 3" and "2020-01-03" meet.
 */
const UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
  "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
const ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
const TENS: Record<string, number> = { thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, dozen: 12 };

const WORD_VALUES = new Map<string, number>();
UNITS.forEach((w, i) => WORD_VALUES.set(w, i));
ORDINALS.forEach((w, i) => WORD_VALUES.set(w, i));
for (const [w, v] of Object.entries(TENS)) WORD_VALUES.set(w, v);

/** Whether a folded word is an ordinal ("5th", "fifth", "second"): a rank or a date, not a count. */
export function isOrdinal(norm: string): boolean {
  return /^\d+(?:st|nd|rd|th)$/.test(norm) || (ORDINALS.includes(norm) && norm !== "zeroth");
}

/**
 * The value of a folded word that is a number ("5", "5,000", "5th", "five", "fifth"), or
 * undefined. "second" and "first" read as ordinals too: in news text they mostly are.
 */
export function numberValue(norm: string): number | undefined {
  const digits = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:st|nd|rd|th)?$/.exec(norm);
  if (digits) return Number((digits[1] as string).replace(/,/g, ""));
  return WORD_VALUES.get(norm);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "(?:,?\\s+(\\d{4}))?";
const DATE_RES: readonly { re: RegExp; y: number; m: number; d: number }[] = [
  { re: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g, y: 1, m: 2, d: 3 },
  { re: new RegExp(`\\b${DAY}(?:\\s+of)?\\s+${MONTH}${YEAR}\\b`, "g"), d: 1, m: 2, y: 3 },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b${YEAR}`, "g"), m: 1, d: 2, y: 3 },
];

/** A cheap first look: every date form above has a digit. */
const MAY_HAVE_DATE = /\d/;

function monthNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  return MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
}

export interface DateFeatures {
  features: Map<string, number>;
  /** Spans of the text (relative offsets) the dates occupy: their words yield no other feature. */
  consumed: Span[];
}

/**
 * Prefix of the features that pin an event to one day: a date with its year, or the ordinal
 * of an anniversary. Two passages that each have some and share none report different
 * events.
 */
export const FULL_DATE = "dy:";

/** "d:<month>-<day>" for each date in the text, plus "n:<year>" and "dy:<y>-<m>-<d>" when it has a year. */
export function dateFeatures(text: string): DateFeatures {
  const features = new Map<string, number>();
  const consumed: Span[] = [];
  for (const { re, y, m, d } of MAY_HAVE_DATE.test(text) ? DATE_RES : []) {
    for (const match of text.matchAll(re)) {
      const start = match.index;
      const end = start + match[0].length;
      if (consumed.some((c) => start < c.end && c.start < end)) continue;
      const month = monthNumber(match[m] as string);
      const day = Number(match[d]);
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      consumed.push({ start, end });
      const key = `d:${month}-${day}`;
      features.set(key, (features.get(key) ?? 0) + 1);
      if (match[y]) {
        const year = Number(match[y]);
        features.set(`n:${year}`, (features.get(`n:${year}`) ?? 0) + 1);
        features.set(`${FULL_DATE}${year}-${month}-${day}`, 1);
      }
    }
  }
  for (const match of /anniversar/i.test(text) ? text.matchAll(ANNIVERSARY_RE) : []) {
    const n = numberValue((match[1] as string).toLowerCase());
    if (n !== undefined && n > 0) features.set(`${FULL_DATE}anniversary-${n}`, 1);
  }
  return { features, consumed };
}

/** "first anniversary", "5th anniversary", "two-year anniversary", "one year anniversary": which year's event. */
const ANNIVERSARY_RE = /\b([\p{L}\d]+)(?:[\s-]+years?)?[\s-]+anniversary/giu;
