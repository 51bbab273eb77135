import { useId } from "react";
import { shade } from "@/lib/domain/report/colors";
import styles from "./charts.module.css";

export interface Bar {
  key: string;
  label: string;
  value: number | null;
  /** What the bar's end says, e.g. "2.5 (5)". */
  text: string;
  color: string;
  /** The whole figure in words, for screen readers. */
  description: string;
}

export interface BarGroup {
  key: string;
  label: string;
  swatch?: string;
  bars: Bar[];
}

export interface GroupedBarChartProps {
  title: string;
  /** The chart in words, given its longest bar's value. */
  description: (longest: number) => string;
  groups: BarGroup[];
  width?: number;
  /** Room for the bars' labels, left of the axis. */
  labelWidth?: number;
  /** Room right of the longest bar for its text. */
  valueWidth?: number;
  /** Longer bar labels are cut to this many characters. */
  labelChars?: number;
  /**
   * Makes each bar focusable and reports the bar pointed at or focused (group key, bar key),
   * e.g. to list what lies behind it; without it the chart is a static picture.
   */
  onActivate?: (groupKey: string, barKey: string) => void;
}

const HEAD = 26;
const ROW = 22;
const GAP = 8;

/**
 * Horizontal bars grouped (per tag or per month), one bar per outlet, on one scale: the
 * report's tag charts and the outlet profiles. Each group draws one axis line; a bar is a
 * label, a bar and its text, so the markup stays small with hundreds of bars.
 */
export function GroupedBarChart({ title, description, groups, width = 720, labelWidth = 190, valueWidth = 90, labelChars, onActivate }: GroupedBarChartProps) {
  const id = useId();
  const area = width - labelWidth - valueWidth;
  const max = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const heights = groups.map((g) => HEAD + g.bars.length * ROW + GAP);
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const height = heights.reduce((sum, h) => sum + h, 0);
  const cut = (label: string) => (labelChars && label.length > labelChars ? `${label.slice(0, labelChars - 1)}…` : label);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width }} role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description(max)}</desc>
      {groups.map((group, g) => (
        <g key={group.key} transform={`translate(0 ${tops[g]})`}>
          {group.swatch ? <rect x={0} y={5} width={12} height={12} rx={2} fill={group.swatch} stroke={shade(group.swatch, 0.45)} aria-hidden="true" /> : null}
          <text x={group.swatch ? 18 : 0} y={15} className={styles.groupLabel}>
            {group.label}
          </text>
          <line x1={labelWidth} x2={labelWidth} y1={HEAD} y2={HEAD + group.bars.length * ROW} stroke="#6b7080" />
          {group.bars.map((bar, i) => {
            const length = max > 0 && bar.value ? Math.max(2, (bar.value / max) * (area - 10)) : 0;
            const top = HEAD + i * ROW;
            const activate = onActivate ? () => onActivate(group.key, bar.key) : undefined;
            return (
              <g
                key={bar.key}
                role="img"
                aria-label={bar.description}
                {...(activate ? { className: styles.hit, tabIndex: 0, onMouseEnter: activate, onFocus: activate } : {})}
              >
                {activate ? <rect className={styles.ring} x={0} y={top} width={width} height={ROW} rx={3} /> : null}
                <text x={labelWidth - 8} y={top + 15} textAnchor="end" className={styles.barLabel}>
                  {cut(bar.label)}
                </text>
                {length > 0 ? <rect x={labelWidth} y={top + 3} width={length} height={ROW - 6} fill={bar.color} stroke={shade(bar.color, 0.45)} /> : null}
                <text x={labelWidth + length + 6} y={top + 15} className={bar.value ? styles.value : styles.zero}>
                  {bar.text}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}
