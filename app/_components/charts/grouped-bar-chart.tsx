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
}

export interface BarGroup {
  key: string;
  label: string;
  swatch?: string;
  bars: Bar[];
}

export interface GroupedBarChartProps {
  title: string;
  /** The chart in words, given its longest bar's value; it points to the table that gives every figure. */
  description: (longest: number) => string;
  groups: BarGroup[];
  width?: number;
  /** Room for the bars' labels, left of the axis. */
  labelWidth?: number;
  /** Room right of the longest bar for its text. */
  valueWidth?: number;
  /** Longer bar labels are cut to this many characters. */
  labelChars?: number;
  /** Reports the bar pointed at (group key, bar key), e.g. to list what lies behind it; without it the chart is a static picture. */
  onActivate?: (groupKey: string, barKey: string) => void;
}

const HEAD = 26;
const ROW = 22;
const GAP = 8;

/** A coordinate to one decimal: the eye sees no finer, and hundreds of bars stay short in the markup. */
const at = (n: number) => Math.round(n * 10) / 10;

/**
 * Horizontal bars grouped (per tag or per month), one bar per outlet, on one scale: the
 * report's tag charts and the outlet profiles. The chart is one image with a title and a
 * description; its figures are read from the table drawn beside it, so a bar carries no
 * label of its own. Within a group the labels, bars and figures each share one parent that
 * holds their class, colour and alignment, so the markup stays small with a thousand bars.
 */
export function GroupedBarChart({ title, description, groups, width = 720, labelWidth = 190, valueWidth = 90, labelChars, onActivate }: GroupedBarChartProps) {
  const id = useId();
  const area = width - labelWidth - valueWidth;
  const max = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const heights = groups.map((g) => HEAD + g.bars.length * ROW + GAP);
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const height = heights.reduce((sum, h) => sum + h, 0);
  const cut = (label: string) => (labelChars && label.length > labelChars ? `${label.slice(0, labelChars - 1)}…` : label);
  const length = (bar: Bar) => (max > 0 && bar.value ? at(Math.max(2, (bar.value / max) * (area - 10))) : 0);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width }} role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description(max)}</desc>
      {groups.map((group, g) => (
        <g key={group.key} transform={`translate(0 ${tops[g]})`}>
          {group.swatch ? <rect x={0} y={5} width={12} height={12} rx={2} fill={group.swatch} stroke={shade(group.swatch, 0.45)} /> : null}
          <text x={group.swatch ? 18 : 0} y={15} className={styles.groupLabel}>
            {group.label}
          </text>
          <line x1={labelWidth} x2={labelWidth} y1={HEAD} y2={HEAD + group.bars.length * ROW} stroke="#6b7080" />
          <g className={styles.barLabel} textAnchor="end">
            {group.bars.map((bar, i) => (
              <text key={bar.key} x={labelWidth - 8} y={HEAD + i * ROW + 15}>
                {cut(bar.label)}
              </text>
            ))}
          </g>
          {group.bars.map((bar, i) =>
            length(bar) > 0 ? <rect key={bar.key} x={labelWidth} y={HEAD + i * ROW + 3} width={length(bar)} height={ROW - 6} fill={bar.color} stroke={shade(bar.color, 0.45)} /> : null,
          )}
          <g className={styles.value}>
            {group.bars.map((bar, i) => (
              <text key={bar.key} x={labelWidth + length(bar) + 6} y={HEAD + i * ROW + 15} className={bar.value ? undefined : styles.zero}>
                {bar.text}
              </text>
            ))}
          </g>
          {onActivate ? (
            <g className={styles.hits}>
              {group.bars.map((bar, i) => (
                <rect key={bar.key} x={0} y={HEAD + i * ROW} width={width} height={ROW} rx={3} onMouseEnter={() => onActivate(group.key, bar.key)} />
              ))}
            </g>
          ) : null}
        </g>
      ))}
    </svg>
  );
}
