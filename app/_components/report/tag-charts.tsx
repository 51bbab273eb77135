"use client";

import { useEffect, useId, useState } from "react";
import { heatFill, shade } from "@/lib/domain/report/colors";
import { formatRate } from "@/lib/domain/report/format";
import type { ReportOutlet, ReportTag, ReportTagSet } from "@/lib/domain/report/types";
import type { CallResult } from "@/lib/server/action";
import type { ReportCellPage } from "@/lib/server/reports/find-report-annotations";
import styles from "./report.module.css";

type Props = { outlets: ReportOutlet[]; tagSets: ReportTagSet[]; loadCell: LoadCell };
type Active = { tag: ReportTag; outletId: string } | null;

const WIDTH = 720;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a bar or cell says, for its label and the panel: "The Flats Voice, Loaded language: 3.3 per 1,000 words (1 annotation)". */
function describe(tag: ReportTag, outlet: string, outletId: string) {
  const cell = tag.cells.find((c) => c.outletId === outletId)!;
  return `${outlet}, ${tag.name}: ${formatRate(cell.per1000)} per 1,000 words (${plural(cell.count, "annotation", "annotations")})`;
}

/** Asks the server for one page of the annotations behind a figure (bound to the report and its filters). */
export type LoadCell = (cell: { tagId: string; outletId: string; page: number }) => Promise<CallResult<ReportCellPage>>;

/**
 * The annotations behind the bar or cell last hovered or focused, a page at a time from the
 * server (the page itself carries only the figures); announced politely.
 */
function AnnotationPanel({ active, outlets, loadCell, id }: { active: Active; outlets: ReportOutlet[]; loadCell: LoadCell; id: string }) {
  const outlet = active ? outlets.find((o) => o.id === active.outletId) : undefined;
  const cell = active?.tag.cells.find((c) => c.outletId === active.outletId);
  const [shown, setShown] = useState<{ key: string; result: CallResult<ReportCellPage> } | null>(null);
  const [page, setPage] = useState({ key: "", number: 1 });
  const key = active ? `${active.tag.id}|${active.outletId}` : "";
  const number = page.key === key ? page.number : 1;
  useEffect(() => {
    if (!active || !cell?.count) return;
    let current = true;
    void loadCell({ tagId: active.tag.id, outletId: active.outletId, page: number }).then((result) => {
      if (current) setShown({ key: `${key}|${number}`, result });
    });
    return () => {
      current = false;
    };
  }, [active, cell?.count, key, number, loadCell]);
  const result = shown?.key === `${key}|${number}` ? shown.result : null;
  return (
    <aside className={styles.panel} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Annotations behind the figure</h4>
      <div aria-live="polite">
        {!active || !outlet || !cell ? (
          <p className="meta">Point at a bar or cell, or move to it with the Tab key, to list the annotations it counts.</p>
        ) : (
          <>
            <p className={styles.panelTitle}>{describe(active.tag, outlet.name, outlet.id)}</p>
            {cell.count === 0 ? (
              <p className="meta">No annotations.</p>
            ) : !result ? (
              <p className="meta">Loading the annotations…</p>
            ) : !result.ok ? (
              <p className="notice notice--error">{result.message}</p>
            ) : (
              <>
                <ul className={styles.annotationList}>
                  {result.data.annotations.map((a) => (
                    <li key={a.id}>
                      <q className={styles.quote}>{a.quote}</q>
                      <span className={styles.chips}>
                        {a.tags.map((t) => (
                          <span key={t.id} className="tag-chip" style={{ background: t.color }}>
                            {t.name}
                          </span>
                        ))}
                      </span>
                      <span className="meta">by {a.author.name}</span>
                    </li>
                  ))}
                </ul>
                {result.data.pages > 1 ? (
                  <nav className="pager" aria-label="Pages of these annotations">
                    <span className="meta">
                      Page {result.data.page} of {result.data.pages} ({plural(result.data.total, "annotation", "annotations")})
                    </span>
                    <button type="button" className="button button--quiet button--small" disabled={number <= 1} onClick={() => setPage({ key, number: number - 1 })}>
                      Previous
                    </button>
                    <button type="button" className="button button--quiet button--small" disabled={number >= result.data.pages} onClick={() => setPage({ key, number: number + 1 })}>
                      Next
                    </button>
                  </nav>
                ) : null}
              </>
            )}
          </>
        )}
      </div>
    </aside>
  );
}

