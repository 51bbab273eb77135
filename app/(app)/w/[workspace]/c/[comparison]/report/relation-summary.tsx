import { Pager } from "@/app/_components/pager";
import { UserText } from "@/app/_components/user-text";
import { pageOf } from "@/lib/domain/paging/page";
import type { RelationReport } from "@/lib/server/reports/get-relation-report";

function Claim({ claim, annotatePath }: { claim: { id: string; exact: string; outlet: string }; annotatePath: string }) {
  return (
    <>
      <a href={`${annotatePath}?annotation=${encodeURIComponent(claim.id)}`}>“{claim.exact.length > 120 ? `${claim.exact.slice(0, 120)}…` : claim.exact}”</a>{" "}
      <span className="meta">
        (<UserText>{claim.outlet}</UserText>)
      </span>
    </>
  );
}

/** Claims without evidence listed per page: a large comparison has hundreds. */
const UNEVIDENCED_PER_PAGE = 50;

/**
 * The report's relation figures: claims with evidence and without, and claims contradicted
 * across outlets. The claims without evidence are listed a page at a time (`unevidencedPage`,
 * linked by `unevidencedHref`).
 */
export function RelationSummary({
  report, annotatePath, unevidencedPage, unevidencedHref,
}: { report: RelationReport; annotatePath: string; unevidencedPage: number; unevidencedHref: (page: number) => string }) {
  const unevidenced = pageOf(report.withoutEvidence, unevidencedPage, UNEVIDENCED_PER_PAGE);
  return (
    <section className="card report-relations" aria-labelledby="report-relations">
      <h2 id="report-relations">Claims and their links</h2>
      {report.claims === 0 ? (
        <p className="meta">No claims are marked yet.</p>
      ) : (
        <>
          <p>
            <strong>{report.withEvidence.length}</strong> of {report.claims} claim{report.claims === 1 ? "" : "s"} with evidence (a linked annotation or an evidence
            link), <strong>{report.withoutEvidence.length}</strong> without.
          </p>
          {report.withoutEvidence.length > 0 ? (
            <details open={unevidenced.page > 1}>
              <summary>Claims without evidence ({report.withoutEvidence.length})</summary>
              <ul>
                {unevidenced.items.map((c) => (
                  <li key={c.id}>
                    <Claim claim={c} annotatePath={annotatePath} />
                  </li>
                ))}
              </ul>
              <Pager page={unevidenced} shown={unevidenced.items.length} label="Pages of claims without evidence" href={unevidencedHref} />
            </details>
          ) : null}
          <h3>Claims contradicted across outlets ({report.contradictedAcrossOutlets.length})</h3>
          {report.contradictedAcrossOutlets.length === 0 ? (
            <p className="meta">No claim is linked as contradicted by another outlet.</p>
          ) : (
            <ul aria-label="Claims contradicted across outlets">
              {report.contradictedAcrossOutlets.map((c) => (
                <li key={c.id}>
                  <Claim claim={c} annotatePath={annotatePath} /> contradicted by {c.byOutlets.join(", ")}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
