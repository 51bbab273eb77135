import { UserText } from "@/app/_components/user-text";
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

/** The report's relation figures: claims with evidence and without, and claims contradicted across outlets. */
export function RelationSummary({ report, annotatePath }: { report: RelationReport; annotatePath: string }) {
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
            <details>
              <summary>Claims without evidence ({report.withoutEvidence.length})</summary>
              <ul>
                {report.withoutEvidence.map((c) => (
                  <li key={c.id}>
                    <Claim claim={c} annotatePath={annotatePath} />
                  </li>
                ))}
              </ul>
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
