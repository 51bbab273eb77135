/**
 * WCAG 2.x colour contrast, used to keep tag highlight colours readable under black text.
 * https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
 */

const HEX_COLOR = /^#([0-9a-f]{6})$/i;

/** Parses `#rrggbb` into 0–255 channels; throws on anything else. */
export function parseHexColor(hex: string): readonly [number, number, number] {
  const match = HEX_COLOR.exec(hex);
  if (!match?.[1]) throw new Error(`Not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const value = Number.parseInt(match[1], 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

function linearize(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour, from 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHexColor(hex);
  return 0.2126 * linearize(r) + 0.7152 * linearize(g) + 0.0722 * linearize(b);
}

/** Contrast ratio between two colours, from 1 (identical) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** WCAG AAA for normal text; tag highlights sit under body text, so they must meet it. */
export const MIN_HIGHLIGHT_CONTRAST = 7;
