import { UserText } from "@/app/_components/user-text";
import type { getAgreement } from "@/lib/server/services/agreement/get-agreement";

type Agreement = Awaited<ReturnType<typeof getAgreement>>;
type Set = Agreement["sets"][number];

const NOT_MEASURABLE = "not measurable";

function Figure({ value }: { value: number | null }) {
  if (value === null) return <span className="meta">— {NOT_MEASURABLE}</span>;
  return <strong>{value.toFixed(3)}</strong>;
}

function percent(value: number | null | undefined) {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

function rowsOf(set: Set) {
  const token = new Map(set.perTag.map((t) => [t.tag.id, t]));
  const span = new Map(set.span.perTag.map((t) => [t.tag.id, t]));
  const tags = [...new Map([...set.perTag, ...set.span.perTag].map((t) => [t.tag.id, t.tag])).values()];
  return tags.map((tag) => ({ tag, alpha: token.get(tag.id)?.alpha ?? null, raw: token.get(tag.id)?.observedAgreement, alphaU: span.get(tag.id)?.alpha ?? null }));
}

/**
 * Token-level α beside unitizing αU, per tag set and per tag, with what each number means.
 * The explanation is part of the figures: a reader should not need a statistics course to
 * tell a high raw agreement from real agreement.
 */
export function SpanAgreementSection({ sets }: { sets: Set[] }) {
  return (
    <section className="card" aria-labelledby="span-agreement">
      <h2 id="span-agreement">Agreement on words and on spans</h2>
      <p>
        <strong>α (words)</strong> treats every word of every source as one item: a reviewer&apos;s answer for a word is the tag they put
        on it, or “none”. <strong>αU (spans)</strong>, Krippendorff&apos;s unitizing alpha, looks at the spans themselves, character
        by character, over the sources every reviewer annotated: where one reviewer&apos;s span begins or ends a few characters away
        from another&apos;s, that costs a little; a span the other reviewer did not mark at all costs its whole length. For a tag
        set, αU weighs the disagreement on all its tags together. Both read the same way: <strong>1</strong> means the reviewers
        agree completely, <strong>0</strong> means they agree no more than they would by chance, and below 0 means they disagree
        more than chance would, in a systematic way. As a rule of thumb, conclusions drawn from a tag are safe from about 0.8 and
        tentative from 0.667.
      </p>
      <p>
        <strong>Why raw agreement can be high while α is near 0.</strong> Most words carry no tag, so two reviewers who never tag
        the same words still agree on “none” almost everywhere: raw agreement of 95% is what chance gives when a tag is rare. α
        discounts the agreement that chance alone would produce given how often each answer is used (its prevalence), so only
        agreement on the tagged words themselves lifts it.
      </p>
      <p>
        <strong>Why a value can be “not measurable”.</strong> α divides the disagreement observed by the disagreement expected by
        chance. When nothing could vary (nobody used the tag, everyone gave every word the same answer, or fewer than two
        reviewers worked on the same source), the expected disagreement is 0 and the division has no answer. Showing 1 there would
        certify a tag nobody used, and 0 would condemn it, so the page says so instead.
      </p>
      {sets.map((set) => {
        const rows = rowsOf(set);
        return (
          <table key={set.id} className="table table--row-headers" aria-labelledby={`span-agreement-${set.id}`}>
            <caption id={`span-agreement-${set.id}`}>
              <UserText>{set.name}</UserText>: αU over {set.span.sources} {set.span.sources === 1 ? "source" : "sources"} every reviewer
              annotated
            </caption>
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">α (words)</th>
                <th scope="col">Raw agreement (words)</th>
                <th scope="col">αU (spans)</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">All tags of the set</th>
                <td><Figure value={set.combined.alpha} /></td>
                <td>{percent(set.combined.observedAgreement)}</td>
                <td><Figure value={set.span.alphaU} /></td>
              </tr>
              {rows.map((row) => (
                <tr key={row.tag.id}>
                  <th scope="row">
                    <span className="swatch" style={{ background: row.tag.color }} aria-hidden="true" /> <UserText>{row.tag.name}</UserText>
                  </th>
                  <td><Figure value={row.alpha} /></td>
                  <td>{percent(row.raw)}</td>
                  <td><Figure value={row.alphaU} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
    </section>
  );
}
