import { termLabel, type TermPair, type TermsAgainst, type TermSlot } from "@/lib/domain/diff";

/** How many places a strip lists before it says how many more there are. */
const MAX_PAIRS = 6;
const MAX_SLOTS = 8;

function More({ hidden }: { hidden: number }) {
  return hidden > 0 ? <span className="meta">and {hidden} more</span> : null;
}

function PairChip({ pair }: { pair: TermPair }) {
  const paraphrased = pair.kind === "paraphrased";
  const base = termLabel(pair.base, paraphrased);
  const other = termLabel(pair.other, paraphrased);
  if (pair.kind === "added") {
    return (
      <span className="term">
        <span className="term__kind">adds</span> <span className="diff--changed">{other}</span>
      </span>
    );
  }
  if (pair.kind === "omitted") {
    return (
      <span className="term">
        <span className="term__kind">leaves out</span> <span className="diff--base">{base}</span>
      </span>
    );
  }
  return (
    <span className="term">
      <span className="diff--base">{base}</span>
      <span aria-hidden="true"> → </span>
      <span className="visually-hidden"> replaced by </span>
      <span className="diff--changed">{other}</span>
    </span>
  );
}

/** Each other passage's wording set against the base passage's, place by place; the heading at `level` (3 unless told). */
export function TermsAgainstBase({ label, baseOutlet, results, outletOf, level = 3 }: {
  label: string;
  baseOutlet: string;
  results: TermsAgainst[];
  outletOf: (sourceId: string) => string;
  level?: 3 | 4;
}) {
  const Heading = level === 3 ? "h3" : "h4";
  return (
    <div className="terms" role="group" aria-label={`Differing terms in “${label}”`}>
      <Heading>Terms against {baseOutlet}</Heading>
      <dl>
        {results.map((r) => (
          <div key={r.id} className="terms__pair">
            <dt>{outletOf(r.id)}</dt>
            <dd>
              {r.pairs.length === 0 ? (
                <span className="meta">same wording as {baseOutlet}</span>
              ) : (
                <>
                  {r.paraphrased ? <span className="badge" title={`Shares few words with ${baseOutlet}: the words each uses are listed`}>paraphrased</span> : null}
                  {r.pairs.slice(0, MAX_PAIRS).map((pair, i) => (
                    <PairChip key={i} pair={pair} />
                  ))}
                  <More hidden={r.pairs.length - MAX_PAIRS} />
                </>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** Every place where the passages differ, with each outlet's wording there, as a table. */
export function TermsEachAgainstAll({ label, slots, sourceIds, outletOf }: {
  label: string;
  slots: TermSlot[];
  sourceIds: string[];
  outletOf: (sourceId: string) => string;
}) {
  const shown = slots.slice(0, MAX_SLOTS);
  return (
    <div className="terms" role="group" aria-label={`Differing terms in “${label}”`}>
      <h3>Terms, each outlet against all</h3>
      {slots.length === 0 ? (
        <p className="meta">All outlets use the same wording.</p>
      ) : (
        <div className="table-scroll">
          <table className="table terms__table">
            <caption className="visually-hidden">Wording of each outlet where the outlets differ in “{label}”</caption>
            <thead>
              <tr>
                <th scope="col">Place</th>
                {sourceIds.map((id) => (
                  <th key={id} scope="col">{outletOf(id)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((slot, i) => (
                <tr key={i}>
                  <th scope="row">
                    {i + 1}
                    {slot.paraphrased ? <> <span className="badge">paraphrased</span></> : null}
                  </th>
                  {sourceIds.map((id) => {
                    const wording = slot.wordings.find((w) => w.id === id);
                    if (!wording) return <td key={id} />;
                    if (wording.spans.length === 0) {
                      return (
                        <td key={id} className="meta">
                          <span aria-hidden="true">—</span>
                          <span className="visually-hidden">nothing here</span>
                        </td>
                      );
                    }
                    return <td key={id}>{wording.spans.map((s) => termLabel(s, slot.paraphrased)).join(" … ")}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {slots.length > MAX_SLOTS ? <p className="meta">and {slots.length - MAX_SLOTS} more places</p> : null}
    </div>
  );
}
