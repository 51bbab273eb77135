/**
 * Colours of the report's charts, derived from the tags' highlight colours (light
 * backgrounds checked for contrast with black text, see lib/domain/taxonomy/contrast.ts).
 */

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function toHex(values: number[]): string {
  return `#${values.map((v) => Math.round(v).toString(16).padStart(2, "0")).join("")}`;
}

/** The colour darkened towards black by `amount` (0–1): outlines that keep light fills visible on paper. */
export function shade(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)));
}

/** The colour blended with white: weight 1 is the colour, 0 is white. */
export function tint(hex: string, weight: number): string {
  return toHex(channels(hex).map((c) => 255 - (255 - c) * weight));
}

/**
 * A heat-map cell's fill: white for nothing, otherwise the tag's colour (slightly deepened)
 * at a strength that grows with the rate relative to the largest rate on the map. Every
 * fill stays light enough for black text.
 */
export function heatFill(hex: string, value: number | null, max: number): string {
  if (!value || max <= 0) return "#ffffff";
  return tint(shade(hex, 0.12), 0.2 + 0.8 * (value / max));
}
