import Link from "next/link";
import { isFiltered } from "@/lib/domain/report/filters";
import type { AppliedReportFilters, FramingReport } from "@/lib/domain/report/types";
import styles from "./report.module.css";

function Choices({ legend, name, options, chosen }: { legend: string; name: string; options: { id: string; name: string }[]; chosen: string[] }) {
  if (options.length === 0) return null;
  return (
    <fieldset className={styles.choices}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.id} className="check">
          <input type="checkbox" name={name} value={o.id} defaultChecked={chosen.includes(o.id)} /> {o.name}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Narrows the report with GET parameters, so a filtered report has its own address (to
 * bookmark, share or print). Nothing ticked in a group means all of that group.
 */
export function ReportFilters({ action, choices, filters, error }: { action: string; choices: FramingReport["choices"]; filters: AppliedReportFilters; error?: string }) {
  return (
    <form method="get" action={action} className={`${styles.filters} no-print`} aria-labelledby="report-filters">
      <h2 id="report-filters" className={styles.filtersTitle}>
        Filters
      </h2>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className={styles.filterGroups}>
        <fieldset className={styles.choices}>
          <legend>Count</legend>
          <label className="check">
            <input type="radio" name="layer" value="all" defaultChecked={filters.layer !== "curated"} /> All reviewers
          </label>
          <label className="check">
            <input type="radio" name="layer" value="curated" defaultChecked={filters.layer === "curated"} /> Curated only
          </label>
        </fieldset>
        <Choices legend="Outlets" name="outlet" options={choices.outlets} chosen={filters.outletIds} />
        <Choices legend="Tag sets" name="tagSet" options={choices.tagSets} chosen={filters.tagSetIds} />
        <Choices legend="Reviewers" name="reviewer" options={choices.reviewers} chosen={filters.reviewerIds} />
        <fieldset className={styles.choices}>
          <legend>Annotations made</legend>
          <div className={styles.dates}>
            <label className="field">
              <span>From</span>
              <input type="date" name="from" defaultValue={filters.from?.slice(0, 10)} />
            </label>
            <label className="field">
              <span>To</span>
              <input type="date" name="to" defaultValue={filters.to?.slice(0, 10)} />
            </label>
          </div>
        </fieldset>
      </div>
      <div className={styles.filterActions}>
        <button type="submit" className="button button--small">
          Apply filters
        </button>
        {isFiltered(filters) || error ? (
          <Link href={action} className="button button--quiet button--small">
            Show everything
          </Link>
        ) : null}
      </div>
    </form>
  );
}
