import { useId } from "react";
import { shade } from "@/lib/domain/report/colors";
import type { ProfileComparison } from "@/lib/domain/profiles/outlet-profiles";
import styles from "./profiles.module.css";

export interface Bar {
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

const WIDTH = 640;

/** Horizontal bars grouped (per tag or per month), one bar per outlet, on one scale. */
export function GroupedBarChart({ title, description, groups }: { title: string; description: string; groups: BarGroup[] }) {
  const id = useId();
  const label = 170;
  const valueRoom = 80;
  const area = WIDTH - label - valueRoom;
  const head = 24;
  const row = 22;
  const max = Math.max(0, ...groups.flatMap((g) => g.bars.map((b) => b.value ?? 0)));
  const heights = groups.map((g) => head + g.bars.length * row + 10);
  const tops = heights.map((_, i) => heights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const height = heights.reduce((sum, h) => sum + h, 0);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} style={{ maxWidth: WIDTH }} role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{`${description} The longest bar is ${max.toFixed(1)}. The table beside the chart gives every figure and the comparisons behind it.`}</desc>
      {groups.map((group, g) => (
        <g key={group.key} transform={`translate(0 ${tops[g]})`}>
          {group.swatch ? <rect x={0} y={5} width={12} height={12} rx={2} fill={group.swatch} stroke={shade(group.swatch, 0.45)} aria-hidden="true" /> : null}
          <text x={group.swatch ? 18 : 0} y={15} className={styles.groupLabel}>
            {group.label}
          </text>
          {group.bars.map((bar, i) => {
            const length = max > 0 && bar.value ? Math.max(2, (bar.value / max) * (area - 10)) : 0;
            const top = head + i * row;
            return (
              <g key={i} role="img" aria-label={bar.description}>
                <text x={label - 8} y={top + 15} textAnchor="end" className={styles.barLabel}>
                  {bar.label.length > 24 ? `${bar.label.slice(0, 23)}…` : bar.label}
                </text>
                <line x1={label} x2={label} y1={top} y2={top + row} stroke="#6b7080" />
                {length > 0 ? <rect x={label} y={top + 3} width={length} height={row - 6} fill={bar.color} stroke={shade(bar.color, 0.45)} /> : null}
                <text x={label + length + 6} y={top + 15} className={bar.value ? styles.value : styles.zero}>
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

export interface TableCell {
  text: string;
  comparisons: ProfileComparison[];
}

/**
 * The figures of a chart: a row per group, a column per outlet. Each figure opens to the
 * comparisons behind it, each linked to its report.
 */
export function FigureTable({
  caption,
  rowHeader,
  outlets,
  rows,
  comparisonHref,
}: {
  caption: string;
  rowHeader: string;
  outlets: { id: string; name: string }[];
  rows: { key: string; label: string; swatch?: string; cells: TableCell[] }[];
  comparisonHref: (slug: string) => string;
}) {
  return (
    <div className={styles.tableWrap}>
      <table className={`table ${styles.dataTable}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {outlets.map((o) => (
              <th key={o.id} scope="col" className={styles.number}>
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                {row.swatch ? <span className="swatch" style={{ background: row.swatch }} aria-hidden="true" /> : null} {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <td key={outlets[i]!.id} className={styles.number}>
                  {cell.comparisons.length === 0 ? (
                    cell.text
                  ) : (
                    <details className={styles.behind}>
                      <summary>
                        {cell.text}
                        <span className="visually-hidden">{`: ${outlets[i]!.name}, ${row.label}, the comparisons behind it`}</span>
                      </summary>
                      <ul>
                        {cell.comparisons.map((c) => (
                          <li key={c.id}>
                            <a href={comparisonHref(c.slug)}>{c.title}</a> <span className="meta">({c.count})</span>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
