import type { Metadata } from "next";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { GroupedBarChart } from "@/app/_components/charts/grouped-bar-chart";
import { FigureTable, type TableCell } from "@/app/_components/profiles/profile-charts";
import styles from "@/app/_components/profiles/profiles.module.css";
import { monthLabel, type ProfileCell, type ProfileOutlet } from "@/lib/domain/profiles/outlet-profiles";
import { formatRate } from "@/lib/domain/report/format";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { getOutletProfiles } from "@/lib/server/services/outlets/get-outlet-profiles";
import { WorkspaceTabs } from "../workspace-tabs";

type Props = {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const metadata: Metadata = { title: "Outlet profiles" };

/** Bars of the time lines: one colour per outlet, in the order the outlets are listed. */
const OUTLET_COLORS = ["#4c6edb", "#d9822b", "#2f9e7a", "#b04a8f", "#7a6a3a", "#5b8fb0", "#c4453c", "#6d5bd0"];

const PERCENT = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });
const WORDS = new Intl.NumberFormat("en");

const plural = (n: number, one: string, many: string) => `${WORDS.format(n)} ${n === 1 ? one : many}`;

/** "2.5 · 50 % (5)": per 1,000 words, share of the tag set, count. */
function tagText(cell: ProfileCell) {
  if (cell.count === 0) return "0";
  return `${formatRate(cell.per1000)} · ${cell.share === null ? "—" : PERCENT.format(cell.share)} (${cell.count})`;
}

/** The profiles' charts: narrower than the report's, beside their tables. */
const PROFILE_CHART = { width: 640, labelWidth: 170, valueWidth: 80, labelChars: 24 };
const profileChartNote = (longest: number) => `The longest bar is ${longest.toFixed(1)}. The table beside the chart gives every figure and the comparisons behind it.`;

const rateText = (cell: ProfileCell) => (cell.count === 0 ? "0" : `${formatRate(cell.per1000)} (${cell.count})`);

