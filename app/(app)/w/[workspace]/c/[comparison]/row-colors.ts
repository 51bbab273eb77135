// Light fills that keep black text readable, distinct from one another; fact row i uses colour i mod 8.
const ROW_COLORS = ["#fde68a", "#bfdbfe", "#fecaca", "#bbf7d0", "#e9d5ff", "#fed7aa", "#a5f3fc", "#fbcfe8"];

export function rowColor(index: number): string {
  return ROW_COLORS[index % ROW_COLORS.length]!;
}
