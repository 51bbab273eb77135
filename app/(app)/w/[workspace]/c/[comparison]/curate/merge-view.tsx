"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type KeyboardEvent } from "react";
import { useComparisonEvents } from "@/app/_components/use-comparison-events";
import { UserText } from "@/app/_components/user-text";
import type { MergeSpan } from "@/lib/domain/curation/merge";
import { curateSpanAction, fetchCurationAction } from "./actions";
import styles from "./curate.module.css";

type Verdict = { verdict: "ACCEPTED" | "REJECTED"; tagIds: string[]; curator: string; version: number };
type TagSet = { id: string; name: string; tags: { id: string; name: string; color: string }[] };

/**
 * The merge view's table: a row per span, a column per reviewer, the curated verdict and the
 * ways to make it. Keyboard: ↑/↓ (or k/j) move between spans, 1–9 accept that version,
 * m merges, e edits, r rejects; after a verdict the next span takes the focus.
 *
 * Live, like the annotate view: when a reviewer annotates or another editor curates, the
 * table re-reads this source's merge view through the permission-checked action. Each
 * decision names the verdict's version it was made on, so an editor who decides a span the
 * other one decided meanwhile is told so and shown their verdict instead of overwriting it.
 */
export function MergeView({
  comparisonId, workspaceSlug, comparisonSlug, sourceId, reviewers: initialReviewers, spans: initialSpans, initialVerdicts, tagSets,
}: {
  comparisonId: string;
  workspaceSlug: string;
  comparisonSlug: string;
  sourceId: string;
  reviewers: { id: string; name: string }[];
  spans: MergeSpan[];
  initialVerdicts: Record<string, Verdict>;
  tagSets: TagSet[];
}) {
  const [{ reviewers, spans, verdicts }, setView] = useState({ reviewers: initialReviewers, spans: initialSpans, verdicts: initialVerdicts });
  const setVerdicts = (update: (current: Record<string, Verdict>) => Record<string, Verdict>) => setView((view) => ({ ...view, verdicts: update(view.verdicts) }));
  const refresh = useCallback(() => {
    void fetchCurationAction(workspaceSlug, comparisonSlug, sourceId).then((result) => {
      if (result.ok) setView(result.data);
    });
  }, [workspaceSlug, comparisonSlug, sourceId]);
  const status = useComparisonEvents(comparisonId, (event) => {
    if (event.type === "annotation" || (event.type === "curation" && event.id === sourceId)) refresh();
  });
  // Each time the stream (re)connects, catch up on what changed while it was not listening.
  useEffect(() => {
    if (status === "live") refresh();
  }, [status, refresh]);
  const [editing, setEditing] = useState<{ key: string; tagIds: string[] } | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const rows = useRef<(HTMLTableRowElement | null)[]>([]);
  const tags = new Map(tagSets.flatMap((set) => set.tags.map((t) => [t.id, t])));
  const decided = spans.filter((s) => verdicts[s.key]).length;

  const focusRow = (index: number) => rows.current[Math.max(0, Math.min(index, spans.length - 1))]?.focus();

  function decide(index: number, verdict: Verdict["verdict"], tagIds: string[]) {
    const span = spans[index]!;
    startTransition(async () => {
      const version = verdicts[span.key]?.version ?? 0;
      const result = await curateSpanAction(comparisonId, { sourceId, start: span.start, end: span.end, verdict, tagIds, version });
      if (!result.ok) {
        const current = result.current as Verdict | null | undefined;
        if (current) setVerdicts(({ [span.key]: _, ...rest }) => ({ ...rest, [span.key]: current }));
        setMessage({ ok: false, text: result.message });
        return;
      }
      setVerdicts((current) => ({ ...current, [span.key]: { verdict, tagIds: [...result.data.tagIds].sort(), curator: "you", version: result.data.version } }));
      setEditing(null);
      setMessage({ ok: true, text: verdict === "ACCEPTED" ? `Accepted “${span.exact}”.` : `Rejected “${span.exact}”.` });
      focusRow(index + 1);
    });
  }

  function onKey(event: KeyboardEvent<HTMLTableRowElement>, index: number) {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const span = spans[index]!;
    const key = event.key;
    const version = /^[1-9]$/.test(key) ? span.versions[Number(key) - 1] : undefined;
    if (key === "ArrowDown" || key === "j") focusRow(index + 1);
    else if (key === "ArrowUp" || key === "k") focusRow(index - 1);
    else if (version) decide(index, "ACCEPTED", version.tagIds);
    else if (key === "m") decide(index, "ACCEPTED", span.union);
    else if (key === "r") decide(index, "REJECTED", []);
    else if (key === "e") setEditing({ key: span.key, tagIds: verdicts[span.key]?.tagIds ?? span.union });
    else return;
    event.preventDefault();
  }

  const tagChips = (ids: string[]) => (
    <span className={styles.tags}>
      {ids.map((id) => (
        <span key={id} className="tag-chip" style={{ background: tags.get(id)?.color }}>
          {tags.get(id)?.name ?? "Merged tag"}
        </span>
      ))}
    </span>
  );

  const live = (
    <p className="meta">
      {status === "live" ? "Live: reviewers' annotations and other editors' verdicts appear here" : status === "offline" ? "Offline: reload to see others' changes" : "Connecting…"}
    </p>
  );
  if (spans.length === 0) {
    return (
      <>
        {live}
        <p className="card empty">No reviewer has annotated this source yet.</p>
      </>
    );
  }
  return (
    <section aria-labelledby="merge-heading">
      <h3 id="merge-heading">
        Spans: {decided} of {spans.length} curated
      </h3>
      <p className={styles.keys}>Keys: ↑ ↓ move · 1–9 accept that version · m merge · e edit · r reject</p>
      {live}
      {message ? <p role={message.ok ? "status" : "alert"} className={`notice ${message.ok ? "notice--success" : "notice--error"}`}>{message.text}</p> : null}
      <div style={{ overflowX: "auto" }}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Span</th>
              {reviewers.map((r) => (
                <th key={r.id} scope="col"><UserText>{r.name}</UserText></th>
              ))}
              <th scope="col">Curated</th>
              <th scope="col">Decide</th>
            </tr>
          </thead>
          <tbody>
            {spans.map((span, index) => {
              const verdict = verdicts[span.key];
              return (
                <tr
                  key={span.key}
                  ref={(el) => { rows.current[index] = el; }}
                  tabIndex={0}
                  className={styles.row}
                  data-verdict={verdict?.verdict}
                  aria-label={`“${span.exact}”${verdict ? `, ${verdict.verdict === "ACCEPTED" ? "accepted" : "rejected"}` : ""}`}
                  onKeyDown={(event) => onKey(event, index)}
                >
                  <th scope="row">
                    “<UserText>{span.exact}</UserText>”
                    {span.agreed ? (
                      <div className="meta">
                        Agreed by {span.versions[0]!.reviewers.map((r) => r.name).join(", ")}
                      </div>
                    ) : null}
                  </th>
                  {reviewers.map((r) => (
                    <td key={r.id}>{span.byReviewer[r.id] ? tagChips(span.byReviewer[r.id]!) : <span className="meta">—</span>}</td>
                  ))}
                  <td>
                    {verdict ? (
                      verdict.verdict === "ACCEPTED" ? tagChips(verdict.tagIds) : <span>Rejected</span>
                    ) : (
                      <span className="meta">Not curated</span>
                    )}
                  </td>
                  <td>
                    <div className={styles.actions}>
                      {span.versions.map((version, v) => (
                        <button
                          key={version.tagIds.join(",")}
                          type="button"
                          className="button button--small"
                          disabled={pending}
                          onClick={() => decide(index, "ACCEPTED", version.tagIds)}
                        >
                          Accept {version.reviewers.map((r) => r.name).join(" + ")}
                          {span.versions.length > 1 ? ` (${v + 1})` : ""}
                        </button>
                      ))}
                      {span.versions.length > 1 ? (
                        <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => decide(index, "ACCEPTED", span.union)}>
                          Merge
                        </button>
                      ) : null}
                      <button
                        type="button"
                        className="button button--quiet button--small"
                        disabled={pending}
                        onClick={() => setEditing({ key: span.key, tagIds: verdict?.tagIds ?? span.union })}
                      >
                        Edit
                      </button>
                      <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => decide(index, "REJECTED", [])}>
                        Reject
                      </button>
                    </div>
                    {editing?.key === span.key ? (
                      <fieldset className={styles.editor}>
                        <legend>Tags for “{span.exact}”</legend>
                        {tagSets.flatMap((set) => set.tags).map((tag) => (
                          <label key={tag.id}>
                            <input
                              type="checkbox"
                              checked={editing.tagIds.includes(tag.id)}
                              onChange={(event) =>
                                setEditing({
                                  key: span.key,
                                  tagIds: event.target.checked ? [...editing.tagIds, tag.id] : editing.tagIds.filter((id) => id !== tag.id),
                                })
                              }
                            />{" "}
                            {tag.name}
                          </label>
                        ))}
                        <button type="button" className="button button--small" disabled={pending || editing.tagIds.length === 0} onClick={() => decide(index, "ACCEPTED", editing.tagIds)}>
                          Save tags
                        </button>
                        <button type="button" className="button button--quiet button--small" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </fieldset>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
