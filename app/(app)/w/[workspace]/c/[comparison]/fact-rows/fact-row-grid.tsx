"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition, type CSSProperties, type ReactNode } from "react";
import { UserText } from "@/app/_components/user-text";
import { termSlots, termsAgainstBase, type TermSpan } from "@/lib/domain/diff";
import { deleteFactRowAction, removePassageAction, renameFactRowAction } from "../actions";
import type { ViewRow, ViewSource, Where } from "../comparison-types";
import { PassageCell } from "../passage-cell";
import { rowColor } from "../row-colors";
import { TermsAgainstBase, TermsEachAgainstAll } from "./terms-strip";

type Cell = { passageId: string; sourceId: string; text: string; orphaned: boolean };

/** What the rows' wording is compared with: one source, or every outlet against every other. */
export type TermsBase = { kind: "source"; sourceId: string } | { kind: "first" } | { kind: "all" };

/** A passage with the words of the given spans marked as differing. */
function Marked({ text, spans }: { text: string; spans: TermSpan[] }) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    parts.push(text.slice(at, s.start));
    parts.push(
      <mark key={s.start} className="diff--changed">
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** One fact row: each source's passage, with the words that differ from the chosen base marked. */
function FactRowView({ where, row, index, sources, canEdit, termsBase }: {
  where: Where;
  row: ViewRow;
  index: number;
  sources: ViewSource[];
  canEdit: boolean;
  termsBase: TermsBase;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const cells = new Map<string, Cell>();
  for (const p of row.passages) {
    const source = sources.find((s) => s.id === p.sourceId);
    const text = p.orphaned || !source ? p.exact : source.text.slice(p.start, p.end);
    cells.set(p.sourceId, { passageId: p.id, sourceId: p.sourceId, text, orphaned: p.orphaned });
  }
  const reporting = sources.filter((s) => cells.has(s.id));
  const eachAgainstAll = termsBase.kind === "all" && reporting.length > 1;
  // A row that does not report the chosen source is compared with its first outlet.
  const baseId = termsBase.kind === "source" && cells.has(termsBase.sourceId) ? termsBase.sourceId : reporting[0]?.id;
  const base = !eachAgainstAll && baseId ? cells.get(baseId) : undefined;
  const passages = reporting.map((s) => ({ id: s.id, text: cells.get(s.id)!.text }));
  // Fact-row passages are a sentence or two: pairing them takes well under a millisecond.
  const slots = eachAgainstAll ? termSlots(passages) : [];
  const against = base ? termsAgainstBase(passages, base.sourceId) : [];
  const marks = new Map<string, TermSpan[]>();
  for (const r of against) marks.set(r.id, r.pairs.flatMap((p) => (p.other ? [p.other] : [])));
  for (const slot of slots) {
    if (slot.paraphrased) continue;
    for (const w of slot.wordings) marks.set(w.id, [...(marks.get(w.id) ?? []), ...w.spans]);
  }
  const outletOf = (id: string) => sources.find((s) => s.id === id)?.outlet ?? "";

  function run(action: () => Promise<{ ok: true } | { ok: false; message: string }>) {
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        setError(null);
        router.refresh();
      } else setError(result.message);
    });
  }

  return (
    <section className="fact-row" aria-labelledby={`row-${row.id}`}>
      <header className="fact-row__head" style={{ borderLeft: `6px solid ${rowColor(index)}` }}>
        {editing ? (
          <form
            className="form--inline"
            onSubmit={(event) => {
              event.preventDefault();
              const label = String(new FormData(event.currentTarget).get("label") ?? "");
              run(() => renameFactRowAction(where, row.id, label));
              setEditing(false);
            }}
          >
            <label className="visually-hidden" htmlFor={`label-${row.id}`}>Label of the fact row</label>
            <input id={`label-${row.id}`} name="label" type="text" defaultValue={row.label} maxLength={160} autoFocus />
            <button type="submit" className="button button--small">Save</button>
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing(false)}>Cancel</button>
          </form>
        ) : (
          <h2 id={`row-${row.id}`}><UserText>{row.label}</UserText></h2>
        )}
        <span className="meta">
          Reported by {reporting.length} of {sources.length} sources
        </span>
        {canEdit && !editing ? (
          <span className="fact-row__actions no-print">
            <button type="button" className="button button--quiet button--small" onClick={() => setEditing(true)}>
              Rename<span className="visually-hidden"> {row.label}</span>
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={pending}
              onClick={() => {
                if (window.confirm(`Delete the fact row “${row.label}” and its passages? The sources stay as they are.`)) {
                  run(() => deleteFactRowAction(where, row.id));
                }
              }}
            >
              Delete<span className="visually-hidden"> {row.label}</span>
            </button>
          </span>
        ) : null}
        {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      </header>
      {sources.map((source) => {
        const cell = cells.get(source.id);
        return (
          <PassageCell
            key={source.id}
            outlet={source.outlet}
            outletLabel="hidden"
            language={source.language}
            badge={cell && base && cell.sourceId === base.sourceId && reporting.length > 1 ? <span className="badge cell__badge">base</span> : null}
            text={cell ? marks.has(source.id) ? <Marked text={cell.text} spans={marks.get(source.id)!} /> : cell.text : null}
          >
            {cell?.orphaned ? <p className="notice notice--error">This passage could not be found in the edited text. Select it again.</p> : null}
            {cell && canEdit ? (
              <button
                type="button"
                className="button button--quiet button--small no-print"
                disabled={pending}
                onClick={() => run(() => removePassageAction(where, cell.passageId))}
              >
                Remove<span className="visually-hidden"> {source.outlet}’s passage</span>
              </button>
            ) : null}
          </PassageCell>
        );
      })}
      {(base && against.length > 0) || eachAgainstAll ? (
        <div className="fact-row__terms">
          {base && against.length > 0 ? (
            <TermsAgainstBase label={row.label} baseOutlet={outletOf(base.sourceId)} results={against} outletOf={outletOf} />
          ) : null}
          {eachAgainstAll ? <TermsEachAgainstAll label={row.label} slots={slots} sourceIds={reporting.map((s) => s.id)} outletOf={outletOf} /> : null}
        </div>
      ) : null}
    </section>
  );
}

