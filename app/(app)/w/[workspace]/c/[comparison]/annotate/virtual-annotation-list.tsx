"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { listWindow, pagesCovering, rowOffset } from "@/lib/domain/paging/window";
import { ANNOTATION_PAGE_SIZE, type Annotation } from "./annotate-types";

/** The height assumed for a card never rendered (a collapsed card is about this tall). */
const ESTIMATE = 120;
const OVERSCAN = 6;
/** AnnotationCard's element id is this and the annotation's id: how rendered rows are measured. */
const CARD_ID = "annotation-";

/**
 * The annotation list, virtualised: only the rows near what shows are in the DOM, with
 * padding standing in for the others, so a source with thousands of annotations costs
 * what a screenful does. It works whichever box scrolls (the side panel on a wide screen,
 * the page on a narrow one): what shows is worked out from the list's place on screen.
 * `focus` asks for a row to be brought into view (its card gets focus-worthy scrolling once
 * its page has arrived).
 */
export function VirtualAnnotationList({
  label,
  count,
  rowAt,
  need,
  renderRow,
  focus,
  onFocused,
}: {
  label: string;
  count: number;
  rowAt: (index: number) => Annotation | undefined;
  need: (pages: number[]) => void;
  renderRow: (annotation: Annotation) => ReactNode;
  focus: { index: number; id: string } | null;
  onFocused: () => void;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const [heights, setHeights] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState({ scrollTop: 0, viewport: 800 });

  // Heights are kept by annotation id, so a row keeps its height when rows above it change.
  const heightOf = useCallback((index: number) => {
    const a = rowAt(index);
    return a ? heights.get(a.id) : undefined;
  }, [rowAt, heights]);

  const measureView = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const rect = list.getBoundingClientRect();
    const panel = list.closest(".annotator__panel");
    const panelRect = panel && panel.scrollHeight > panel.clientHeight ? panel.getBoundingClientRect() : null;
    const viewTop = Math.max(panelRect?.top ?? 0, 0);
    const viewBottom = Math.min(panelRect?.bottom ?? window.innerHeight, window.innerHeight);
    const scrollTop = Math.max(0, viewTop - rect.top);
    const viewport = Math.max(0, viewBottom - rect.top - scrollTop);
    setView((v) => (Math.abs(v.scrollTop - scrollTop) < 1 && Math.abs(v.viewport - viewport) < 1 ? v : { scrollTop, viewport }));
  }, []);

  useEffect(() => {
    measureView();
    document.addEventListener("scroll", measureView, { capture: true, passive: true });
    window.addEventListener("resize", measureView);
    return () => {
      document.removeEventListener("scroll", measureView, { capture: true });
      window.removeEventListener("resize", measureView);
    };
  }, [measureView]);

  const shown = listWindow({ count, heightOf, estimate: ESTIMATE, scrollTop: view.scrollTop, viewport: view.viewport, overscan: OVERSCAN });
  const pagesKey = pagesCovering(shown.first, shown.end, ANNOTATION_PAGE_SIZE).join(",");
  useEffect(() => {
    need(pagesKey ? pagesKey.split(",").map(Number) : []);
  }, [pagesKey, need]);

  // Measures the rendered cards (and again whenever one changes size, e.g. opens): a change
  // of height moves the rows below, so the window is worked out again.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    const observer = new ResizeObserver((entries) => {
      const measured: [string, number][] = [];
      for (const entry of entries) {
        const item = entry.target as HTMLElement;
        if (item.id.startsWith(CARD_ID)) measured.push([item.id.slice(CARD_ID.length), item.offsetHeight + gap]);
      }
      setHeights((known) => (measured.some(([id, h]) => Math.abs((known.get(id) ?? -1) - h) > 1) ? new Map([...known, ...measured]) : known));
    });
    for (const item of list.children) if (item.id.startsWith(CARD_ID)) observer.observe(item);
    return () => observer.disconnect();
  }, [renderRow, shown.first, shown.end]);

  useLayoutEffect(() => {
    if (!focus) return;
    const card = document.getElementById(`${CARD_ID}${focus.id}`);
    if (card) {
      card.scrollIntoView({ block: "nearest" });
      onFocused();
      return;
    }
    const list = listRef.current;
    if (!list) return;
    // Not rendered: scroll to where its row is estimated to be; its page loads, it renders, this runs again.
    const rect = list.getBoundingClientRect();
    const panel = list.closest(".annotator__panel");
    const scrolls = panel && panel.scrollHeight > panel.clientHeight;
    const viewTop = scrolls ? panel.getBoundingClientRect().top : 0;
    const delta = rect.top + rowOffset(focus.index, heightOf, ESTIMATE) - viewTop - 48;
    if (Math.abs(delta) < 2) return;
    if (scrolls) panel.scrollTop += delta;
    else window.scrollBy(0, delta);
    measureView();
  }, [focus, heightOf, onFocused, measureView, shown.first, shown.end]);

  const rows: ReactNode[] = [];
  for (let index = shown.first; index < shown.end; index++) {
    const a = rowAt(index);
    rows.push(
      a ? renderRow(a) : <li key={`row-${index}`} className="annotation-list__placeholder" aria-hidden="true" style={{ height: ESTIMATE }} />,
    );
  }

  return (
    <ol ref={listRef} className="plain-list annotation-list" aria-label={label} style={{ paddingTop: shown.before, paddingBottom: shown.after }}>
      {rows}
    </ol>
  );
}
