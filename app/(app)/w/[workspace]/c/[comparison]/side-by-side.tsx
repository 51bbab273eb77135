"use client";

import { useRouter } from "next/navigation";
import { useMemo, useRef, useState, useTransition } from "react";
import { selectionOffsets } from "@/app/_components/text-selection";
import { useTouchSelection } from "@/app/_components/use-touch-selection";
import { UserText } from "@/app/_components/user-text";
import type { Granularity } from "@/lib/domain/alignment";
import type { ColumnLayout } from "@/lib/domain/columns/column-layout";
import { findInText } from "@/lib/domain/text/find";
import { textAttributes } from "@/lib/domain/text/language";
import { segmentText, type HighlightRange } from "@/lib/domain/highlight/segments";
import { setPassageAction, suggestPassagesAction } from "./actions";
import { ColumnPicker } from "./column-picker";
import type { ViewQuotation, ViewRow, ViewSource, Where } from "./comparison-types";
import { rowColor } from "./row-colors";
import { useColumnLayout } from "./use-column-layout";

const NEW_ROW = "new";

interface Selection {
  sourceId: string;
  start: number;
  end: number;
}

type Suggestions = { sourceId: string; matches: { start: number; end: number; text: string; score: number; granularity: Granularity }[] }[];

const GRANULARITY: Record<Granularity, string | null> = { sentence: null, clause: "clause", sentences: "two sentences" };

