"use client";

import { useEffect, useRef, type RefObject } from "react";
import type { Relation } from "./annotation-relations";

const SVG = "http://www.w3.org/2000/svg";

/** Where an annotation's first highlighted segment is, in the text container's own coordinates (scrolled content included). */
function anchorOf(container: HTMLElement, annotationId: string) {
  const mark = container.querySelector<HTMLElement>(`mark[data-keys~="${CSS.escape(annotationId)}"]`);
  if (!mark) return null;
  const box = container.getBoundingClientRect();
  const rect = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
  return { x: rect.left - box.left + container.scrollLeft + Math.min(rect.width / 2, 24), y: rect.top - box.top + container.scrollTop };
}

/**
 * Arcs over the text from the selected annotation to the annotations it is linked with in
 * the same source, arrowhead at the relation's target. Only the selected annotation's links
 * are drawn: a thousand annotations' arcs would be unreadable and slow, and the side panel
 * lists them all (links to other sources included). Drawn straight into the SVG after
 * layout, since the positions exist only once the text is on screen.
 */
export function RelationArcs({ container, relations, redrawKey }: { container: RefObject<HTMLDivElement | null>; relations: Relation[]; redrawKey: string }) {
  const svg = useRef<SVGSVGElement>(null);
  useEffect(() => {
    const box = container.current;
    const canvas = svg.current;
    if (!box || !canvas) return;
    const draw = () => {
      canvas.querySelectorAll(":scope > path, :scope > text").forEach((node) => node.remove());
      if (relations.length === 0) return;
      canvas.setAttribute("width", String(box.scrollWidth));
      canvas.setAttribute("height", String(box.scrollHeight));
      for (const relation of relations) {
        const from = anchorOf(box, relation.from.id);
        const to = anchorOf(box, relation.to.id);
        if (!from || !to) continue;
        const lift = Math.max(18, Math.min(80, Math.abs(to.x - from.x) / 4 + Math.abs(to.y - from.y) / 3));
        const path = document.createElementNS(SVG, "path");
        path.setAttribute("d", `M ${from.x} ${from.y} C ${from.x} ${from.y - lift}, ${to.x} ${to.y - lift}, ${to.x} ${to.y}`);
        path.setAttribute("class", "relation-arc");
        path.setAttribute("marker-end", "url(#relation-arrow)");
        canvas.append(path);
        const label = document.createElementNS(SVG, "text");
        label.setAttribute("x", String((from.x + to.x) / 2));
        label.setAttribute("y", String(Math.min(from.y, to.y) - lift * 0.75));
        label.setAttribute("class", "relation-arc__label");
        label.textContent = relation.type.name;
        canvas.append(label);
      }
    };
    draw();
    window.addEventListener("resize", draw);
    return () => window.removeEventListener("resize", draw);
  }, [container, relations, redrawKey]);
  return (
    <svg ref={svg} className="relation-arcs" aria-hidden="true">
      <defs>
        <marker id="relation-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="relation-arc__head" />
        </marker>
      </defs>
    </svg>
  );
}
