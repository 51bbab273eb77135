"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from "react";
import type { ProposalView } from "@/lib/server/services/proposals/find-proposals";
import { acceptProposalAction, acceptProposalsOfKindAction, fetchProposalsAction, rejectProposalAction } from "./actions";
import type { Annotation } from "./annotate-types";

/** Keys that step through proposals; ignored while typing in a field. */
export const PROPOSAL_KEYS = { next: "n", previous: "p", accept: "a", reject: "r" } as const;

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

/**
 * The proposal layer of the annotate view: the open proposals of the source shown, which one
 * is active, and what accepting or rejecting does. Accepted ones come back as the reviewer's
 * own annotations (`onAccepted`); decided ones leave the list for good.
 */
export function useProposals({
  comparisonId, sourceId, initial, initialSourceId, onAccepted, onScroll,
}: {
  comparisonId: string;
  sourceId: string;
  initial: ProposalView[] | null | undefined;
  initialSourceId: string;
  onAccepted: (annotation: Annotation) => void;
  onScroll: (proposalId: string) => void;
}) {
  const offered = initial != null;
  const [bySource, setBySource] = useState<Record<string, ProposalView[]>>(initial ? { [initialSourceId]: initial } : {});
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // One decision at a time. A ref, not `pending`: React keeps a transition pending a little
  // after its result is on screen, and a reviewer pressing the next key then must not be ignored.
  const busy = useRef(false);
  const decide = useCallback((work: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    startTransition(async () => {
      try {
        await work();
      } finally {
        busy.current = false;
      }
    });
  }, []);

  const loaded = bySource[sourceId];
  useEffect(() => {
    if (!offered || loaded) return;
    void fetchProposalsAction(comparisonId, sourceId).then((result) => {
      if (result.ok) setBySource((current) => ({ ...current, [sourceId]: result.data }));
      else setMessage({ ok: false, text: result.message });
    });
  }, [offered, loaded, comparisonId, sourceId]);

  const all = useMemo(() => loaded ?? [], [loaded]);
  const shown = useMemo(() => all.filter((p) => !hidden.has(p.analyser)), [all, hidden]);
  const active = shown.find((p) => p.id === activeId) ?? null;
  const analysers = useMemo(() => [...new Set(all.map((p) => p.analyser))].sort().map((id) => ({ id, count: all.filter((p) => p.analyser === id).length })), [all]);

  const go = useCallback(
    (step: 1 | -1) => {
      if (shown.length === 0) return;
      const at = shown.findIndex((p) => p.id === activeId);
      const next = shown[at === -1 ? (step === 1 ? 0 : shown.length - 1) : (at + step + shown.length) % shown.length]!;
      setActiveId(next.id);
      onScroll(next.id);
    },
    [shown, activeId, onScroll],
  );

  const drop = useCallback(
    (ids: readonly string[]) => {
      const gone = new Set(ids);
      const rest = shown.filter((p) => !gone.has(p.id));
      const at = shown.findIndex((p) => p.id === activeId);
      const following = shown.slice(at + 1).find((p) => !gone.has(p.id)) ?? rest[0] ?? null;
      setBySource((current) => ({ ...current, [sourceId]: (current[sourceId] ?? []).filter((p) => !gone.has(p.id)) }));
      setActiveId(following?.id ?? null);
      if (following) onScroll(following.id);
    },
    [shown, activeId, sourceId, onScroll],
  );

  const accept = useCallback(
    (proposal: ProposalView) =>
      decide(async () => {
        const result = await acceptProposalAction(comparisonId, proposal.id);
        if (!result.ok) return setMessage({ ok: false, text: result.message });
        onAccepted(result.data);
        drop([proposal.id]);
        setMessage({ ok: true, text: `Accepted “${proposal.tag.name}”: it is your annotation now.` });
      }),
    [comparisonId, onAccepted, drop, decide],
  );

  const reject = useCallback(
    (proposal: ProposalView) =>
      decide(async () => {
        const result = await rejectProposalAction(comparisonId, proposal.id);
        if (!result.ok) return setMessage({ ok: false, text: result.message });
        drop([proposal.id]);
        setMessage({ ok: true, text: `Rejected “${proposal.tag.name}”.` });
      }),
    [comparisonId, drop, decide],
  );

  const acceptKind = useCallback(
    (proposal: ProposalView) =>
      decide(async () => {
        const result = await acceptProposalsOfKindAction(comparisonId, { sourceId, analyser: proposal.analyser, tagId: proposal.tag.id });
        if (!result.ok) return setMessage({ ok: false, text: result.message });
        result.data.forEach(onAccepted);
        drop(all.filter((p) => p.analyser === proposal.analyser && p.tag.id === proposal.tag.id).map((p) => p.id));
        setMessage({ ok: true, text: `Accepted ${result.data.length} “${proposal.tag.name}” proposal${result.data.length === 1 ? "" : "s"}.` });
      }),
    [comparisonId, sourceId, all, onAccepted, drop, decide],
  );

  useEffect(() => {
    if (!offered) return;
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === PROPOSAL_KEYS.next) go(1);
      else if (key === PROPOSAL_KEYS.previous) go(-1);
      else if (key === PROPOSAL_KEYS.accept && active) accept(active);
      else if (key === PROPOSAL_KEYS.reject && active) reject(active);
      else return;
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [offered, go, active, accept, reject]);

  return {
    offered,
    loading: offered && !loaded,
    shown,
    active,
    analysers,
    hidden,
    pending,
    message,
    setActiveId,
    next: () => go(1),
    previous: () => go(-1),
    accept,
    reject,
    acceptKind,
    toggleAnalyser: (id: string) =>
      setHidden((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}

export type ProposalLayer = ReturnType<typeof useProposals>;
