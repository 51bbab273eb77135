import type { AnalyserPrecision } from "@/lib/domain/proposals/precision";

function percent(value: number | null) {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

/**
 * Each analyser's proposals measured against one reviewer's layer (or an imported gold layer)
 * in this comparison, with a picker for the reference. Editors see it, to judge which
 * analysers to trust and to switch on.
 */
export function AnalyserPrecisionSection({
  coders, reference, figures,
}: {
  coders: { id: string; name: string }[];
  reference: string | null;
  figures: AnalyserPrecision[] | null;
}) {
  return (
    <section className="card" aria-labelledby="analyser-precision">
      <h2 id="analyser-precision">Analysers against a reference layer</h2>
      <p>
        Pick whose annotations to take as right (a careful reviewer&apos;s, or a gold layer imported under a member&apos;s name): every
        proposal of every analyser on the sources&apos; current text is scored against them by word overlap per tag, whether reviewers
        decided it or not. Precision: of the words an analyser proposed a tag for, how many the reference gave that tag. Recall: of the
        words the reference gave one of the analyser&apos;s tags, how many it proposed.
      </p>
      <form method="get" className="form--inline">
        <div className="field">
          <label htmlFor="reference">Reference layer</label>
          <select id="reference" name="reference" defaultValue={reference ?? ""}>
            <option value="">Choose a reviewer…</option>
            {coders.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--quiet button--small">
          Score the analysers
        </button>
      </form>
      {figures ? (
        <table className="table">
          <caption className="visually-hidden">Precision and recall of each analyser against the reference layer</caption>
          <thead>
            <tr>
              <th scope="col">Analyser</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">Per tag (precision / recall)</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.analyser}>
                <th scope="row">{f.analyser}</th>
                <td>{percent(f.overall.precision)}</td>
                <td>{percent(f.overall.recall)}</td>
                <td>
                  <ul className="meta-list">
                    {f.perTag.map((t) => (
                      <li key={t.tagKey}>
                        {t.tagKey}: {percent(t.precision)} / {percent(t.recall)} ({t.answered} words proposed, {t.expected} in the reference)
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
