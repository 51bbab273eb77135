import { UserText } from "@/app/_components/user-text";
import {
  alphaLabel, asserterLabel, changeLabel, day, dayRange, filterSummary, MAX_CHANGES, NO_RECURRING_TERMS, outletNames, PARAPHRASED_NOTE, RECURRING_TERMS_NOTE,
  splitEdges, statusLabel, wordingsLabel,
} from "@/lib/domain/report/format";
import { textAttributes } from "@/lib/domain/text/language";
import { onlyHereRule } from "@/lib/domain/report/outlet-omissions";
import { LAYER_TEXT } from "@/lib/domain/report/filters";
import type { FramingReport, ReportPassage } from "@/lib/domain/report/types";
import styles from "./report.module.css";
import { Pager } from "@/app/_components/pager";
import { pageOf } from "@/lib/domain/paging/page";
import { TagCharts, type ChartOutlet, type ChartTagSet, type LoadCell } from "./tag-charts";

export interface Download {
  label: string;
  href: string;
}

/** The charts' numbers: outlets by name, each tag's counts and rates in their order; no annotation ids. */
function chartFigures(report: FramingReport): { outlets: ChartOutlet[]; tagSets: ChartTagSet[] } {
  return {
    outlets: report.outlets.map(({ id, name }) => ({ id, name })),
    tagSets: report.tagSets.map((set) => ({
      id: set.id,
      name: set.name,
      tags: set.tags.map((tag) => ({
        id: tag.id,
        name: tag.name,
        color: tag.color,
        retired: tag.retired,
        counts: tag.cells.map((c) => c.count),
        rates: tag.cells.map((c) => c.per1000),
      })),
    })),
  };
}

/** The lang and dir attributes of each source's text, by source id. */
function textAttributesBySource(report: FramingReport) {
  return new Map(report.outlets.flatMap((o) => o.sources.map((s) => [s.id, textAttributes(s.language)] as const)));
}

function Passage({ passage, textProps }: { passage: ReportPassage; textProps?: ReturnType<typeof textAttributes> }) {
  return (
    <p className={styles.passage} {...textProps}>
      {passage.segments.map((s, i) => {
        if (s.kind !== "added") return s.text;
        // Only the words are marked: spaces and punctuation around them stay plain.
        const [before, core, after] = splitEdges(s.text);
        return (
          <span key={i}>
            {before}
            {core ? <mark className="diff--changed">{core}</mark> : null}
            {after}
          </span>
        );
      })}
    </p>
  );
}

/** Per outlet: the fact rows it leaves out, and what only it reports (Align all's exclusives). */
function OutletOmissions({ report }: { report: FramingReport }) {
  const outlet = outletNames(report);
  const texts = textAttributesBySource(report);
  const { minScore, outlets } = report.outletOmissions;
  return (
    <>
      <h3 className={styles.byOutlet}>By outlet</h3>
      <p className="meta">{minScore === null ? "What only one outlet reports needs at least two sources with text." : `Only in an outlet: ${onlyHereRule(minScore)}`}</p>
      {outlets.map((o) => (
        <article key={o.outletId} className={styles.outletOmissions} aria-label={`Omissions of ${outlet(o.outletId)}`}>
          <h4>{outlet(o.outletId)}</h4>
          <p>
            {o.leavesOut.length === 0
              ? "Leaves out no fact row."
              : `Leaves out ${o.leavesOut.length === 1 ? "1 fact row" : `${o.leavesOut.length} fact rows`}: ${o.leavesOut.map((r) => `“${r.label}”`).join(", ")}.`}
          </p>
          {minScore === null ? null : o.onlyHere.length === 0 ? (
            <p>Reports nothing the other outlets leave out.</p>
          ) : (
            <>
              <p>
                Only in {outlet(o.outletId)} ({o.onlyHere.length === 1 ? "1 passage" : `${o.onlyHere.length} passages`}):
              </p>
              <ul className={styles.onlyHere}>
                {o.onlyHere.map((p) => (
                  <li key={`${p.sourceId}:${p.start}`} {...texts.get(p.sourceId)}>{p.text}</li>
                ))}
              </ul>
            </>
          )}
        </article>
      ))}
    </>
  );
}

