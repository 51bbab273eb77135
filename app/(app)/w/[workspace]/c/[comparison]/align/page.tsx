import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { ALIGNMENT_VIEWS, type TAlignmentView } from "@/lib/schemas/alignment";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { findAlignmentProposals } from "@/lib/server/services/alignment/find-alignment-proposals";
import { AcceptAboveForm, ProposalList, RunAlignmentButton } from "./align-review";
import styles from "./align.module.css";

type Props = {
  params: Promise<{ workspace: string; comparison: string }>;
  searchParams: Promise<{ view?: string; page?: string }>;
};

export const metadata: Metadata = { title: "Align all" };

const VIEW_LABELS: Record<TAlignmentView, string> = {
  review: "To review",
  rows: "Rows of several outlets",
  only: "Only in one outlet",
  accepted: "Accepted",
  rejected: "Rejected",
};

export default async function AlignPage({ params, searchParams }: Props) {
  const { workspace, comparison } = await params;
  const base = `/w/${workspace}/c/${comparison}`;
  const user = await requireSessionUser(`${base}/align`);
  const review = await orNotFound(findAlignmentProposals(user, workspace, comparison, await searchParams));
  const { counts, view, page, pageCount, pageSize, proposals, sources } = review;
  const hasRun = review.lastRunAt !== null || counts.accepted + counts.rejected > 0;
  const href = (v: TAlignmentView, p = 1) => `${base}/align?view=${v}${p > 1 ? `&page=${p}` : ""}`;
  const stale = proposals.some((p) => p.status === "PROPOSED" && p.passages.some((x) => x.stale));
  const first = (page - 1) * pageSize;
  return (
    <>
      <div className="page-header">
        <div className={styles.intro}>
          <h1>Align all</h1>
          <p>
            Align all proposes fact rows for the whole comparison: each sentence of each source with its counterparts in the
            other sources, with a similarity score for every pair. Nothing becomes a fact row until you accept it; decisions are
            kept when Align all runs again.
          </p>
        </div>
      </div>
      <RunAlignmentButton where={{ workspace, comparison }} hasRun={hasRun} />
      {hasRun ? (
        <p className="meta">
          {review.lastRunAt ? (
            <>
              Last run <LocalTime date={review.lastRunAt} />.{" "}
            </>
          ) : null}
          Passages are proposed together when they score at least {review.minScore.toFixed(2)} (1 is the same wording); a
          passage with no counterpart at that score is shown as “Only in” its outlet.
        </p>
      ) : (
        <p className="card empty">No proposals yet. Run Align all to propose fact rows for the {sources.length} sources.</p>
      )}
      {stale ? (
        <p className="notice notice--error" role="status">
          A source was edited since Align all ran. Proposals with passages of the old text cannot be accepted: run Align all again.
        </p>
      ) : null}
      {hasRun ? (
        <>
          <div className={styles.toolbar}>
            <nav aria-label="Proposals to show" className={styles.views}>
              {ALIGNMENT_VIEWS.map((v) => (
                <Link key={v} href={href(v)} aria-current={v === view ? "page" : undefined}>
                  {VIEW_LABELS[v]} <span className={styles.count}>{counts[v]}</span>
                </Link>
              ))}
            </nav>
            <AcceptAboveForm where={{ workspace, comparison }} scores={review.rowScores} minScore={review.minScore} />
          </div>
          {review.grouped && proposals.length > 0 ? null : <h2 className="visually-hidden">{VIEW_LABELS[view]}</h2>}
          {proposals.length === 0 ? (
            <p className="card empty">
              {view === "accepted" || view === "rejected" ? `No ${VIEW_LABELS[view].toLowerCase()} proposals.` : "Nothing left to review here."}{" "}
              {counts.accepted > 0 ? <Link href={`${base}/fact-rows`}>See the fact rows</Link> : null}
            </p>
          ) : (
            <>
              <p className="meta" aria-live="polite">
                {VIEW_LABELS[view]}: {first + 1}–{first + proposals.length} of {counts[view]}
              </p>
              <ProposalList
                where={{ workspace, comparison }}
                base={base}
                proposals={proposals}
                sources={sources}
                first={first}
                groups={review.grouped ? { rows: counts.rows, only: review.onlyCounts } : null}
              />
            </>
          )}
          {pageCount > 1 ? (
            <nav aria-label="Pages" className={styles.pages}>
              {page > 1 ? <Link href={href(view, page - 1)}>← Previous</Link> : <span />}
              <span>
                Page {page} of {pageCount}
              </span>
              {page < pageCount ? <Link href={href(view, page + 1)}>Next →</Link> : <span />}
            </nav>
          ) : null}
        </>
      ) : null}
    </>
  );
}
