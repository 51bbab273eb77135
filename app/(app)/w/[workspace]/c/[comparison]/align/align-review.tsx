"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { termsAgainstBase } from "@/lib/domain/diff";
import type { CallResult } from "@/lib/server/action";
import type { AlignmentReview } from "@/lib/server/services/alignment/find-alignment-proposals";
import type { Where } from "../comparison-types";
import { TermsAgainstBase } from "../fact-rows/terms-strip";
import { PassageCell } from "../passage-cell";
import {
  acceptAlignmentProposalAction,
  acceptAlignmentProposalsAboveAction,
  mergeAlignmentProposalsAction,
  rejectAlignmentProposalAction,
  reopenAlignmentProposalAction,
  runAlignmentAction,
  splitAlignmentProposalAction,
} from "./actions";
import styles from "./align.module.css";

type Proposal = AlignmentReview["proposals"][number];
type Source = AlignmentReview["sources"][number];

/** Runs a server action, then refreshes the page's data; answers the failure's message, if any. */
function useRun() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  function run<T>(action: () => Promise<CallResult<T>>, then?: (data: T) => void) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        then?.(result.data);
        router.refresh();
      } else setError(result.message);
    });
  }
  return { pending, error, run };
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export function RunAlignmentButton({ where, hasRun }: { where: Where; hasRun: boolean }) {
  const { pending, error, run } = useRun();
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className={styles.run}>
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={() =>
          run(
            () => runAlignmentAction(where),
            (r) =>
              setDone(
                `Proposed ${plural(r.rows, "row", "rows")} of several outlets and ${plural(r.exclusives, "passage", "passages")} only one outlet reports, in ${r.alignedMs} ms.` +
                  (r.kept > 0 ? ` ${plural(r.kept, "earlier decision was", "earlier decisions were")} kept.` : ""),
              ),
          )
        }
      >
        {pending ? "Aligning…" : hasRun ? "Run Align all again" : "Align all"}
      </button>
      <p role="status" className={styles.runStatus}>
        {error ? <span className="notice notice--error">{error}</span> : done}
      </p>
    </div>
  );
}

export function AcceptAboveForm({ where, scores, minScore }: { where: Where; scores: number[]; minScore: number }) {
  const id = useId();
  const { pending, error, run } = useRun();
  const [value, setValue] = useState(Math.max(minScore, 0.6));
  const [done, setDone] = useState<string | null>(null);
  const count = scores.filter((s) => s >= value).length;
  const set = (raw: string) => {
    const n = Number(raw);
    if (Number.isFinite(n)) setValue(Math.min(1, Math.max(0, n)));
  };
  return (
    <form
      className={styles.acceptAbove}
      onSubmit={(event) => {
        event.preventDefault();
        run(
          () => acceptAlignmentProposalsAboveAction(where, value),
          (r) => setDone(`Accepted ${plural(r.accepted, "row", "rows")} as fact rows.`),
        );
      }}
    >
      <label htmlFor={`${id}-range`}>Accept all with score ≥</label>
      <input id={`${id}-range`} type="range" min={0} max={1} step={0.01} value={value} onChange={(e) => set(e.target.value)} aria-valuetext={value.toFixed(2)} />
      <label htmlFor={`${id}-number`} className="visually-hidden">
        Score
      </label>
      <input id={`${id}-number`} type="number" min={0} max={1} step={0.01} value={value} onChange={(e) => set(e.target.value)} className={styles.scoreInput} />
      <button type="submit" className="button button--small" disabled={pending || count === 0}>
        Accept {plural(count, "row", "rows")}
      </button>
      <span role="status" className={styles.acceptStatus}>
        {error ? <span className="notice notice--error">{error}</span> : done}
      </span>
    </form>
  );
}

/** Group headings' totals: rows of several outlets, and each outlet's passages only it reports. */
type Groups = { rows: number; only: Record<string, number> };

