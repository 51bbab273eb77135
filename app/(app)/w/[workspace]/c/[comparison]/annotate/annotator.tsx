"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { selectionOffsets } from "@/app/_components/text-selection";
import { useTouchSelection } from "@/app/_components/use-touch-selection";
import { findInText } from "@/lib/domain/text/find";
import { useComparisonEvents } from "@/app/_components/use-comparison-events";
import { segmentText } from "@/lib/domain/highlight/segments";
import type { ComparisonEvent } from "@/lib/server/realtime/events";
import {
  createAnnotationAction,
  deleteAnnotationAction,
  fetchAllAnnotationsAction,
  fetchAnnotationAction,
  hideAnnotationAction,
  reattachAnnotationAction,
  clearTextChangedAction,
  replyAction,
  updateAnnotationAction,
} from "./actions";
import { AnnotationCard, type CardActions } from "./annotation-card";
import { AnnotationForm, draftFields, EMPTY_DRAFT, type AnnotationDraft } from "./annotation-form";
import { CLAIM_STATUS_LABELS, type AnnotateSource, type Annotation, type AssignmentContext, type TagSetOption } from "./annotate-types";
import { ProposalPanel } from "./proposal-panel";
import { useProposals } from "./use-proposals";
import type { ProposalView } from "@/lib/server/services/proposals/find-proposals";

interface Filters {
  author: string;
  tag: string;
  claim: string;
  unresolved: boolean;
}

const NO_FILTERS: Filters = { author: "", tag: "", claim: "", unresolved: false };

function byTextOrder(a: Annotation, b: Annotation) {
  return a.target.start - b.target.start || b.target.end - a.target.end || a.id.localeCompare(b.id);
}

const PROPOSAL_KEY = "proposal:";

/**
 * The annotate view of a comparison, or of one assignment in it (`assignment`): then new
 * annotations are work for the assignment, and the view keeps only the work it is about
 * (the student's own, or the key) as live updates arrive. `initialProposals` (absent where
 * proposals are not offered) are the analysers' open proposals on the first source shown.
 */
