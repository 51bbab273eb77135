"use client";

import { Fragment, useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import { selectionOffsets } from "@/app/_components/text-selection";
import { useTouchSelection } from "@/app/_components/use-touch-selection";
import { findInText } from "@/lib/domain/text/find";
import { textAttributes } from "@/lib/domain/text/language";
import { useComparisonEvents } from "@/app/_components/use-comparison-events";
import { segmentText } from "@/lib/domain/highlight/segments";
import type { ComparisonEvent } from "@/lib/server/realtime/events";
import {
  clearTextChangedAction,
  createAnnotationAction,
  createRelationAction,
  deleteAnnotationAction,
  deleteRelationAction,
  fetchAllRelationsAction,
  fetchAnnotationAction,
  fetchLinkCandidatesAction,
  fetchRelationAction,
  fetchSourceTextAction,
  hideAnnotationAction,
  reattachAnnotationAction,
  replyAction,
  updateAnnotationAction,
  updateRelationAction,
} from "./actions";
import { AnnotationCard, type CardActions } from "./annotation-card";
import { AnnotationForm, draftFields, EMPTY_DRAFT, type AnnotationDraft } from "./annotation-form";
import { AnnotationRelations, type LoadLinkCandidates, type Relation, type RelationActions, type RelationType } from "./annotation-relations";
import { CLAIM_STATUS_LABELS, type AnnotateSource, type Annotation, type AssignmentContext, type TagSetOption } from "./annotate-types";
import { ProposalPanel } from "./proposal-panel";
import { RelationArcs } from "./relation-arcs";
import { ShortcutHelpDialog } from "./shortcut-help-dialog";
import { SpanHandle, TextCaret, withMarkers, type TextMarker } from "./span-handles";
import { useCaretBrowsing } from "./use-caret-browsing";
import { tagKeys, useShortcuts } from "./use-shortcuts";
import { useSpanAdjust } from "./use-span-adjust";
import { useProposals } from "./use-proposals";
import { useAnnotationWindow, type AnnotationWindowData } from "./use-annotation-window";
import { UndoNotice } from "./undo-notice";
import { editLabel, fieldsBefore, quote, useUndo } from "./use-undo";
import { VirtualAnnotationList } from "./virtual-annotation-list";
import { WorkQueueBar } from "./work-queue-bar";
import type { ProposalView } from "@/lib/server/services/proposals/find-proposals";

interface Filters {
  author: string;
  tag: string;
  claim: string;
  unresolved: boolean;
}

const NO_FILTERS: Filters = { author: "", tag: "", claim: "", unresolved: false };

const PROPOSAL_KEY = "proposal:";

/**
 * What a permalink opened: the annotation (fetched by id; the page opens its source), the
 * reply it named, and a sentence for when either cannot be shown.
 */
export interface PermalinkFocus {
  annotation: Annotation | null;
  replyId: string | null;
  notice: string | null;
}

/**
 * The annotate view of a comparison, or of one assignment in it (`assignment`): then new
 * annotations are work for the assignment, and the view keeps only the work it is about
 * (the student's own, or the key) as live updates arrive. `initialProposals` (absent where
 * proposals are not offered) are the analysers' open proposals on the first source shown.
 *
 * It holds one source at a time: its text (sources without `text` are read when opened),
 * its highlights, and full annotations only for the list rows near the viewport
 * (`initialWindow`: what the page read for the first source), so it stays small whatever
 * the comparison holds.
 */
export function Annotator({
  comparisonId, sources, initialSourceId, initialWindow, initialProposals, tagSets, me, canAnnotate, canModerate, assignment,
  initialRelations, relationTypes, permalinkBase, permalink, workQueue,
}: {
  comparisonId: string;
  sources: AnnotateSource[];
  initialSourceId: string;
  initialWindow: AnnotationWindowData;
  initialProposals?: ProposalView[] | null;
  tagSets: TagSetOption[];
  me: { id: string; name: string };
  canAnnotate: boolean;
  canModerate: boolean;
  assignment?: AssignmentContext;
  /** Relations between annotations, and the comparison's types; absent where relations are not offered. */
  initialRelations?: Relation[];
  relationTypes?: RelationType[];
  /** The annotate page's path, for permalinks: `<base>?annotation=<id>`. */
  permalinkBase?: string;
  /** What a permalink opened (its annotation is on `initialSourceId`). */
  permalink?: PermalinkFocus;
  /** The reviewer's work queue (sources they marked done), where they are in one. */
  workQueue?: { doneSourceIds: string[] };
}) {
  const [relations, setRelations] = useState(initialRelations ?? []);
  const [sourceId, setSourceId] = useState(initialSourceId);
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const [draft, setDraft] = useState<AnnotationDraft>(EMPTY_DRAFT);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [selectedId, setSelectedId] = useState<string | null>(permalink?.annotation?.id ?? null);
  // An annotation to bring into view once its source's highlights are in (a permalink, or a link followed to another source).
  const pendingFocus = useRef<string | null>(permalink?.annotation?.id ?? null);
  const replyTarget = useRef<string | null>(permalink?.replyId ? `reply-${permalink.replyId}` : null);
  const [focus, setFocus] = useState<{ index: number; id: string } | null>(null);
  const [texts, setTexts] = useState<Record<string, { revision: number; text: string }>>(() =>
    Object.fromEntries(sources.flatMap((s) => (s.text === undefined ? [] : [[s.id, { revision: s.revision, text: s.text }]]))),
  );
  const [conflicts, setConflicts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(permalink?.notice ? { ok: false, text: permalink.notice } : null);
  const [pending, startTransition] = useTransition();
  const textRef = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);

  const summary = sources.find((s) => s.id === sourceId) ?? sources[0]!;
  const loadedText = texts[summary.id];
  const source = { ...summary, revision: loadedText?.revision ?? summary.revision, text: loadedText?.text ?? "" };
  useEffect(() => {
    if (loadedText) return;
    void fetchSourceTextAction(comparisonId, summary.id).then((result) => {
      if (result.ok) setTexts((t) => ({ ...t, [result.data.id]: { revision: result.data.revision, text: result.data.text } }));
      else setMessage({ ok: false, text: result.message });
    });
  }, [comparisonId, summary.id, loadedText]);

  const query = useMemo(
    () => ({
      sourceId: summary.id,
      ...(assignment ? { assignmentId: assignment.id, ...(assignment.mode === "key" ? { keyOnly: true } : { onlyMine: true }) } : {}),
      ...(filters.author ? { authorId: filters.author } : {}),
      ...(filters.tag ? { tagId: filters.tag } : {}),
      ...(filters.claim ? { claimStatus: filters.claim as keyof typeof CLAIM_STATUS_LABELS } : {}),
      ...(filters.unresolved ? { unresolved: true } : {}),
    }),
    [summary.id, assignment, filters],
  );
  const matches = useCallback(
    (a: Annotation) =>
      a.sourceId === query.sourceId &&
      (!assignment || (a.assignment?.id === assignment.id && (assignment.mode === "key" ? a.assignment.key : a.author.id === me.id))) &&
      (!filters.author || a.author.id === filters.author) &&
      (!filters.tag || a.tags.some((t) => t.id === filters.tag)) &&
      (!filters.claim || a.claim?.status === filters.claim) &&
      (!filters.unresolved || !a.resolved),
    [query.sourceId, assignment, me.id, filters],
  );
  const view = useAnnotationWindow({ comparisonId, query, initial: initialWindow, matches });
  const { change, reload } = view;
  const upsert = useCallback((next: Annotation) => change(next.id, next), [change]);
  const remove = useCallback((id: string) => {
    change(id, null);
    // Its links go with it: they are visible only while both their ends are.
    setRelations((current) => current.filter((r) => r.from.id !== id && r.to.id !== id));
  }, [change]);

  const upsertRelation = useCallback((next: Relation) => setRelations((current) => [...current.filter((r) => r.id !== next.id), next]), []);
  const removeRelation = useCallback((id: string) => setRelations((current) => current.filter((r) => r.id !== id)), []);
  const relationsOffered = initialRelations !== undefined;
  const reloadRelations = useCallback(() => {
    if (!relationsOffered) return;
    void fetchAllRelationsAction(comparisonId).then((result) => {
      if (result.ok) setRelations(result.data);
    });
  }, [relationsOffered, comparisonId]);
  const undo = useUndo({ comparisonId, onAnnotation: upsert, onAnnotationGone: remove, onAnnotationBack: reloadRelations, onRelation: upsertRelation, onRelationGone: removeRelation });
  const loadCandidates: LoadLinkCandidates = useCallback(
    async (linkSourceId) => {
      const result = await fetchLinkCandidatesAction(comparisonId, linkSourceId);
      return result.ok ? result.data : result.message;
    },
    [comparisonId],
  );

  const status = useComparisonEvents(comparisonId, (event: ComparisonEvent) => {
    if (event.type === "relation" && relationsOffered) {
      void fetchRelationAction(comparisonId, event.id).then((result) => {
        if (!result.ok) return;
        if (result.data) upsertRelation(result.data);
        else removeRelation(event.id);
      });
      return;
    }
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
    reload();
    reloadRelations();
  }, [status, reload, reloadRelations]);

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

  const tagById = useMemo(() => new Map(tagSets.flatMap((set) => set.tags.map((t) => [t.id, t] as const))), [tagSets]);
  // Drawn once both the source's text and its highlights are in (they are read apart when a source opens).
  const highlights = view.loading || !loadedText ? [] : view.highlights;
  const byId = new Map(highlights.map((h) => [h.id, h]));
  const colorOf = (tagIds: string[] | undefined) => (tagIds?.[0] ? (tagById.get(tagIds[0])?.color ?? "#999") : undefined);
  const relationsOf = useMemo(() => {
    const map = new Map<string, Relation[]>();
    for (const r of relations) {
      for (const end of [r.from.id, r.to.id]) map.set(end, [...(map.get(end) ?? []), r]);
    }
    return map;
  }, [relations]);
  const arcRelations = useMemo(
    () => (selectedId ? (relationsOf.get(selectedId) ?? []) : []).filter((r) => r.from.sourceId === source.id && r.to.sourceId === source.id),
    [selectedId, relationsOf, source.id],
  );

  // A permalink, or a link followed to another source: once that source's highlights are in, select the annotation and bring it into view.
  useEffect(() => {
    const id = pendingFocus.current;
    if (!id || view.loading || !loadedText) return;
    pendingFocus.current = null;
    const index = view.highlights.findIndex((h) => h.id === id);
    setSelectedId(id);
    if (index >= 0) setFocus({ index, id });
  }, [view.loading, view.highlights, loadedText]);

  function showSource(id: string) {
    setSourceId(id);
    setSelection(null);
    window.history.replaceState(null, "", `?source=${id}`);
  }

  function capture() {
    const offsets = textRef.current ? selectionOffsets(textRef.current, source.text) : null;
    if (offsets) {
      setSelection(offsets);
      setMessage(null);
    }
  }
  useTouchSelection(textRef, capture);

  const selectText = useCallback((offsets: { start: number; end: number } | null) => {
    setSelection(offsets);
    if (offsets) setMessage(null);
  }, []);
  const caret = useCaretBrowsing({ container: textRef, text: source.text, language: source.language, selection, onSelect: selectText });
  // The open annotation, when this user may move its span (its author, or an editor).
  const openIndex = selectedId ? view.highlights.findIndex((h) => h.id === selectedId) : -1;
  const openAnnotation = openIndex >= 0 ? view.rowAt(openIndex) : undefined;
  const movable = openAnnotation && canAnnotate && (openAnnotation.author.id === me.id || canModerate) ? openAnnotation : null;
  const spans = useSpanAdjust({
    comparisonId,
    container: textRef,
    source,
    annotation: movable,
    onSaved: (saved) => {
      upsert(saved);
      setMessage({ ok: true, text: "Span saved." });
    },
    onRefused: (text, current) => {
      if (current) upsert(current);
      setMessage({ ok: false, text });
    },
  });

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
            undo.record({ op: "update", entity: "annotation", id: a.id, label: editLabel(a, fields), versionAfter: result.data.version, before: fieldsBefore(a, fields), after: fields }, result.data);
            resolve(null);
          } else {
            if (result.current) upsert(result.current as Annotation);
            setConflicts((c) => ({ ...c, [a.id]: result.current ? `${result.message} Their version is shown now.` : result.message }));
            resolve(result.message);
          }
        });
      }),
    remove: (a) =>
      run(() => deleteAnnotationAction(comparisonId, a.id, a.version), () => {
        remove(a.id);
        undo.record({ op: "delete", entity: "annotation", id: a.id, label: `delete ${quote(a.target.exact)}`, versionAfter: a.version + 1 });
      }, a.id),
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
      undo.record({ op: "create", entity: "annotation", id: created.id, label: `annotate ${quote(created.target.exact)}`, versionAfter: created.version }, created);
      setSelection(null);
      setDraft(EMPTY_DRAFT);
      focusAnnotation(created.id);
      setMessage({ ok: true, text: "Annotation saved." });
    });
  }

  const keyOfTag = useMemo(() => tagKeys(tagSets), [tagSets]);
  useShortcuts(keyOfTag, {
    tag: (tagId) => {
      if (!selection || !canAnnotate) return false;
      setDraft((d) => ({ ...d, tagIds: d.tagIds.includes(tagId) ? d.tagIds.filter((t) => t !== tagId) : [...d.tagIds, tagId] }));
      return true;
    },
    save: () => {
      if (spans.save()) return true;
      if (!selection || !canAnnotate || pending) return false;
      create();
      return true;
    },
    cancel: () => {
      if (spans.cancel()) return true;
      if (!selection) return false;
      setSelection(null);
      setDraft(EMPTY_DRAFT);
      return true;
    },
    moveEdge: (edge, direction) => Boolean(movable) && spans.moveEdge(edge, direction),
    help: () => setHelpOpen(true),
  });

  function focusAnnotation(id: string) {
    setSelectedId(id);
    const index = view.highlights.findIndex((h) => h.id === id);
    if (index >= 0) setFocus({ index, id });
  }

  function goTo(id: string, toSourceId: string) {
    if (toSourceId === source.id) {
      focusAnnotation(id);
      return;
    }
    pendingFocus.current = id;
    showSource(toSourceId);
  }

  const relationActions: RelationActions = {
    create: (fromId, toId, typeId) =>
      new Promise((resolve) => {
        startTransition(async () => {
          const result = await createRelationAction(comparisonId, { fromId, toId, typeId });
          if (result.ok) {
            upsertRelation(result.data);
            undo.record({ op: "create", entity: "relation", id: result.data.id, label: `link ${quote(result.data.from.exact)} ${result.data.type.name} ${quote(result.data.to.exact)}`, versionAfter: result.data.version });
            setMessage({ ok: true, text: `Linked: ${result.data.type.name}.` });
          } else setMessage({ ok: false, text: result.message });
          resolve(result.ok);
        });
      }),
    remove: (r) =>
      run(() => deleteRelationAction(comparisonId, r.id, r.version), () => {
        removeRelation(r.id);
        undo.record({ op: "delete", entity: "relation", id: r.id, label: `unlink ${quote(r.from.exact)} ${r.type.name} ${quote(r.to.exact)}`, versionAfter: r.version + 1 });
        setMessage({ ok: true, text: "Link removed." });
      }),
    update: (r, change) =>
      startTransition(async () => {
        const result = await updateRelationAction(comparisonId, r.id, { version: r.version, ...change });
        if (result.ok) {
          upsertRelation(result.data);
          setMessage({ ok: true, text: change.reverse ? `Link turned around: ${result.data.type.name}.` : `Link changed: ${result.data.type.name}.` });
        } else {
          if (result.current) upsertRelation(result.current as Relation);
          setMessage({ ok: false, text: result.current ? `${result.message} Their version is shown now.` : result.message });
        }
      }),
  };

  /** Once the list has scrolled a focused card into view: the highlight, and the reply a permalink named. */
  const onFocused = useCallback(() => {
    setFocus(null);
    document.querySelector(".annotated-text mark.hl--active")?.scrollIntoView({ block: "center" });
    if (replyTarget.current) {
      document.getElementById(replyTarget.current)?.scrollIntoView({ block: "center" });
      replyTarget.current = null;
    }
  }, []);

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
      permalink={permalinkBase ? `${permalinkBase}?annotation=${encodeURIComponent(a.id)}` : undefined}
      focusReplyId={permalink?.annotation?.id === a.id ? permalink.replyId : null}
      relations={
        relationsOffered
          ? (open) => (
              <AnnotationRelations
                annotation={a}
                open={open}
                relations={relationsOf.get(a.id) ?? []}
                types={relationTypes ?? []}
                loadCandidates={loadCandidates}
                sources={sources}
                me={me.id}
                canAnnotate={canAnnotate}
                pending={pending}
                actions={relationActions}
                onGoTo={goTo}
              />
            )
          : undefined
      }
    />
  );

  const proposalById = new Map(proposals.shown.map((p) => [p.id, p]));
  const moved = spans.adjustment;
  const segments = segmentText(source.text, [
    ...highlights.map((h) => (h.id === moved?.id ? { start: moved.start, end: moved.end, key: h.id } : { start: h.start, end: h.end, key: h.id })),
    ...proposals.shown.map((p) => ({ start: p.start, end: p.end, key: `${PROPOSAL_KEY}${p.id}` })),
    ...(selection ? [{ ...selection, key: "selection" }] : []),
  ]);
  // The caret, and the drag handles on the ends of the open annotation (where it may be moved).
  const handleSpan = movable && !view.loading && loadedText ? (moved ?? movable.target) : null;
  const markers: TextMarker[] = [
    ...(loadedText ? [{ offset: caret.caret, side: caret.caret === source.text.length ? "after" : "before", node: <TextCaret key="caret" /> } as const] : []),
    ...(handleSpan
      ? [
          { offset: handleSpan.start, side: "before", node: <SpanHandle key="handle-start" edge="start" onGrab={spans.grab} /> } as const,
          { offset: handleSpan.end, side: "after", node: <SpanHandle key="handle-end" edge="end" onGrab={spans.grab} /> } as const,
        ]
      : []),
  ];
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
                onClick={() => showSource(s.id)}
              >
                {s.outlet}
              </button>
            ))}
          </div>
          <button type="button" className="button button--quiet button--small" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
            Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
          </button>
          <span className={`live live--${status}`} role="status">
            {status === "live" ? (assignment?.mode === "student" ? "Live: your work is saved as you go" : "Live: others' changes appear here") : status === "connecting" ? "Connecting…" : "Offline: reconnecting"}
          </span>
        </div>
        <h2 className="source__title">{source.title}</h2>
        {workQueue ? (
          <WorkQueueBar comparisonId={comparisonId} sourceIds={sources.map((s) => s.id)} sourceId={source.id} initialDone={workQueue.doneSourceIds} onShow={showSource} />
        ) : null}
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
        <div className="annotated-text" {...textAttributes(source.language)} ref={textRef} onMouseUp={capture} onKeyUp={(e) => e.shiftKey && capture()} onKeyDown={caret.onKeyDown} tabIndex={0} aria-label={`Text of ${source.outlet}`}>
          {segments.map((segment) => {
            const content = withMarkers(segment.text, segment.start, markers);
            if (segment.keys.length === 0) return typeof content === "string" ? content : <Fragment key={segment.start}>{content}</Fragment>;
            const ids = segment.keys.filter((k) => k !== "selection" && !k.startsWith(PROPOSAL_KEY));
            // Where proposals overlap, the active one is drawn (and clicked); otherwise the innermost.
            const proposalKey = segment.keys.find((k) => k === `${PROPOSAL_KEY}${proposals.active?.id}`) ?? segment.keys.findLast((k) => k.startsWith(PROPOSAL_KEY));
            const proposal = proposalKey ? proposalById.get(proposalKey.slice(PROPOSAL_KEY.length)) : undefined;
            const inner = byId.get(ids.at(-1) ?? "");
            const outer = ids.length > 1 ? byId.get(ids[0]!) : undefined;
            const color = colorOf(inner?.tagIds);
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
                  {content}
                </span>
              );
            }
            return (
              <mark
                key={segment.start}
                {...proposalProps}
                className={`hl${segment.keys.includes("selection") ? " hl--selected" : ""}${inner && inner.id === selectedId ? " hl--active" : ""}${inner && relationsOf.has(inner.id) ? " hl--linked" : ""}${proposalClass}`}
                style={{
                  ...proposalProps.style,
                  background: color,
                  boxShadow: outer ? `inset 0 -0.3em 0 ${colorOf(outer.tagIds) ?? "#999"}` : undefined,
                }}
                title={ids.map((id) => byId.get(id)?.tagIds.map((t) => tagById.get(t)?.name ?? "").join(", ")).join(" / ") || undefined}
                data-keys={ids.join(" ") || undefined}
                onClick={inner ? () => focusAnnotation(inner.id) : undefined}
              >
                {content}
              </mark>
            );
          })}
          {relationsOffered ? <RelationArcs container={textRef} relations={arcRelations} redrawKey={`${source.id}:${selectedId}:${highlights.length}`} /> : null}
        </div>
      </div>

      <aside className="annotator__panel" aria-label="Annotations">
        {message ? (
          <p className={`notice ${message.ok ? "notice--success" : "notice--error"}`} role={message.ok ? "status" : "alert"}>
            {message.text}
          </p>
        ) : null}
        {spans.unsaved ? (
          <p className="notice" role="status">
            The span of the open annotation has moved: <kbd>Enter</kbd> saves it, <kbd>Esc</kbd> puts it back.
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
              tagKeys={keyOfTag}
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
              {view.authors.map((a) => (
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

        <h2 aria-busy={view.loading}>
          {view.loading ? "Loading annotations…" : `${view.highlights.length} annotation${view.highlights.length === 1 ? "" : "s"} in ${source.outlet}`}
        </h2>
        {view.loading ? null : (
          <VirtualAnnotationList
            label="Annotations in text order"
            count={view.highlights.length}
            rowAt={view.rowAt}
            need={view.need}
            renderRow={renderCard}
            focus={focus}
            onFocused={onFocused}
          />
        )}
        {!view.loading && view.orphaned > 0 ? (
          <section aria-labelledby="orphans">
            <h2 id="orphans">Orphaned annotations ({view.orphaned})</h2>
            <p className="meta">Their text changed in an edit and could not be found again. Select the right words, then re-attach.</p>
            <ol className="plain-list annotation-list">
              {view.orphans.map(renderCard)}
            </ol>
            {view.orphans.length < view.orphaned ? (
              <button type="button" className="button button--quiet button--small" onClick={view.moreOrphans}>
                Show more orphaned annotations
              </button>
            ) : null}
          </section>
        ) : null}
      </aside>
      <UndoNotice notice={undo.notice} onRun={(direction) => void undo.run(direction)} onDismiss={undo.dismiss} />
      <ShortcutHelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} tagSets={tagSets} tagKeys={keyOfTag} proposals={proposals.offered && canAnnotate} />
    </div>
  );
}
