"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { UserText } from "@/app/_components/user-text";
import { sidesFromDiffs, termsFromDiffs, wordDiff, type Segment } from "@/lib/domain/diff";
import { deleteFactRowAction, removePassageAction, renameFactRowAction } from "../actions";
import type { ViewRow, ViewSource, Where } from "../comparison-types";
import { rowColor } from "../row-colors";

type Cell = { passageId: string; sourceId: string; text: string; orphaned: boolean };

function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s) =>
        s.kind === "same" ? (
          s.text
        ) : (
          <mark key={s.start} className={s.kind === "added" ? "diff--changed" : "diff--base"}>
            {s.text}
          </mark>
        ),
      )}
    </>
  );
}

/** One fact row: each source's passage, with the words that differ from the chosen base marked. */
function FactRowView({ where, row, index, sources, canEdit }: { where: Where; row: ViewRow; index: number; sources: ViewSource[]; canEdit: boolean }) {
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
  const [baseId, setBaseId] = useState(reporting[0]?.id ?? "");
  const base = cells.get(baseId) ?? cells.get(reporting[0]?.id ?? "");
  const diffs = new Map(
    [...cells.values()].filter((c) => base && c.sourceId !== base.sourceId).map((c) => [c.sourceId, wordDiff(base!.text, c.text)]),
  );

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
    <section className="fact-row card" aria-labelledby={`row-${row.id}`} style={{ borderLeft: `6px solid ${rowColor(index)}` }}>
      <header className="fact-row__head">
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
        {reporting.length > 1 ? (
          <label className="fact-row__base">
            Compare with{" "}
            <select value={base?.sourceId} onChange={(e) => setBaseId(e.target.value)}>
              {reporting.map((s) => (
                <option key={s.id} value={s.id}>{s.outlet}</option>
              ))}
            </select>
          </label>
        ) : null}
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
      </header>
      {error ? <p className="notice notice--error" role="alert">{error}</p> : null}
      <div className="fact-row__cells" style={{ gridTemplateColumns: `repeat(${sources.length}, minmax(200px, 1fr))` }}>
        {sources.map((source) => {
          const cell = cells.get(source.id);
          const diff = diffs.get(source.id);
          return (
            <div key={source.id} className={`cell${cell ? "" : " cell--missing"}`}>
              <div className="source__outlet">
                {source.outlet}
                {cell && base && cell.sourceId === base.sourceId && reporting.length > 1 ? <span className="badge">base</span> : null}
              </div>
              {cell ? (
                <>
                  <p className="cell__text">
                    {diff ? <Marked segments={sidesFromDiffs(diff).right} /> : cell.text}
                  </p>
                  {cell.orphaned ? (
                    <p className="notice notice--error">This passage could not be found in the edited text. Select it again.</p>
                  ) : null}
                  {canEdit ? (
                    <button
                      type="button"
                      className="button button--quiet button--small no-print"
                      disabled={pending}
                      onClick={() => run(() => removePassageAction(where, cell.passageId))}
                    >
                      Remove<span className="visually-hidden"> {source.outlet}’s passage</span>
                    </button>
                  ) : null}
                </>
              ) : (
                <p className="cell__missing">Not reported</p>
              )}
            </div>
          );
        })}
      </div>
      {diffs.size > 0 && base ? (
        <div className="terms" aria-label={`Differing terms in “${row.label}”`}>
          <h3>Terms</h3>
          <dl>
            {[...diffs.entries()].map(([sourceId, diff]) => {
              const terms = termsFromDiffs(diff);
              const outlet = sources.find((s) => s.id === sourceId)?.outlet;
              const baseOutlet = sources.find((s) => s.id === base.sourceId)?.outlet;
              return (
                <div key={sourceId} className="terms__pair">
                  <dt>{outlet}</dt>
                  <dd>
                    {terms.changes.length === 0 ? (
                      <span className="meta">same wording as {baseOutlet}</span>
                    ) : (
                      terms.changes
                        .filter((c) => c.left || c.right)
                        .slice(0, 6)
                        .map((c, i) => (
                          <span key={i} className="term">
                            <span className="diff--base">{c.left || "—"}</span> → <span className="diff--changed">{c.right || "—"}</span>
                          </span>
                        ))
                    )}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ) : null}
    </section>
  );
}

export function FactRowGrid({ where, rows, sources, canEdit }: { where: Where; rows: ViewRow[]; sources: ViewSource[]; canEdit: boolean }) {
  return (
    <div className="fact-rows">
      {rows.map((row, i) => (
        <FactRowView key={row.id} where={where} row={row} index={i} sources={sources} canEdit={canEdit} />
      ))}
    </div>
  );
}