export function Annotator({
  comparisonId, sources, initialSourceId, initialAnnotations, initialProposals, tagSets, me, canAnnotate, canModerate, assignment,
}: {
  comparisonId: string;
  sources: AnnotateSource[];
  initialSourceId: string;
  initialAnnotations: Annotation[];
  initialProposals?: ProposalView[] | null;
  tagSets: TagSetOption[];
  me: { id: string; name: string };
  canAnnotate: boolean;
  canModerate: boolean;
  assignment?: AssignmentContext;
}) {
  const [annotations, setAnnotations] = useState(initialAnnotations);
  const [sourceId, setSourceId] = useState(initialSourceId);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [draft, setDraft] = useState<AnnotationDraft>(EMPTY_DRAFT);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);

  const source = sources.find((s) => s.id === sourceId) ?? sources[0]!;
  const belongs = useCallback(
    (a: Annotation) => !assignment || (a.assignment?.id === assignment.id && (assignment.mode === "key" ? a.assignment.key : a.author.id === me.id)),
    [assignment, me.id],
  );
  const upsert = useCallback((next: Annotation) => {
    setAnnotations((current) => [...current.filter((a) => a.id !== next.id), ...(belongs(next) ? [next] : [])]);
  }, [belongs]);
  const remove = useCallback((id: string) => setAnnotations((current) => current.filter((a) => a.id !== id)), []);

  const status = useComparisonEvents(comparisonId, (event: ComparisonEvent) => {
    if (event.type !== "annotation" && event.type !== "reply") return;
    void fetchAnnotationAction(comparisonId, event.id).then((result) => {
      if (!result.ok) return;
      if (result.data) upsert(result.data);
      else remove(event.id);
    });
  });

  // Each time the stream (re)connects, catch up on what happened while it was not listening.
  useEffect(() => {
    if (status !== "live") return;
    void fetchAllAnnotationsAction(comparisonId, assignment?.id, assignment?.mode === "student").then((result) => {
      if (result.ok) setAnnotations(result.data.filter(belongs));
    });
  }, [status, comparisonId, assignment?.id, assignment?.mode, belongs]);

  const scrollToProposal = useCallback((id: string) => {
    document.getElementById(`proposal-${id}`)?.scrollIntoView({ block: "center" });
  }, []);
  const proposals = useProposals({
    comparisonId,
    sourceId: source.id,
    initial: initialProposals,
    initialSourceId,
    onAccepted: upsert,
    onScroll: scrollToProposal,
  });

  const authors = useMemo(() => [...new Map(annotations.map((a) => [a.author.id, a.author])).values()], [annotations]);
  const visible = annotations
    .filter((a) => a.sourceId === source.id)
    .filter((a) => !filters.author || a.author.id === filters.author)
    .filter((a) => !filters.tag || a.tags.some((t) => t.id === filters.tag))
    .filter((a) => !filters.claim || a.claim?.status === filters.claim)
    .filter((a) => !filters.unresolved || !a.resolved)
    .sort(byTextOrder);
  const placed = visible.filter((a) => a.anchor.status !== "ORPHANED");
  const orphans = visible.filter((a) => a.anchor.status === "ORPHANED");
  const byId = new Map(placed.map((a) => [a.id, a]));

  function capture() {
    const offsets = textRef.current ? selectionOffsets(textRef.current, source.text) : null;
    if (offsets) {
      setSelection(offsets);
      setMessage(null);
    }
  }
  useTouchSelection(textRef, capture);

  function run<T>(call: () => Promise<{ ok: true; data: T } | { ok: false; message: string; current?: unknown }>, then: (data: T) => void, id?: string) {
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        if (id) setConflicts(({ [id]: _, ...rest }) => rest);
        then(result.data);
        return;
      }
      if (id && result.current) {
        upsert(result.current as Annotation);
        setConflicts((c) => ({ ...c, [id]: `${result.message} Their version is shown now.` }));
      } else setMessage({ ok: false, text: result.message });
    });
  }

  const actions: CardActions = {
    update: (a, version, fields) =>
      new Promise((resolve) => {
        startTransition(async () => {
          const result = await updateAnnotationAction(comparisonId, a.id, { version, ...fields });
          if (result.ok) {
            setConflicts(({ [a.id]: _, ...rest }) => rest);
            upsert(result.data);
            resolve(null);
          } else {
            if (result.current) upsert(result.current as Annotation);
            setConflicts((c) => ({ ...c, [a.id]: result.current ? `${result.message} Their version is shown now.` : result.message }));
            resolve(result.message);
          }
        });
      }),
    remove: (a) => run(() => deleteAnnotationAction(comparisonId, a.id, a.version), () => remove(a.id), a.id),
    hide: (a, hidden, reason) =>
      run(() => hideAnnotationAction(comparisonId, a.id, { hidden, version: a.version, reason }), async () => {
        const fresh = await fetchAnnotationAction(comparisonId, a.id);
        if (fresh.ok && fresh.data) upsert(fresh.data);
      }, a.id),
    reply: (a, body) =>
      new Promise((resolve) => {
        startTransition(async () => {
          const result = await replyAction(comparisonId, a.id, body);
          if (!result.ok) {
            setMessage({ ok: false, text: result.message });
            resolve(false);
            return;
          }
          const fresh = await fetchAnnotationAction(comparisonId, a.id);
          if (fresh.ok && fresh.data) upsert(fresh.data);
          resolve(true);
        });
      }),
    clearTextChanged: (a) => run(() => clearTextChangedAction(comparisonId, a.id, a.version), upsert, a.id),
    reattach: (a) => {
      if (!selection) return;
      run(() => reattachAnnotationAction(comparisonId, a.id, { version: a.version, revisionNumber: source.revision, ...selection }), (data) => {
        upsert(data);
        setSelection(null);
      }, a.id);
    },
  };

  function create() {
    if (!selection) return;
    const work = assignment ? { assignmentId: assignment.id } : {};
    run(() => createAnnotationAction(comparisonId, { sourceId: source.id, revisionNumber: source.revision, ...selection, ...draftFields(draft), ...work }), (created) => {
      upsert(created);
      setSelection(null);
      setDraft(EMPTY_DRAFT);
      setSelectedId(created.id);
      setMessage({ ok: true, text: "Annotation saved." });
    });
  }

  function focusAnnotation(id: string) {
    setSelectedId(id);
    document.getElementById(`annotation-${id}`)?.scrollIntoView({ block: "nearest" });
  }

  const renderCard = (a: Annotation) => (
    <AnnotationCard
      key={a.id}
      annotation={a}
      me={me.id}
      canAnnotate={canAnnotate}
      canModerate={canModerate}
      tagSets={tagSets}
      selected={a.id === selectedId}
      onSelect={() => setSelectedId(a.id === selectedId ? null : a.id)}
      actions={actions}
      pending={pending}
      canReattach={Boolean(selection)}
      conflict={conflicts[a.id] ?? null}
    />
  );

  const proposalById = new Map(proposals.shown.map((p) => [p.id, p]));
  const segments = segmentText(source.text, [
    ...placed.map((a) => ({ start: a.target.start, end: a.target.end, key: a.id })),
    ...proposals.shown.map((p) => ({ start: p.start, end: p.end, key: `${PROPOSAL_KEY}${p.id}` })),
    ...(selection ? [{ ...selection, key: "selection" }] : []),
  ]);
  const firstSegmentOf = new Map<string, number>();
  for (const segment of segments) {
    for (const key of segment.keys) if (key.startsWith(PROPOSAL_KEY) && !firstSegmentOf.has(key)) firstSegmentOf.set(key, segment.start);
  }

  return (
    <div className="annotator">
      <div className="annotator__main">
        <div className="annotator__toolbar">
          <div className="source-switch" role="group" aria-label="Source">
            {sources.map((s) => (
              <button
                key={s.id}
                type="button"
                className="chip"
                aria-pressed={s.id === source.id}
                onClick={() => {
                  setSourceId(s.id);
                  setSelection(null);
                  window.history.replaceState(null, "", `?source=${s.id}`);
                }}
              >
                {s.outlet}
              </button>
            ))}
          </div>
          <span className={`live live--${status}`} role="status">
            {status === "live" ? (assignment?.mode === "student" ? "Live: your work is saved as you go" : "Live: others' changes appear here") : status === "connecting" ? "Connecting…" : "Offline: reconnecting"}
          </span>
        </div>
        <h2 className="source__title">{source.title}</h2>
        <form
          className="find"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            const query = String(new FormData(event.currentTarget).get("query") ?? "");
            const found = findInText(source.text, query, selection?.end ?? 0);
            if (found) setSelection(found);
            else setMessage({ ok: false, text: `“${query.trim()}” does not occur in this source.` });
          }}
        >
          <label htmlFor="annotate-find">Find words to annotate</label>
          <input id="annotate-find" name="query" type="text" />
          <button type="submit" className="button button--quiet button--small">
            Select
          </button>
        </form>
        <div className="annotated-text" ref={textRef} onMouseUp={capture} onKeyUp={(e) => e.shiftKey && capture()} tabIndex={0} aria-label={`Text of ${source.outlet}`}>
          {segments.map((segment) => {
            if (segment.keys.length === 0) return segment.text;
            const ids = segment.keys.filter((k) => k !== "selection" && !k.startsWith(PROPOSAL_KEY));
            // Where proposals overlap, the active one is drawn (and clicked); otherwise the innermost.
            const proposalKey = segment.keys.find((k) => k === `${PROPOSAL_KEY}${proposals.active?.id}`) ?? segment.keys.findLast((k) => k.startsWith(PROPOSAL_KEY));
            const proposal = proposalKey ? proposalById.get(proposalKey.slice(PROPOSAL_KEY.length)) : undefined;
            const inner = byId.get(ids.at(-1) ?? "");
            const outer = ids.length > 1 ? byId.get(ids[0]!) : undefined;
            const color = inner?.tags[0]?.color;
            const proposalProps = proposal
              ? {
                  id: firstSegmentOf.get(proposalKey!) === segment.start ? `proposal-${proposal.id}` : undefined,
                  "data-proposal": proposal.id,
                  style: { textDecorationColor: proposal.tag.color },
                }
              : {};
            const proposalClass = proposal ? ` proposal-mark${proposal.id === proposals.active?.id ? " proposal-mark--active" : ""}` : "";
            if (!inner && !segment.keys.includes("selection")) {
              return (
                <span
                  key={segment.start}
                  className={proposalClass.trim()}
                  {...proposalProps}
                  title={`Proposed: ${proposal!.tag.name} (${proposal!.analyser})`}
                  onClick={() => proposals.setActiveId(proposal!.id)}
                >
                  {segment.text}
                </span>
              );
            }
            return (
              <mark
                key={segment.start}
                {...proposalProps}
                className={`hl${segment.keys.includes("selection") ? " hl--selected" : ""}${inner && inner.id === selectedId ? " hl--active" : ""}${proposalClass}`}
                style={{
                  ...proposalProps.style,
                  background: color,
                  boxShadow: outer ? `inset 0 -0.3em 0 ${outer.tags[0]?.color ?? "#999"}` : undefined,
                }}
                title={ids.map((id) => byId.get(id)?.tags.map((t) => t.name).join(", ")).join(" / ") || undefined}
                onClick={inner ? () => focusAnnotation(inner.id) : undefined}
              >
                {segment.text}
              </mark>
            );
          })}
        </div>
      </div>

      <aside className="annotator__panel" aria-label="Annotations">
        {message ? (
          <p className={`notice ${message.ok ? "notice--success" : "notice--error"}`} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        ) : null}
        {selection && canAnnotate ? (
          <section className="card new-annotation" aria-labelledby="new-annotation">
            <h2 id="new-annotation">New annotation</h2>
            <p className="selection-panel__quote">“{source.text.slice(selection.start, selection.end)}”</p>
            <AnnotationForm
              idPrefix="new"
              tagSets={tagSets}
              draft={draft}
              onChange={setDraft}
              pending={pending}
              submitLabel="Save annotation"
              onSubmit={create}
              onCancel={() => setSelection(null)}
            />
          </section>
        ) : canAnnotate ? (
          <p className="meta">Select words in the text (or find them above) to annotate them.</p>
        ) : null}

        {proposals.offered && canAnnotate ? <ProposalPanel layer={proposals} outlet={source.outlet} /> : null}

        <fieldset className="filters">
          <legend>Filter</legend>
          <label>
            Author{" "}
            <select value={filters.author} onChange={(e) => setFilters({ ...filters, author: e.target.value })}>
              <option value="">Everyone</option>
              {authors.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag{" "}
            <select value={filters.tag} onChange={(e) => setFilters({ ...filters, tag: e.target.value })}>
              <option value="">Any tag</option>
              {tagSets.map((set) => (
                <optgroup key={set.id} label={set.name}>
                  {set.tags.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <label>
            Claim{" "}
            <select value={filters.claim} onChange={(e) => setFilters({ ...filters, claim: e.target.value })}>
              <option value="">Any</option>
              {Object.entries(CLAIM_STATUS_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={filters.unresolved} onChange={(e) => setFilters({ ...filters, unresolved: e.target.checked })} /> Unresolved only
          </label>
        </fieldset>

        <h2>
          {placed.length} annotation{placed.length === 1 ? "" : "s"} in {source.outlet}
        </h2>
        <ol className="plain-list annotation-list" aria-label="Annotations in text order">
          {placed.map(renderCard)}
        </ol>
        {orphans.length > 0 ? (
          <section aria-labelledby="orphans">
            <h2 id="orphans">Orphaned annotations ({orphans.length})</h2>
            <p className="meta">Their text changed in an edit and could not be found again. Select the right words, then re-attach.</p>
            <ol className="plain-list annotation-list">
              {orphans.map(renderCard)}
            </ol>
          </section>
        ) : null}
      </aside>
    </div>
  );
}