const FIRST = "first";
const ALL = "all";

/** Chooses what the wording is compared with; the choice lives in the URL (?base=), so it survives reloads and links. */
function BasePicker({ sources, termsBase }: { sources: ViewSource[]; termsBase: TermsBase }) {
  const router = useRouter();
  const pathname = usePathname();
  const value = termsBase.kind === "source" ? termsBase.sourceId : termsBase.kind === "all" ? ALL : FIRST;
  return (
    <label className="fact-rows__base no-print">
      Compare wording with{" "}
      <select
        value={value}
        onChange={(event) => {
          const next = event.target.value;
          router.replace(next === FIRST ? pathname : `${pathname}?base=${encodeURIComponent(next)}`, { scroll: false });
        }}
      >
        <option value={FIRST}>the first outlet of each row</option>
        {sources.map((s) => (
          <option key={s.id} value={s.id}>{s.outlet}</option>
        ))}
        <option value={ALL}>each outlet against all</option>
      </select>
    </label>
  );
}

export function FactRowGrid({ where, rows, sources, canEdit, termsBase }: {
  where: Where;
  rows: ViewRow[];
  sources: ViewSource[];
  canEdit: boolean;
  termsBase: TermsBase;
}) {
  return (
    <div className="fact-rows">
      <BasePicker sources={sources} termsBase={termsBase} />
      {/* One scrolling table: the outlets' names stay on top and the rows' labels on the left, however many sources. */}
      <div className="fact-table" style={{ "--fact-columns": `13rem repeat(${sources.length}, minmax(240px, 1fr))`, "--fact-min-width": `calc(13rem + ${sources.length * 240}px)` } as CSSProperties}>
        <div className="fact-table__head" aria-hidden="true">
          <span className="fact-table__corner">Fact row</span>
          {sources.map((s) => (
            <span key={s.id} className="fact-table__outlet" title={s.title}>{s.outlet}</span>
          ))}
        </div>
        {rows.map((row, i) => (
          <FactRowView key={row.id} where={where} row={row} index={i} sources={sources} canEdit={canEdit} termsBase={termsBase} />
        ))}
      </div>
    </div>
  );
}
