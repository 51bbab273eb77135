import type { ProfileComparison } from "@/lib/domain/profiles/outlet-profiles";
import styles from "./profiles.module.css";

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
