"use client";

import { useEffect, useId, useState } from "react";
import { GroupedBarChart } from "@/app/_components/charts/grouped-bar-chart";
import { heatFill } from "@/lib/domain/report/colors";
import { formatRate } from "@/lib/domain/report/format";
import type { CallResult } from "@/lib/server/action";
import type { ReportCellPage } from "@/lib/server/reports/find-report-annotations";
import styles from "./report.module.css";

/**
 * A tag's figures as the charts get them: per covered outlet, in the outlets' order, its
 * count and rate per 1,000 words. Only the numbers cross to the browser, once, with the
 * outlets named once: the report has up to tags × outlets of them.
 */
export interface ChartTag {
  id: string;
  name: string;
  color: string;
  retired: boolean;
  counts: number[];
  rates: (number | null)[];
}

export interface ChartTagSet {
  id: string;
  name: string;
  tags: ChartTag[];
}

export interface ChartOutlet {
  id: string;
  name: string;
}

type Props = { outlets: ChartOutlet[]; tagSets: ChartTagSet[]; loadCell: LoadCell };
/** The figure pointed at: a tag and the index of an outlet. */
type Active = { tag: ChartTag; outlet: number } | null;

const WIDTH = 720;

/** A coordinate to one decimal. */
const at = (n: number) => Math.round(n * 10) / 10;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const figureText = (tag: ChartTag, i: number) => (tag.counts[i] === 0 ? "0" : `${formatRate(tag.rates[i]!)} (${tag.counts[i]})`);

/** What a bar or cell says, for its label and the panel: "The Flats Voice, Loaded language: 3.3 per 1,000 words (1 annotation)". */
function describe(tag: ChartTag, outlet: string, i: number) {
  return `${outlet}, ${tag.name}: ${formatRate(tag.rates[i]!)} per 1,000 words (${plural(tag.counts[i]!, "annotation", "annotations")})`;
}

/** Asks the server for one page of the annotations behind a figure (bound to the report and its filters). */
export type LoadCell = (cell: { tagId: string; outletId: string; page: number }) => Promise<CallResult<ReportCellPage>>;

/**
 * The annotations behind the bar or cell last hovered or focused, a page at a time from the
 * server (the page itself carries only the figures); announced politely.
 */
function AnnotationPanel({ active, outlets, loadCell, id }: { active: Active; outlets: ChartOutlet[]; loadCell: LoadCell; id: string }) {
  const outlet = active ? outlets[active.outlet] : undefined;
  const count = active ? active.tag.counts[active.outlet] : undefined;
  const [shown, setShown] = useState<{ key: string; result: CallResult<ReportCellPage> } | null>(null);
  const [page, setPage] = useState({ key: "", number: 1 });
  const key = active && outlet ? `${active.tag.id}|${outlet.id}` : "";
  const number = page.key === key ? page.number : 1;
  useEffect(() => {
    if (!active || !outlet || !count) return;
    let current = true;
    void loadCell({ tagId: active.tag.id, outletId: outlet.id, page: number }).then((result) => {
      if (current) setShown({ key: `${key}|${number}`, result });
    });
    return () => {
      current = false;
    };
  }, [active, outlet, count, key, number, loadCell]);
  const result = shown?.key === `${key}|${number}` ? shown.result : null;
  return (
    <aside className={styles.panel} aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>Annotations behind the figure</h4>
      <div aria-live="polite">
        {!active || !outlet || count === undefined ? (
          <p className="meta">Point at a bar or cell, or move to a cell of the heat map with the Tab key, to list the annotations it counts.</p>
        ) : (
          <>
            <p className={styles.panelTitle}>{describe(active.tag, outlet.name, active.outlet)}</p>
            {count === 0 ? (
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
function DataTable({ caption, outlets, tags }: { caption: string; outlets: ChartOutlet[]; tags: ChartTag[] }) {
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
              {outlets.map((o, i) => (
                <td key={o.id} className={styles.number}>
                  {figureText(tag, i)}
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
function BarChart({ set, outlets, onActivate }: { set: ChartTagSet; outlets: ChartOutlet[]; onActivate: (active: Active) => void }) {
  return (
    <GroupedBarChart
      title={`${set.name}: rate per 1,000 words of each tag, per outlet`}
      description={(longest) =>
        `A bar chart. For each tag a group of bars, one per outlet (${outlets.map((o) => o.name).join(", ")}); the longer the bar, the more often the outlet's articles carry the tag per 1,000 words. The longest bar is ${formatRate(longest)} per 1,000 words. The table below the chart gives every figure.`
      }
      groups={set.tags.map((tag) => ({
        key: tag.id,
        label: tag.name,
        swatch: tag.color,
        bars: outlets.map((o, i) => ({ key: String(i), label: o.name, value: tag.rates[i] ?? null, text: figureText(tag, i), color: tag.color })),
      }))}
      width={WIDTH}
      onActivate={(tagId, outlet) => onActivate({ tag: set.tags.find((t) => t.id === tagId)!, outlet: Number(outlet) })}
    />
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

/**
 * Tags down, outlets across; each cell's shade grows with its rate. A cell is focusable and
 * says its figure in words, so the keyboard reaches the annotations behind every figure;
 * alignment, outline and type are set once on the rows' parent, not per cell.
 */
function HeatMap({ tagSets, outlets, onActivate }: { tagSets: ChartTagSet[]; outlets: ChartOutlet[]; onActivate: (active: Active) => void }) {
  const id = useId();
  const label = 250;
  const cellWidth = Math.min(140, Math.max(90, (WIDTH - label) / Math.max(1, outlets.length)));
  const width = label + cellWidth * outlets.length;
  const head = 44;
  const row = 24;
  const setHead = 26;
  const max = Math.max(0, ...tagSets.flatMap((s) => s.tags.flatMap((t) => t.rates.map((rate) => rate ?? 0))));
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
              <g className={styles.cells} textAnchor="middle">
                {outlets.map((outlet, i) => (
                  <g
                    key={outlet.id}
                    tabIndex={0}
                    role="img"
                    aria-label={describe(tag, outlet.name, i)}
                    onMouseEnter={() => onActivate({ tag, outlet: i })}
                    onFocus={() => onActivate({ tag, outlet: i })}
                  >
                    <rect x={at(label + i * cellWidth)} width={at(cellWidth)} height={row} fill={heatFill(tag.color, tag.rates[i]!, max)} />
                    <text x={at(label + i * cellWidth + cellWidth / 2)} y={16} className={tag.counts[i] ? undefined : styles.chartZero}>
                      {figureText(tag, i)}
                    </text>
                  </g>
                ))}
              </g>
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
  // The every-tag table repeats the tag sets' tables: drawn when asked for, so a report with
  // hundreds of figures does not send each of them a fourth time.
  const [everyTag, setEveryTag] = useState(false);
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
            <p className="meta">The heat map&apos;s figures are those of the tag sets&apos; tables above.</p>
            <button type="button" className="button button--quiet button--small" aria-expanded={everyTag} onClick={() => setEveryTag((shown) => !shown)}>
              {everyTag ? "Hide the table of every tag" : "Show every tag in one table"}
            </button>
            {everyTag ? <DataTable caption="Every tag: per 1,000 words (count)" outlets={outlets} tags={used.flatMap((s) => s.tags)} /> : null}
          </>
        )}
      </section>
    </>
  );
}
