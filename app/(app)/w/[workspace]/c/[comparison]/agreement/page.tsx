import type { Metadata } from "next";
import { Pager } from "@/app/_components/pager";
import { UserText } from "@/app/_components/user-text";
import type { AlphaSummary } from "@/lib/domain/agreement";
import { pageNumber, pageOf } from "@/lib/domain/paging/page";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { agreementFigures, recordAgreementVisit } from "@/lib/server/services/agreement/record-agreement-visit";
import { findAnalyserPrecision } from "@/lib/server/services/proposals/analyser-figures";
import { AgreementChangesSection } from "./agreement-changes";
import { AnalyserPrecisionSection } from "./analyser-precision";
import { DisagreementActions } from "./disagreement-actions";
import { SpanAgreementSection } from "./span-agreement";

type Params = {
  params: Promise<{ workspace: string; comparison: string }>;
  /** `set` and `page`: the page of that tag set's disagreements shown (the others show their first). */
  searchParams: Promise<{ reference?: string; set?: string; page?: string }>;
};

/** Disagreements listed per page: a large comparison has thousands, and the page must stay small. */
const DISAGREEMENTS_PER_PAGE = 50;

export const metadata: Metadata = { title: "Agreement" };

const STATUS_TEXT = {
  "no-variation": "not measurable: everyone gave the same value",
  "insufficient-data": "not measurable: fewer than two reviewers coded the same words",
} as const;

function Alpha({ summary }: { summary: AlphaSummary }) {
  if (summary.alpha === null) return <span className="meta">— ({STATUS_TEXT[summary.status as keyof typeof STATUS_TEXT]})</span>;
  return <strong>{summary.alpha.toFixed(3)}</strong>;
}

function percent(value: number | null) {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

export default async function AgreementPage({ params, searchParams }: Params) {
  const { workspace, comparison } = await params;
  const { reference, set: pagedSet, page } = await searchParams;
  const pageHref = (setId: string) => (n: number) =>
    `?${new URLSearchParams({ ...(reference ? { reference } : {}), set: setId, page: String(n) }).toString()}#set-${setId}`;
  const user = await requireSessionUser(`/w/${workspace}/c/${comparison}/agreement`);
  const agreement = await orNotFound(getAgreement(user, workspace, comparison));
  const scoresAnalysers = agreement.canResolve && agreement.workspace.kind === "TEAM";
  const referee = scoresAnalysers ? agreement.coders.find((c) => c.id === reference) : undefined;
  const analyserFigures = referee ? await findAnalyserPrecision(user, agreement.comparison.id, referee.id) : null;
  const changed = await recordAgreementVisit(user, agreement.comparison.id, agreementFigures(agreement.sets));
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Agreement between reviewers</h1>
          <p>
            Krippendorff&apos;s alpha (nominal) per tag set. Units are the word tokens of every source; a reviewer&apos;s
            value for a word is the tag of that set they put on it, or “none”. A reviewer counts on a source only if they
            annotated something in it. 1 is perfect agreement, 0 is what chance would give; hidden, deleted and orphaned
            annotations do not count.
          </p>
        </div>
      </div>
      <p className="meta">
        Reviewers: {agreement.coders.length ? agreement.coders.map((c) => c.name).join(", ") : "nobody has annotated yet"}.
      </p>
      {agreement.coders.length < 2 ? (
        <p className="card empty">
          Agreement needs at least two reviewers who annotated the same source. Invite reviewers on the workspace&apos;s
          Members page; their figures and disagreements appear here as they annotate.
        </p>
      ) : null}
      <AgreementChangesSection since={changed} />
      {agreement.coders.length < 2 ? null : <SpanAgreementSection sets={agreement.sets} />}
      {agreement.coders.length < 2 ? null : agreement.sets.map((set) => {
        const shown = pageOf(set.disagreements, set.id === pagedSet ? pageNumber(page) : 1, DISAGREEMENTS_PER_PAGE);
        return (
          <section key={set.id} className="card" aria-labelledby={`set-${set.id}`}>
            <h2 id={`set-${set.id}`}><UserText>{set.name}</UserText></h2>
            <p>
              Alpha: <Alpha summary={set.combined} /> · raw agreement {percent(set.combined.observedAgreement)} over{" "}
              {set.combined.pairableUnits} words coded by at least two reviewers
            </p>
            {set.perTag.length > 0 ? (
              <table className="table">
                <caption className="visually-hidden">Agreement per tag in <UserText>{set.name}</UserText></caption>
                <thead>
                  <tr>
                    <th scope="col">Tag</th>
                    <th scope="col">Alpha</th>
                    <th scope="col">Raw agreement</th>
                  </tr>
                </thead>
                <tbody>
                  {set.perTag.map((t) => (
                    <tr key={t.value}>
                      <td>
                        <span className="swatch" style={{ background: t.tag.color }} aria-hidden="true" /> {t.tag.name}
                      </td>
                      <td>
                        <Alpha summary={t} />
                      </td>
                      <td>{percent(t.observedAgreement)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
            <h3>Disagreements ({set.disagreements.length})</h3>
            {set.disagreements.length === 0 ? (
              <p className="meta">No open disagreements in this tag set.</p>
            ) : (
              <ul className="plain-list disagreements">
                {shown.items.map((d) => (
                  <li key={`${d.sourceId}:${d.start}:${d.end}`} className="disagreement">
                    <p>
                      <span className="source__outlet">{d.outlet}</span> “{d.text}”
                    </p>
                    <ul className="meta-list">
                      {d.values.map((v) => (
                        <li key={v.coderId}>
                          {v.coder}: {v.tags.length ? v.tags.join(", ") : "no tag"}
                        </li>
                      ))}
                    </ul>
                    {agreement.canResolve ? (
                      <DisagreementActions
                        where={{ workspace, comparison }}
                        target={{ sourceId: d.sourceId, tagSetId: set.id, start: d.start, end: d.end }}
                        coders={d.values.map(({ coderId, coder }) => ({ coderId, coder }))}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <Pager page={shown} shown={shown.items.length} label={`Pages of disagreements in ${set.name}`} href={pageHref(set.id)} />
          </section>
        );
      })}
      {scoresAnalysers ? <AnalyserPrecisionSection coders={agreement.coders} reference={referee?.id ?? null} figures={analyserFigures} /> : null}
    </>
  );
}