export function ProposalList({
  where,
  base,
  proposals,
  sources,
  first,
  groups,
}: {
  where: Where;
  base: string;
  proposals: Proposal[];
  sources: Source[];
  first: number;
  /** Present when the list is grouped: rows first, then one section per outlet. */
  groups: Groups | null;
}) {
  const list = useRef<HTMLDivElement>(null);
  const focusAt = useRef<number | null>(null);
  const ids = proposals.map((p) => p.id).join();
  // After a decision the row leaves the list: move focus to the row that took its place.
  useEffect(() => {
    if (focusAt.current === null || !list.current) return;
    const headings = list.current.querySelectorAll<HTMLElement>("article h3");
    headings[Math.min(focusAt.current, headings.length - 1)]?.focus();
    focusAt.current = null;
  }, [ids]);
  const card = (p: Proposal, i: number) => (
    <ProposalCard
      key={p.id}
      where={where}
      base={base}
      proposal={p}
      number={first + i + 1}
      sources={sources}
      mergeChoices={proposals.flatMap((q, j) => (q.id !== p.id && q.status === "PROPOSED" ? [{ id: q.id, number: first + j + 1, after: j > i, outlets: outlets(q, sources) }] : []))}
      onDecided={() => (focusAt.current = i)}
    />
  );
  if (!groups) {
    return (
      <div ref={list}>
        <ol className={styles.list}>{proposals.map(card)}</ol>
      </div>
    );
  }
  // Consecutive proposals of one kind: the service sends rows first, then outlet by outlet.
  const sections: { key: string; items: { p: Proposal; i: number }[] }[] = [];
  proposals.forEach((p, i) => {
    const key = p.passages.length > 1 ? "" : p.passages[0]!.sourceId;
    const last = sections[sections.length - 1];
    if (last && last.key === key) last.items.push({ p, i });
    else sections.push({ key, items: [{ p, i }] });
  });
  const outletOf = (sourceId: string) => sources.find((s) => s.id === sourceId)?.outlet ?? "Removed source";
  return (
    <div ref={list} className={styles.groups}>
      {sections.map(({ key, items }) => {
        const headingId = `align-group-${key || "rows"}`;
        return (
          <section key={key || "rows"} aria-labelledby={headingId} className={key ? styles.onlyGroup : undefined}>
            <h2 id={headingId} className={styles.groupHeading}>
              {key ? `Only in ${outletOf(key)}` : "Rows of several outlets"}{" "}
              <span className={styles.count}>{key ? (groups.only[key] ?? items.length) : groups.rows}</span>
            </h2>
            {key ? <p className="meta">Passages no other outlet reports at the minimum score: what the others left out.</p> : null}
            <ol className={styles.list}>{items.map(({ p, i }) => card(p, i))}</ol>
          </section>
        );
      })}
    </div>
  );
}

function outlets(p: Proposal, sources: Source[]) {
  return p.passages.map((x) => sources.find((s) => s.id === x.sourceId)?.outlet ?? "Removed source").join(", ");
}