export default async function OutletProfilesPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const path = `/w/${slug}/outlets`;
  const user = await requireSessionUser(path);
  const asked = [(await searchParams).outlet ?? []].flat();
  const { workspace, choices, chosen, profiles } = await orNotFound(getOutletProfiles(user, slug, asked));
  const { outlets, tagSets } = profiles;
  const query = chosen.map((id) => `outlet=${encodeURIComponent(id)}`).join("&");
  const comparisonHref = (comparisonSlug: string) => `/w/${workspace.slug}/c/${comparisonSlug}/report`;
  const color = (outlet: ProfileOutlet) => OUTLET_COLORS[outlets.indexOf(outlet) % OUTLET_COLORS.length]!;
  const names = outlets.map((o) => o.name).join(", ");
  const pair = outlets.length > 3 ? `${styles.pair} ${styles.stacked}` : styles.pair;
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <div className="page-header">
        <div>
          <h1>Outlet profiles</h1>
          <p>
            Each outlet across every comparison of this workspace: how often its articles carry each tag per 1,000 words, each tag&rsquo;s share of its tag
            set, and the same month by month (by date of publication). Open a figure to reach the comparisons behind it.
          </p>
        </div>
      </div>
      <WorkspaceTabs slug={workspace.slug} kind={workspace.kind} role={workspace.role} />
      {choices.length === 0 ? (
        <p className="card">No source of this workspace names its outlet yet: outlets appear here once sources are added with one.</p>
      ) : (
        <>
          <form className="card" method="get" action={path}>
            <fieldset className={styles.picker}>
              <legend>Outlets side by side (none ticked: all)</legend>
              {choices.map((o) => (
                <label key={o.id}>
                  <input type="checkbox" name="outlet" value={o.id} defaultChecked={chosen.includes(o.id)} /> {o.name}{" "}
                  <span className="meta">({plural(o.sources, "source", "sources")})</span>
                </label>
              ))}
            </fieldset>
            <div className={styles.actions}>
              <button type="submit" className="button button--small">
                Compare
              </button>
              <a className="button button--quiet button--small" href={`/api/workspaces/${workspace.slug}/outlet-profiles${query ? `?${query}` : ""}`} download>
                Download CSV
              </a>
            </div>
          </form>

          <section className={styles.section} aria-labelledby="profile-outlets">
            <h2 id="profile-outlets">Outlets</h2>
            <div className={styles.tableWrap}>
              <table className={`table ${styles.dataTable}`}>
                <caption>What each profile is made of</caption>
                <thead>
                  <tr>
                    <th scope="col">Outlet</th>
                    <th scope="col" className={styles.number}>
                      Sources
                    </th>
                    <th scope="col" className={styles.number}>
                      Words
                    </th>
                    <th scope="col">Comparisons</th>
                  </tr>
                </thead>
                <tbody>
                  {outlets.map((o) => (
                    <tr key={o.id}>
                      <th scope="row">
                        <span className="swatch" style={{ background: color(o) }} aria-hidden="true" /> {o.name}
                      </th>
                      <td className={styles.number}>{WORDS.format(o.sources)}</td>
                      <td className={styles.number}>{WORDS.format(o.words)}</td>
                      <td>
                        {o.comparisons.map((c, i) => (
                          <span key={c.id}>
                            {i > 0 ? ", " : null}
                            <a href={comparisonHref(c.slug)}>{c.title}</a>
                          </span>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          {tagSets.length === 0 ? <p className="card">No annotation of these outlets carries a tag yet.</p> : null}
          {tagSets.map((set) => (
            <section key={set.key} className={styles.section} aria-labelledby={`set-${set.key}`}>
              <h2 id={`set-${set.key}`}>{set.name}</h2>
              <h3>Tags per 1,000 words</h3>
              <div className={pair}>
                <figure className={styles.figure}>
                  <GroupedBarChart
                    title={`${set.name}: each tag per 1,000 words, per outlet`}
                    description={(longest) => `A bar chart. For each tag a group of bars, one per outlet (${names}); the longer the bar, the more often the outlet's articles carry the tag per 1,000 words. ${profileChartNote(longest)}`}
                    {...PROFILE_CHART}
                    groups={set.tags.map((tag) => ({
                      key: tag.name,
                      label: tag.name,
                      swatch: tag.color,
                      bars: tag.cells.map((c, i) => ({
                        key: outlets[i]!.id,
                        label: outlets[i]!.name,
                        value: c.per1000,
                        text: rateText(c),
                        color: tag.color,
                      })),
                    }))}
                  />
                </figure>
                <FigureTable
                  caption={`${set.name}: per 1,000 words · share of the tag set (annotations)`}
                  rowHeader="Tag"
                  outlets={outlets}
                  comparisonHref={comparisonHref}
                  rows={set.tags.map((tag) => ({
                    key: tag.name,
                    label: tag.name,
                    swatch: tag.color,
                    cells: tag.cells.map((c): TableCell => ({ text: tagText(c), comparisons: c.comparisons })),
                  }))}
                />
              </div>
              <h3>Over time</h3>
              <div className={pair}>
                <figure className={styles.figure}>
                  <GroupedBarChart
                    title={`${set.name}: all its tags per 1,000 words, by month of publication, per outlet`}
                    description={(longest) => `A bar chart. For each month a group of bars, one per outlet (${names}), giving how often the outlet's articles of that month carry any tag of the set per 1,000 words. ${profileChartNote(longest)}`}
                    {...PROFILE_CHART}
                    groups={set.months.map((m) => ({
                      key: m.month ?? "undated",
                      label: monthLabel(m.month),
                      bars: m.cells.map((c, i) => ({
                        key: outlets[i]!.id,
                        label: outlets[i]!.name,
                        value: c.per1000,
                        text: c.words === 0 ? "no articles" : rateText(c),
                        color: color(outlets[i]!),
                      })),
                    }))}
                  />
                </figure>
                <FigureTable
                  caption={`${set.name} by month: per 1,000 words (annotations)`}
                  rowHeader="Month"
                  outlets={outlets}
                  comparisonHref={comparisonHref}
                  rows={set.months.map((m) => ({
                    key: m.month ?? "undated",
                    label: monthLabel(m.month),
                    cells: m.cells.map((c): TableCell => ({ text: c.words === 0 ? "—" : rateText(c), comparisons: c.comparisons })),
                  }))}
                />
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}