/** A table of the same numbers as a chart, for reading and for screen readers. */
function DataTable({ caption, outlets, tags }: { caption: string; outlets: ReportOutlet[]; tags: ReportTag[] }) {
  return (
    <div className={styles.tableWrap}>
      <table className={`table ${styles.dataTable}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tag</th>
            {outlets.map((o) => (
              <th key={o.id} scope="col" className={styles.number}>
                {o.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {tags.map((tag) => (
            <tr key={tag.id}>
              <th scope="row">
                <span className="swatch" style={{ background: tag.color }} aria-hidden="true" /> {tag.name}
                {tag.retired ? <span className="meta"> (retired)</span> : null}
              </th>
              {tag.cells.map((c) => (
                <td key={c.outletId} className={styles.number}>
                  {c.count === 0 ? "0" : `${formatRate(c.per1000)} (${c.count})`}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Bars grouped by tag, one per outlet, in the tag's colour, on one scale per tag set. */
function BarChart({ set, outlets, onActivate }: { set: ReportTagSet; outlets: ReportOutlet[]; onActivate: (active: Active) => void }) {
  const id = useId();
  const label = 190;
  const value = 90;
  const area = WIDTH - label - value;
  const head = 26;
  const row = 22;
  const max = Math.max(0, ...set.tags.flatMap((t) => t.cells.map((c) => c.per1000 ?? 0)));
  const group = head + outlets.length * row + 8;
  const height = set.tags.length * group;
  const name = (outletId: string) => outlets.find((o) => o.id === outletId)?.name ?? "";
  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${height}`}
      style={{ maxWidth: WIDTH }}
      role="group"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{`${set.name}: rate per 1,000 words of each tag, per outlet`}</title>
      <desc id={`${id}-desc`}>
        {`A bar chart. For each tag a group of bars, one per outlet (${outlets.map((o) => o.name).join(", ")}); the longer the bar, the more often the outlet's articles carry the tag per 1,000 words. The longest bar is ${formatRate(max)} per 1,000 words. The table below the chart gives every figure.`}
      </desc>
      {set.tags.map((tag, t) => (
        <g key={tag.id} transform={`translate(0 ${t * group})`}>
          <rect x={0} y={5} width={12} height={12} rx={2} fill={tag.color} stroke={shade(tag.color, 0.45)} aria-hidden="true" />
          <text x={18} y={15} className={styles.chartHeading}>
            {tag.name}
          </text>
          {tag.cells.map((cell, i) => {
            const length = max > 0 && cell.per1000 ? Math.max(2, (cell.per1000 / max) * (area - 10)) : 0;
            const rowTop = head + i * row;
            return (
              <g
                key={cell.outletId}
                className={styles.hit}
                tabIndex={0}
                role="img"
                aria-label={describe(tag, name(cell.outletId), cell.outletId)}
                onMouseEnter={() => onActivate({ tag, outletId: cell.outletId })}
                onFocus={() => onActivate({ tag, outletId: cell.outletId })}
              >
                <rect className={styles.ring} x={0} y={rowTop} width={WIDTH} height={row} rx={3} />
                <text x={label - 8} y={rowTop + 15} textAnchor="end" className={styles.chartLabel}>
                  {name(cell.outletId)}
                </text>
                <line x1={label} x2={label} y1={rowTop} y2={rowTop + row} stroke="#6b7080" />
                {length > 0 ? (
                  <rect x={label} y={rowTop + 3} width={length} height={row - 6} fill={tag.color} stroke={shade(tag.color, 0.45)} />
                ) : null}
                <text x={label + length + 6} y={rowTop + 15} className={cell.count ? styles.chartValue : styles.chartZero}>
                  {cell.count === 0 ? "0" : `${formatRate(cell.per1000)} (${cell.count})`}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** Splits an outlet's name over at most two lines of a column header. */
function headerLines(name: string, perLine: number): string[] {
  const lines: string[] = [];
  for (const word of name.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (last + " " + word).length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length > 2 ? [lines[0]!, `${lines.slice(1).join(" ").slice(0, perLine - 1)}…`] : lines;
}

/** Tags down, outlets across; each cell's shade grows with its rate. */
function HeatMap({ tagSets, outlets, onActivate }: { tagSets: ReportTagSet[]; outlets: ReportOutlet[]; onActivate: (active: Active) => void }) {
  const id = useId();
  const label = 250;
  const cellWidth = Math.min(140, Math.max(90, (WIDTH - label) / Math.max(1, outlets.length)));
  const width = label + cellWidth * outlets.length;
  const head = 44;
  const row = 24;
  const setHead = 26;
  const max = Math.max(0, ...tagSets.flatMap((s) => s.tags.flatMap((t) => t.cells.map((c) => c.per1000 ?? 0))));
  const used = tagSets.filter((s) => s.tags.length > 0);
  const tops = used.map((_, i) => head + used.slice(0, i).reduce((sum, s) => sum + setHead + s.tags.length * row, 0));
  const height = head + used.reduce((sum, s) => sum + setHead + s.tags.length * row, 0);
  return (
    <svg className={styles.chart} viewBox={`0 0 ${width} ${height}`} style={{ maxWidth: width }} role="group" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
      <title id={`${id}-title`}>Heat map of tags by outlet, per 1,000 words</title>
      <desc id={`${id}-desc`}>
        {`Rows are tags, grouped by tag set; columns are outlets (${outlets.map((o) => o.name).join(", ")}). Each cell gives the rate per 1,000 words and the count; the darker the cell, the higher the rate, up to ${formatRate(max)}.`}
      </desc>
      {outlets.map((o, i) => (
        <text key={o.id} x={label + i * cellWidth + cellWidth / 2} y={16} textAnchor="middle" className={styles.chartHeading}>
          {headerLines(o.name, Math.floor(cellWidth / 8)).map((line, k) => (
            <tspan key={k} x={label + i * cellWidth + cellWidth / 2} dy={k === 0 ? 0 : 16}>
              {line}
            </tspan>
          ))}
        </text>
      ))}
      {used.map((set, s) => (
        <g key={set.id} transform={`translate(0 ${tops[s]})`}>
          <text x={0} y={18} className={styles.chartSet}>
            {set.name.toUpperCase()}
          </text>
          {set.tags.map((tag, r) => (
            <g key={tag.id} transform={`translate(0 ${setHead + r * row})`}>
              <text x={label - 10} y={16} textAnchor="end" className={styles.chartLabel}>
                {tag.name.length > 34 ? `${tag.name.slice(0, 33)}…` : tag.name}
              </text>
              {tag.cells.map((cell, i) => (
                <g
                  key={cell.outletId}
                  className={styles.hit}
                  tabIndex={0}
                  role="img"
                  aria-label={describe(tag, outlets.find((o) => o.id === cell.outletId)?.name ?? "", cell.outletId)}
                  onMouseEnter={() => onActivate({ tag, outletId: cell.outletId })}
                  onFocus={() => onActivate({ tag, outletId: cell.outletId })}
                >
                  <rect x={label + i * cellWidth} y={0} width={cellWidth} height={row} fill={heatFill(tag.color, cell.per1000, max)} stroke="#cfcbc0" />
                  <rect className={styles.ring} x={label + i * cellWidth + 2} y={2} width={cellWidth - 4} height={row - 4} />
                  <text x={label + i * cellWidth + cellWidth / 2} y={16} textAnchor="middle" className={cell.count ? styles.chartValue : styles.chartZero}>
                    {cell.count === 0 ? "0" : `${formatRate(cell.per1000)} (${cell.count})`}
                  </text>
                </g>
              ))}
            </g>
          ))}
        </g>
      ))}
    </svg>
  );
}

/** The tag figures of the report: a bar chart and table per tag set, then the heat map. */
export function TagCharts({ outlets, tagSets, loadCell }: Props) {
  const [active, setActive] = useState<Record<string, Active>>({});
  const activate = (key: string) => (value: Active) => setActive((current) => ({ ...current, [key]: value }));
  const used = tagSets.filter((s) => s.tags.length > 0);
  return (
    <>
      {tagSets.map((set) => (
        <section key={set.id} className={styles.block} aria-labelledby={`set-${set.id}`}>
          <h3 id={`set-${set.id}`}>{set.name}</h3>
          {set.tags.length === 0 ? (
            <p className="meta">No annotations carry tags of this set.</p>
          ) : (
            <>
              <div className={styles.chartGrid}>
                <figure className={styles.figure}>
                  <BarChart set={set} outlets={outlets} onActivate={activate(set.id)} />
                </figure>
                <AnnotationPanel id={`panel-${set.id}`} active={active[set.id] ?? null} outlets={outlets} loadCell={loadCell} />
              </div>
              <DataTable caption={`${set.name}: per 1,000 words (count)`} outlets={outlets} tags={set.tags} />
            </>
          )}
        </section>
      ))}
      <section className={`${styles.block} ${styles.pageBreak}`} aria-labelledby="heat-map">
        <h3 id="heat-map">Heat map: tags × outlets</h3>
        {used.length === 0 || outlets.length === 0 ? (
          <p className="meta">No tags are used under these filters.</p>
        ) : (
          <>
            <div className={styles.chartGrid}>
              <figure className={styles.figure}>
                <HeatMap tagSets={used} outlets={outlets} onActivate={activate("heat")} />
              </figure>
              <AnnotationPanel id="panel-heat" active={active.heat ?? null} outlets={outlets} loadCell={loadCell} />
            </div>
            <DataTable caption="Every tag: per 1,000 words (count)" outlets={outlets} tags={used.flatMap((s) => s.tags)} />
          </>
        )}
      </section>
    </>
  );
}