/**
 * The framing report as a page: the same sections as the Markdown and PDF renderings.
 * Read-only; the member page and the public share page both render it. Title, outlets and
 * date come first; the page's filters follow them.
 */
/** Claims listed per page: a large comparison has hundreds. */
const CLAIMS_PER_PAGE = 50;

/**
 * The framing report as a page: the same sections as the Markdown and PDF renderings.
 * Read-only; the member page and the public share page both render it. Title, outlets and
 * date come first; the page's filters follow them. The charts get the figures only (no annotation ids): the annotations
 * behind a figure are asked for with `loadCell`, a page at a time, and the claims are listed
 * a page at a time (`claimsPage`, linked by `claimsHref`), so the page stays small however
 * many annotations the report counts. The Markdown and PDF renderings still list everything.
 */
export function ReportView({
  report, downloads, filters, loadCell, claimsPage, claimsHref,
}: { report: FramingReport; downloads: Download[]; filters: React.ReactNode; loadCell: LoadCell; claimsPage: number; claimsHref: (page: number) => string }) {
  const claims = pageOf(report.claims, claimsPage, CLAIMS_PER_PAGE);
  const figures = chartFigures(report);
  const outlet = outletNames(report);
  const texts = textAttributesBySource(report);
  const { method } = report;
  return (
    <div className={styles.report}>
      <header className={styles.header}>
        <p className={styles.kicker}>Framing report</p>
        <h1><UserText>{report.comparison.title}</UserText></h1>
        {report.comparison.description ? <p className={styles.lead}>{report.comparison.description}</p> : null}
        {report.outlets.length > 0 ? (
          <p className={styles.outletLine}>
            {report.outlets.map((o, i) => (
              <span key={o.id}>
                {i > 0 ? " · " : ""}
                <UserText>{o.name}</UserText>
              </span>
            ))}
          </p>
        ) : null}
        <p className="meta">
          {report.comparison.workspaceName}
          {report.comparison.eventDate ? ` · event ${report.comparison.eventDate}` : ""} · generated {day(report.generatedAt)}
        </p>
        <p className="meta">Shows: {filterSummary(report)}</p>
        {downloads.length > 0 ? (
          <ul className={`${styles.downloads} no-print`} aria-label="Download this report">
            {downloads.map((d) => (
              <li key={d.label}>
                <a className="button button--quiet button--small" href={d.href} download>
                  {d.label}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      {filters}

      <section className={styles.section} aria-labelledby="outlets">
        <h2 id="outlets">Outlets</h2>
        {report.outlets.length === 0 ? (
          <p className="meta">No outlets match the filters.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Sources</th>
                <th scope="col" className={styles.number}>
                  Words
                </th>
              </tr>
            </thead>
            <tbody>
              {report.outlets.map((o) => (
                <tr key={o.id}>
                  <th scope="row"><UserText>{o.name}</UserText></th>
                  <td>
                    {o.sources.map((s) => (
                      <div key={s.id}>
                        <UserText>{s.title}</UserText>
                        {s.publishedAt ? <span className="meta"> · {day(s.publishedAt)}</span> : null}
                      </div>
                    ))}
                  </td>
                  <td className={styles.number}>{o.words.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className={`${styles.section} ${styles.pageBreak}`} aria-labelledby="tags">
        <h2 id="tags">Tags per outlet</h2>
        <p className="meta">
          Each figure is an outlet&apos;s rate for one tag: the annotations carrying the tag in the outlet&apos;s sources per
          1,000 words of its text (count × 1,000 ÷ words), with the count in brackets. Within a tag set all bars share one
          scale.
        </p>
        <TagCharts outlets={figures.outlets} tagSets={figures.tagSets} loadCell={loadCell} />
      </section>

      <section className={`${styles.section} ${styles.pageBreak}`} aria-labelledby="term-choice">
        <h2 id="term-choice">Term choice</h2>
        <p className="meta">Each fact row as the outlets word it. Marked words differ from the base passage (the first outlet&apos;s).</p>
        {report.termChoice.length === 0 ? <p className="meta">No fact rows yet.</p> : null}
        {report.recurringTerms.length > 0 ? (
          <>
            <h3 id="recurring-terms">Recurring terms</h3>
            <p className="meta">{RECURRING_TERMS_NOTE}</p>
            <table className="table" aria-labelledby="recurring-terms">
              <thead>
                <tr>
                  <th scope="col">Term</th>
                  {report.outlets.map((o) => (
                    <th key={o.id} scope="col">{o.name}</th>
                  ))}
                  <th scope="col" className={styles.number}>Fact rows</th>
                </tr>
              </thead>
              <tbody>
                {report.recurringTerms.map((term) => (
                  <tr key={term.label}>
                    <th scope="row">{term.label}</th>
                    {term.cells.map((c) => (
                      <td key={c.outletId}>{wordingsLabel(c.wordings)}</td>
                    ))}
                    <td className={styles.number}>{term.factRowIds.length}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : report.termChoice.length > 1 ? (
          <p className="meta">{NO_RECURRING_TERMS}</p>
        ) : null}
        {report.termChoice.map((row) => (
          <article key={row.id} className={styles.factRow} aria-labelledby={`row-${row.id}`}>
            <h3 id={`row-${row.id}`}><UserText>{row.label}</UserText></h3>
            {row.note ? <p className={styles.note}>{row.note}</p> : null}
            <ul className="plain-list">
              {row.passages.map((p, i) => {
                const changes = p.changes.filter((c) => c.base || c.here).slice(0, MAX_CHANGES);
                return (
                  <li key={p.sourceId} className={styles.passageItem}>
                    <span className="source__outlet">
                      {outlet(p.outletId)} {i === 0 && row.passages.length > 1 ? <span className="badge">base</span> : null}
                    </span>
                    <Passage passage={p} textProps={texts.get(p.sourceId)} />
                    {p.orphaned ? <p className="meta">No longer in the source&apos;s current text; its last wording is shown.</p> : null}
                    {p.paraphrased ? <p className="meta">{PARAPHRASED_NOTE}</p> : null}
                    {changes.length > 0 ? <p className="meta">Differs: {changes.map(changeLabel).join("; ")}</p> : null}
                    {p.tags.length > 0 ? (
                      <p className={styles.chips}>
                        <span className="visually-hidden">Tags: </span>
                        {p.tags.map((t) => (
                          <span key={t.id} className="tag-chip" style={{ background: t.color }}>
                            <UserText>{t.name}</UserText>
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </li>
                );
              })}
            </ul>
            {row.missingOutletIds.length > 0 ? <p className={styles.note}>Not reported by: {row.missingOutletIds.map(outlet).join(", ")}.</p> : null}
          </article>
        ))}
      </section>

      <section className={styles.section} aria-labelledby="omissions">
        <h2 id="omissions">Omissions</h2>
        {report.omissions.length === 0 ? (
          <p className="meta">Every outlet reports every fact row.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Fact row</th>
                <th scope="col">Reported by</th>
                <th scope="col">Left out by</th>
              </tr>
            </thead>
            <tbody>
              {report.omissions.map((o) => (
                <tr key={o.factRowId}>
                  <th scope="row"><UserText>{o.label}</UserText></th>
                  <td>{o.reportedBy.map(outlet).join(", ") || "nobody"}</td>
                  <td>{o.missingFrom.map(outlet).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <OutletOmissions report={report} />
      </section>

      <section className={`${styles.section} ${styles.pageBreak}`} aria-labelledby="claims">
        <h2 id="claims">Claims</h2>
        <p className="meta">
          Claim annotations are one claim when they name the same asserter and quote the same words or sit in the same fact
          row; an outlet carries a claim when one of its sources has such an annotation.
        </p>
        {report.claims.length === 0 ? (
          <p className="meta">No claims are marked.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Claim</th>
                <th scope="col">Asserted by</th>
                <th scope="col">Status</th>
                <th scope="col">Evidence</th>
                <th scope="col">Carried by</th>
              </tr>
            </thead>
            <tbody>
              {claims.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <q className={styles.quote}>{c.quote}</q>
                    {c.factRow ? <div className="meta">Fact row: {c.factRow.label}</div> : null}
                  </td>
                  <td>{asserterLabel(c)}</td>
                  <td>{statusLabel(c.statuses)}</td>
                  <td className={styles.evidence}>
                    {c.evidence.length === 0
                      ? "—"
                      : c.evidence.map((url) => (
                          <div key={url}>
                            <a href={url} rel="noopener noreferrer nofollow" target="_blank">
                              {url}
                            </a>
                          </div>
                        ))}
                  </td>
                  <td>{c.carriedBy.map((k) => outlet(k.outletId)).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <Pager page={claims} shown={claims.items.length} label="Pages of claims" href={claimsHref} />
      </section>

      <section className={`${styles.section} ${styles.pageBreak}`} aria-labelledby="method">
        <h2 id="method">Method</h2>
        <ul>
          <li>{report.filters.layer === "curated" ? LAYER_TEXT.curated : LAYER_TEXT.all}</li>
          <li>
            Annotations counted: {method.annotations}. Hidden and deleted annotations are never counted
            {method.orphanedExcluded ? `; ${method.orphanedExcluded} more are left out because their words are no longer in the source's text` : ""}.
          </li>
          <li>Reviewers: {method.reviewers.map((r) => `${r.name} (${r.annotations})`).join(", ") || "none"}.</li>
          <li>
            Annotations made: {dayRange(method.annotationDates)}. Sources published: {dayRange(method.publicationDates)}.
          </li>
          <li>
            Per 1,000 words: annotations carrying a tag in an outlet&apos;s sources × 1,000 ÷ the words (word tokens) of those
            sources&apos; current text.
          </li>
        </ul>
        <h3>Agreement between reviewers</h3>
        <p className="meta">
          Krippendorff&apos;s alpha (nominal) per tag set over the word tokens of the sources, as on the Agreement tab: 1 is
          perfect agreement, 0 what chance would give.
        </p>
        {method.agreement.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Tag set</th>
                <th scope="col" className={styles.number}>
                  Alpha
                </th>
                <th scope="col" className={styles.number}>
                  Raw agreement
                </th>
                <th scope="col" className={styles.number}>
                  Words coded by two or more
                </th>
              </tr>
            </thead>
            <tbody>
              {method.agreement.map((a) => (
                <tr key={a.tagSetId}>
                  <th scope="row"><UserText>{a.name}</UserText></th>
                  <td className={styles.number}>{alphaLabel(a)}</td>
                  <td className={styles.number}>{a.observedAgreement === null ? "—" : `${Math.round(a.observedAgreement * 100)}%`}</td>
                  <td className={styles.number}>{a.pairableUnits}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <h3>Definitions</h3>
        {method.definitions.length === 0 ? <p className="meta">No tags are used.</p> : null}
        {method.definitions.map((set) => (
          <div key={set.tagSetId} className={styles.definitions}>
            <h4><UserText>{set.name}</UserText></h4>
            {set.description ? <p className="meta">{set.description}</p> : null}
            <dl>
              {set.tags.map((t) => (
                <div key={t.id}>
                  <dt><UserText>{t.name}</UserText></dt>
                  <dd>{t.description ?? "No definition given."}</dd>
                </div>
              ))}
            </dl>
          </div>
        ))}
      </section>
    </div>
  );
}