function ProposalCard({
  where,
  base,
  proposal: p,
  number,
  sources,
  mergeChoices,
  onDecided,
}: {
  where: Where;
  base: string;
  proposal: Proposal;
  number: number;
  sources: Source[];
  mergeChoices: { id: string; number: number; after: boolean; outlets: string }[];
  onDecided: () => void;
}) {
  const { pending, error, run } = useRun();
  const headingId = useId();
  const [mergeWith, setMergeWith] = useState(mergeChoices.find((c) => c.after)?.id ?? mergeChoices[0]?.id ?? "");
  const outletOf = (sourceId: string) => sources.find((s) => s.id === sourceId)?.outlet ?? "Removed source";
  const alone = p.passages.length === 1;
  const title = alone ? `Only in ${outletOf(p.passages[0]!.sourceId)}` : `Reported by ${p.passages.length} of ${sources.length} outlets`;
  const open = p.status === "PROPOSED";
  const stale = p.passages.some((x) => x.stale);
  const decide = <T,>(action: () => Promise<CallResult<T>>) => run(action, onDecided);
  const columns = alone ? sources.filter((s) => s.id === p.passages[0]!.sourceId) : sources;
  return (
    <li className={`card ${styles.proposal}${alone ? ` ${styles.alone}` : ""}`}>
      <article aria-labelledby={headingId}>
        <header className={styles.head}>
          <h3 id={headingId} tabIndex={-1}>
            <span className={styles.number}>#{number}</span> {title}
          </h3>
          {alone ? null : <span className="badge badge--accent">Score {p.score.toFixed(2)}</span>}
          {p.edited ? <span className="badge">Edited</span> : null}
          {p.status === "ACCEPTED" ? <span className="badge">Accepted</span> : null}
          {p.status === "REJECTED" ? <span className="badge">Rejected</span> : null}
        </header>
        {p.overlaps.length > 0 ? (
          <p className={styles.note}>
            Overlaps {p.overlaps.length === 1 ? "the fact row" : "the fact rows"}{" "}
            {p.overlaps.map((r, i) => (
              <span key={r.id}>
                {i > 0 ? ", " : null}“{r.label}”
              </span>
            ))}
            .
          </p>
        ) : null}
        <div className={styles.cells} style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(12rem, 1fr))` }}>
          {columns.map((source) => {
            const passage = p.passages.find((x) => x.sourceId === source.id);
            return (
              <PassageCell key={source.id} outlet={source.outlet} outletLabel="visible" text={passage ? passage.exact : null}>
                {passage?.stale ? <p className="meta">From an earlier version of the text.</p> : null}
                {open && !alone ? (
                  <button
                    type="button"
                    className={`button button--quiet button--small ${styles.cellAction}`}
                    disabled={pending}
                    onClick={() => run(() => splitAlignmentProposalAction(where, p.id, source.id))}
                  >
                    Split out<span className="visually-hidden"> {source.outlet}’s passage of proposal {number}</span>
                  </button>
                ) : null}
              </PassageCell>
            );
          })}
        </div>
        {alone ? null : (
          <div className={styles.terms}>
            <TermsAgainstBase
              label={`proposal ${number}`}
              baseOutlet={outletOf(p.passages[0]!.sourceId)}
              results={termsAgainstBase(
                p.passages.map((x) => ({ id: x.sourceId, text: x.exact })),
                p.passages[0]!.sourceId,
              )}
              outletOf={outletOf}
              level={4}
            />
          </div>
        )}
        {p.links.length > 0 ? (
          <p className={styles.links}>
            <span className="visually-hidden">Similarity of each pair: </span>
            {p.links.map((l, i) => (
              <span key={i} className={styles.link}>
                {outletOf(p.passages[l.a]!.sourceId)} ↔ {outletOf(p.passages[l.b]!.sourceId)} <strong>{l.score.toFixed(2)}</strong>
              </span>
            ))}
          </p>
        ) : null}
        <div className={styles.actions}>
          {open ? (
            <>
              <button type="button" className="button button--small" disabled={pending || stale} onClick={() => decide(() => acceptAlignmentProposalAction(where, p.id))}>
                Accept<span className="visually-hidden"> proposal {number}</span>
              </button>
              <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => decide(() => rejectAlignmentProposalAction(where, p.id))}>
                Reject<span className="visually-hidden"> proposal {number}</span>
              </button>
              {mergeChoices.length > 0 ? (
                <span className={styles.merge}>
                  <label htmlFor={`${headingId}-merge`}>Merge with</label>
                  <select id={`${headingId}-merge`} value={mergeWith} onChange={(e) => setMergeWith(e.target.value)}>
                    {mergeChoices.map((c) => (
                      <option key={c.id} value={c.id}>
                        #{c.number} ({c.outlets})
                      </option>
                    ))}
                  </select>
                  <button
                    type="button"
                    className="button button--quiet button--small"
                    disabled={pending || !mergeWith}
                    onClick={() => run(() => mergeAlignmentProposalsAction(where, p.id, mergeWith))}
                  >
                    Merge<span className="visually-hidden"> proposal {number}</span>
                  </button>
                </span>
              ) : null}
            </>
          ) : null}
          {p.status === "REJECTED" ? (
            <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => decide(() => reopenAlignmentProposalAction(where, p.id))}>
              Review again<span className="visually-hidden"> proposal {number}</span>
            </button>
          ) : null}
          {p.status === "ACCEPTED" && p.factRow ? (
            <span>
              Fact row <Link href={`${base}/fact-rows#row-${p.factRow.id}`}>“{p.factRow.label}”</Link>
            </span>
          ) : null}
        </div>
        {error ? (
          <p className="notice notice--error" role="alert">
            {error}
          </p>
        ) : null}
      </article>
    </li>
  );
}