export function SideBySide({
  where, sources, rows, quotations, canEdit, layout,
}: { where: Where; sources: ViewSource[]; rows: ViewRow[]; quotations: ViewQuotation[]; canEdit: boolean; layout: ColumnLayout }) {
  const router = useRouter();
  const columns = useColumnLayout(where, sources.map((s) => s.id), layout);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [activeRow, setActiveRow] = useState<string | null>(null);
  const [targetRow, setTargetRow] = useState<string>(NEW_ROW);
  const [label, setLabel] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  const [pending, startTransition] = useTransition();
  const bodies = useRef(new Map<string, HTMLDivElement>());
  const columnsRef = useRef<HTMLDivElement>(null);

  const byId = useMemo(() => new Map(sources.map((s) => [s.id, s])), [sources]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.id, i])), [rows]);
  const shown = columns.columns.filter((c) => !c.hidden).flatMap((c) => {
    const source = byId.get(c.id);
    return source ? [{ source, collapsed: c.collapsed }] : [];
  });
  const selectedSource = selection ? byId.get(selection.sourceId) : undefined;
  const target = rows.find((r) => r.id === targetRow);

  function select(next: Selection | null) {
    setSelection(next);
    setSuggestions(null);
    setMessage(null);
  }

  function captureSelection(source: ViewSource) {
    const body = bodies.current.get(source.id);
    const offsets = body ? selectionOffsets(body, source.text) : null;
    if (offsets) select({ sourceId: source.id, ...offsets });
  }

  useTouchSelection(columnsRef, () => {
    for (const { source } of shown) captureSelection(source);
  });

  function onFind(source: ViewSource, form: HTMLFormElement) {
    const query = String(new FormData(form).get("query") ?? "");
    const from = selection?.sourceId === source.id ? selection.end : 0;
    const found = findInText(source.text, query, from);
    if (!found) {
      setMessage({ ok: false, text: `“${query.trim()}” does not occur in ${source.outlet}.` });
      return;
    }
    select({ sourceId: source.id, ...found });
    requestAnimationFrame(() => bodies.current.get(source.id)?.querySelector("[data-selected]")?.scrollIntoView({ block: "center" }));
  }

  function loadSuggestions(current: Selection) {
    startTransition(async () => {
      const result = await suggestPassagesAction(where, current);
      if (result.ok) setSuggestions(result.data);
      else setMessage({ ok: false, text: result.message });
    });
  }

  function addPassage(passage: Selection, rowId: string, then?: (factRowId: string) => void) {
    const source = byId.get(passage.sourceId);
    if (!source) return;
    startTransition(async () => {
      const result = await setPassageAction(where, {
        factRowId: rowId === NEW_ROW ? undefined : rowId,
        label: rowId === NEW_ROW ? label : undefined,
        sourceId: passage.sourceId,
        start: passage.start,
        end: passage.end,
        revisionNumber: source.revision,
      });
      if (!result.ok) {
        setMessage({ ok: false, text: result.message });
        return;
      }
      const rowLabel = rowId === NEW_ROW ? label : (rows.find((r) => r.id === rowId)?.label ?? "");
      setMessage({ ok: true, text: `Added ${source.outlet}’s passage to “${rowLabel}”.` });
      setTargetRow(result.data.factRowId);
      setActiveRow(result.data.factRowId);
      setLabel("");
      then?.(result.data.factRowId);
      router.refresh();
    });
  }

  function highlights(source: ViewSource): HighlightRange[] {
    const ranges: HighlightRange[] = [];
    for (const row of rows) {
      for (const p of row.passages) {
        if (p.sourceId === source.id && !p.orphaned) ranges.push({ start: p.start, end: p.end, key: `row:${row.id}` });
      }
    }
    quotations.forEach((q, i) => {
      for (const o of q.occurrences) if (o.sourceId === source.id) ranges.push({ start: o.start, end: o.end, key: `quote:${i}` });
    });
    if (selection?.sourceId === source.id) ranges.push({ start: selection.start, end: selection.end, key: "selection" });
    return ranges;
  }

  return (
    <div className="sbs">
      <ColumnPicker columns={columns.columns} sources={byId} onHidden={columns.setHidden} onMove={columns.move} />
      {columns.error ? <p className="notice notice--error sbs__notice" role="alert">{columns.error}</p> : null}

      {rows.length > 0 ? (
        <div className="sbs__legend" role="group" aria-label="Fact rows: highlight one">
          {rows.map((row, i) => (
            <button
              key={row.id}
              type="button"
              className="chip"
              aria-pressed={activeRow === row.id}
              style={{ background: rowColor(i) }}
              onClick={() => setActiveRow(activeRow === row.id ? null : row.id)}
            >
              <UserText>{row.label}</UserText> <span className="chip__count">{row.passages.length}/{sources.length}</span>
            </button>
          ))}
        </div>
      ) : null}

      <section className="selection-panel" aria-label="Selected passage" aria-live="polite">
        {message ? <p className={`notice ${message.ok ? "notice--success" : "notice--error"}`}>{message.text}</p> : null}
        {selection && selectedSource ? (
          <>
            <p className="selection-panel__quote">
              <strong>{selectedSource.outlet}:</strong> “{selectedSource.text.slice(selection.start, selection.end)}”
            </p>
            <div className="form--inline">
              {canEdit ? (
                <>
                  <div className="field">
                    <label htmlFor="target-row">Fact row</label>
                    <select id="target-row" value={targetRow} onChange={(e) => setTargetRow(e.target.value)}>
                      <option value={NEW_ROW}>New fact row…</option>
                      {rows.map((row) => (
                        <option key={row.id} value={row.id}>
                          {row.label}
                        </option>
                      ))}
                    </select>
                  </div>
                  {targetRow === NEW_ROW ? (
                    <div className="field">
                      <label htmlFor="row-label">Label of the new fact row</label>
                      <input id="row-label" type="text" value={label} maxLength={160} placeholder="e.g. How the event is named" onChange={(e) => setLabel(e.target.value)} />
                    </div>
                  ) : null}
                  <button type="button" className="button" disabled={pending} onClick={() => addPassage(selection, targetRow, () => loadSuggestions(selection))}>
                    Add to fact row
                  </button>
                </>
              ) : null}
              <button type="button" className="button button--quiet" disabled={pending} onClick={() => loadSuggestions(selection)}>
                Suggest matching passages
              </button>
              <button type="button" className="button button--quiet" onClick={() => select(null)}>
                Clear selection
              </button>
            </div>
            {suggestions ? (
              <div className="suggestions">
                <h3>Most similar passages in the other sources</h3>
                {suggestions.every((s) => s.matches.length === 0) ? <p className="meta">No similar passages found.</p> : null}
                <ul className="plain-list">
                  {suggestions.flatMap((s) =>
                    s.matches.map((match) => {
                      const source = byId.get(s.sourceId);
                      const already = target?.passages.some((p) => p.sourceId === s.sourceId && p.start === match.start && p.end === match.end);
                      return (
                        <li key={`${s.sourceId}:${match.start}`} className="suggestion">
                          <div>
                            <span className="source__outlet">{source?.outlet}</span>{" "}
                            <span className="badge" title="Similarity score">{Math.round(match.score * 100)}% similar</span>
                            {GRANULARITY[match.granularity] ? <span className="meta"> · {GRANULARITY[match.granularity]}</span> : null}
                            <p className="suggestion__text">{match.text}</p>
                          </div>
                          {canEdit && target ? (
                            <button
                              type="button"
                              className="button button--small"
                              disabled={pending || already}
                              onClick={() => addPassage({ sourceId: s.sourceId, start: match.start, end: match.end }, target.id)}
                            >
                              {already ? "In the row" : `Accept for “${target.label}”`}
                              <span className="visually-hidden"> from {source?.outlet}</span>
                            </button>
                          ) : null}
                        </li>
                      );
                    }),
                  )}
                </ul>
              </div>
            ) : null}
          </>
        ) : (
          <p className="meta">
            Select words in a column with the mouse, or type them into “Find words” under a source&apos;s title, to line up a fact across outlets.
          </p>
        )}
      </section>

      <div
        ref={columnsRef}
        className="sbs__columns"
        style={{ gridTemplateColumns: shown.length > 0 ? shown.map((c) => (c.collapsed ? "2.75rem" : "minmax(300px, 1fr)")).join(" ") : "1fr" }}
      >
        {shown.length === 0 ? <p className="card empty">Every source is hidden. Choose the ones to show under “Columns”.</p> : null}
        {shown.map(({ source, collapsed }) => collapsed ? (
          <article key={source.id} className="column column--collapsed" aria-label={`${source.outlet} (collapsed)`}>
            <button type="button" className="column__expand" aria-expanded={false} onClick={() => columns.setCollapsed(source.id, false)}>
              <span className="visually-hidden">Expand </span>
              <span className="column__strip">{source.outlet}</span>
            </button>
          </article>
        ) : (
          <article key={source.id} className="column" aria-labelledby={`col-${source.id}`}>
            <header className="column__head">
              <div className="column__bar">
                <span className="source__outlet">{source.outlet}</span>
                <button
                  type="button"
                  className="button button--quiet button--small"
                  aria-expanded={true}
                  aria-label={`Collapse ${source.outlet}`}
                  title="Collapse this column"
                  onClick={() => columns.setCollapsed(source.id, true)}
                >
                  ⇤
                </button>
              </div>
              <h2 id={`col-${source.id}`} className="column__title">{source.title}</h2>
              <form
                className="find"
                role="search"
                onSubmit={(event) => {
                  event.preventDefault();
                  onFind(source, event.currentTarget);
                }}
              >
                <label htmlFor={`find-${source.id}`} className="visually-hidden">
                  Find words in {source.outlet}
                </label>
                <input id={`find-${source.id}`} name="query" type="text" placeholder="Find words…" />
                <button type="submit" className="button button--quiet button--small">
                  Select<span className="visually-hidden"> in {source.outlet}</span>
                </button>
              </form>
            </header>
            <div
              className="column__body"
              {...textAttributes(source.language)}
              ref={(el) => {
                if (el) bodies.current.set(source.id, el);
                else bodies.current.delete(source.id);
              }}
              onMouseUp={() => captureSelection(source)}
              onKeyUp={(event) => {
                if (event.shiftKey) captureSelection(source);
              }}
              tabIndex={0}
              aria-label={`Text of ${source.outlet}`}
            >
              {segmentText(source.text, highlights(source)).map((segment) => {
                if (segment.keys.length === 0) return segment.text;
                const rowKeys = segment.keys.filter((k) => k.startsWith("row:")).map((k) => k.slice(4));
                const first = rowKeys[0];
                const quoted = segment.keys.some((k) => k.startsWith("quote:"));
                const selected = segment.keys.includes("selection");
                const className = [
                  "hl",
                  quoted ? "hl--quote" : "",
                  selected ? "hl--selected" : "",
                  first && activeRow && rowKeys.includes(activeRow) ? "hl--active" : "",
                  activeRow && first && !rowKeys.includes(activeRow) ? "hl--dim" : "",
                ].filter(Boolean).join(" ");
                const titles = [
                  ...rowKeys.map((id) => `Fact row: ${rows[rowIndex.get(id) ?? 0]?.label}`),
                  quoted ? "Quotation shared with another outlet" : "",
                ].filter(Boolean);
                return (
                  <mark
                    key={segment.start}
                    className={className}
                    data-selected={selected || undefined}
                    title={titles.join("\n") || undefined}
                    style={first ? { background: rowColor(rowIndex.get(first) ?? 0) } : undefined}
                    onClick={first ? () => setActiveRow(first) : undefined}
                  >
                    {segment.text}
                  </mark>
                );
              })}
            </div>
          </article>
        ))}
      </div>

      {quotations.length > 0 ? (
        <section className="card" aria-labelledby="shared-quotes">
          <h2 id="shared-quotes">Quotations shared across outlets</h2>
          <ul>
            {quotations.map((q, i) => (
              <li key={i}>
                “{q.quote}”: {[...new Set(q.occurrences.map((o) => byId.get(o.sourceId)?.outlet))].join(", ")}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
