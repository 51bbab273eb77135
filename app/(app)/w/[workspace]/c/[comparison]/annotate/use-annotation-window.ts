"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { placeInTextOrder } from "@/lib/domain/highlight/text-order";
import type { TAnnotationQuery } from "@/lib/schemas/annotation";
import type { AnnotationOverview, HighlightList } from "@/lib/server/services/annotations/find-annotation-window";
import { fetchAnnotationPageAction, fetchAnnotationWindowAction } from "./actions";
import { ANNOTATION_PAGE_SIZE as PAGE_SIZE, type Annotation } from "./annotate-types";

export interface Highlight {
  id: string;
  start: number;
  end: number;
  tagIds: string[];
}

/** The overview of a source with pages of its lists: what the page sends for the source shown first. */
export interface AnnotationWindowData {
  overview: AnnotationOverview;
  pages: Record<number, Annotation[]>;
  orphans: Annotation[];
}

function toHighlights({ tagIds, rows }: HighlightList): Highlight[] {
  return rows.map(([id, start, end, ...tags]) => ({ id, start, end, tagIds: tags.map((t) => tagIds[t]!) }));
}

function toHighlight(a: Annotation): Highlight {
  return { id: a.id, start: a.target.start, end: a.target.end, tagIds: a.tags.map((t) => t.id) };
}

interface Loaded {
  /** The query (as JSON) these rows answer; a reply to an older query is dropped. */
  key: string;
  highlights: Highlight[];
  orphaned: number;
  authors: { id: string; name: string }[];
  /** Pages of placed annotations by page number. */
  pages: Record<number, Annotation[]>;
  orphans: Annotation[];
}

function loaded(key: string, data: AnnotationWindowData): Loaded {
  const { overview, pages, orphans } = data;
  return { key, highlights: toHighlights(overview.highlights), orphaned: overview.orphaned, authors: overview.authors, pages, orphans };
}

/**
 * The annotations of the source the annotate view shows, under its filters: every
 * highlight (compact, from the server's overview), and full annotations only for the list
 * rows near the viewport, fetched a page at a time. `matches` says whether an annotation
 * belongs to the view (its source, filters and scope), for changes made here or arriving live.
 */
export function useAnnotationWindow({
  comparisonId,
  query,
  initial,
  matches,
}: {
  comparisonId: string;
  query: TAnnotationQuery;
  initial: AnnotationWindowData;
  matches: (a: Annotation) => boolean;
}) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<Loaded>(() => loaded(key, initial));
  // What callbacks read between renders: the rows shown and the query asked for.
  const current = useRef(state);
  const keyRef = useRef(key);
  useLayoutEffect(() => {
    current.current = state;
    keyRef.current = key;
  });
  const requested = useRef(new Set<string>());
  const needed = useRef<number[]>([0]);

  const load = useCallback(
    async (forKey: string) => {
      const q = JSON.parse(forKey) as TAnnotationQuery;
      const result = await fetchAnnotationWindowAction(comparisonId, q, needed.current.length ? needed.current.slice(0, 8) : [0]);
      if (!result.ok || forKey !== keyRef.current) return;
      const next = loaded(forKey, result.data);
      requested.current.clear();
      current.current = next;
      setState(next);
    },
    [comparisonId],
  );
  // A new source or new filters: everything is read again (the first page at the top).
  useEffect(() => {
    if (current.current.key === key) return;
    needed.current = [0];
    void load(key);
  }, [key, load]);

  /** The list asks for the rows it is about to show; pages not loaded yet are fetched once. */
  const need = useCallback(
    (pages: number[]) => {
      needed.current = pages;
      const { key: shownKey, pages: have } = current.current;
      if (shownKey !== keyRef.current) return;
      for (const page of pages) {
        const id = `${shownKey}#${page}`;
        if (have[page] || requested.current.has(id)) continue;
        requested.current.add(id);
        const q = JSON.parse(shownKey) as TAnnotationQuery;
        void fetchAnnotationPageAction(comparisonId, q, { offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
          requested.current.delete(id);
          if (!result.ok) return;
          setState((s) => (s.key === shownKey ? { ...s, pages: { ...s.pages, [page]: result.data.annotations } } : s));
        });
      }
    },
    [comparisonId],
  );

  /** Everything again, for the rows in view: after the live stream (re)connects, when changes may have been missed. */
  const reload = useCallback(() => void load(keyRef.current), [load]);

  /**
   * An annotation changed here or arrived live (null: it is gone or hidden from this
   * user). The highlights and counts change at once; an edit in place replaces its row, and
   * a row added, removed or moved shifts the rows after it, so their pages are read again.
   */
  const change = useCallback(
    (id: string, next: Annotation | null) => {
      const belongs = next !== null && matches(next);
      const s = current.current;
      const placedBefore = s.highlights.findIndex((h) => h.id === id);
      const orphanBefore = s.orphans.some((a) => a.id === id);
      const placedNow = belongs && next.anchor.status !== "ORPHANED";
      const highlights = placeInTextOrder(s.highlights, id, placedNow ? toHighlight(next) : null);
      const placedAfter = highlights.findIndex((h) => h.id === id);
      const pages = { ...s.pages };
      let shifted = false;
      if (placedBefore >= 0 && placedBefore === placedAfter && next) {
        const page = Math.floor(placedAfter / PAGE_SIZE);
        if (pages[page]) pages[page] = pages[page].map((a) => (a.id === id ? next : a));
      } else if (placedBefore >= 0 || placedAfter >= 0) {
        const from = Math.floor(Math.min(...[placedBefore, placedAfter].filter((i) => i >= 0)) / PAGE_SIZE);
        for (const page of Object.keys(pages).map(Number)) if (page >= from) delete pages[page];
        requested.current.clear();
        shifted = true;
      }
      const orphanNow = belongs && next.anchor.status === "ORPHANED";
      const orphans = orphanNow
        ? orphanBefore
          ? s.orphans.map((a) => (a.id === id ? next : a))
          : [...s.orphans, next]
        : s.orphans.filter((a) => a.id !== id);
      const orphaned = s.orphaned + (orphanNow && !orphanBefore ? 1 : 0) - (!orphanNow && orphanBefore ? 1 : 0);
      const authors = next && belongs && !s.authors.some((a) => a.id === next.author.id) ? [...s.authors, next.author] : s.authors;
      const updated = { ...s, highlights, pages, orphans, orphaned, authors };
      // Seen at once by `need` and by a change arriving before the next render.
      current.current = updated;
      setState(updated);
      if (shifted) need(needed.current);
    },
    [matches, need],
  );

  /** The next page of orphaned annotations. */
  const moreOrphans = useCallback(() => {
    const { key: shownKey, orphans } = current.current;
    const q = JSON.parse(shownKey) as TAnnotationQuery;
    void fetchAnnotationPageAction(comparisonId, q, { offset: orphans.length, limit: PAGE_SIZE, orphaned: true }).then((result) => {
      if (!result.ok) return;
      setState((s) => (s.key === shownKey ? { ...s, orphans: [...s.orphans, ...result.data.annotations.filter((a) => !s.orphans.some((o) => o.id === a.id))] } : s));
    });
  }, [comparisonId]);

  const rowAt = useCallback((index: number) => state.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE], [state.pages]);

  return {
    /** True while the rows shown answer an older query (another source, other filters). */
    loading: state.key !== key,
    highlights: state.highlights,
    orphans: state.orphans,
    orphaned: state.orphaned,
    authors: state.authors,
    rowAt,
    need,
    change,
    reload,
    moreOrphans,
  };
}
