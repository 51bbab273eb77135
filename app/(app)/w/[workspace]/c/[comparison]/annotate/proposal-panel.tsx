"use client";

import { PROPOSAL_KEYS, type ProposalLayer } from "./use-proposals";

/**
 * The side panel's proposal section: the active proposal with why it was proposed, buttons
 * (and keys) to step, accept and reject, and a switch per analyser for what is drawn.
 */
export function ProposalPanel({ layer, outlet }: { layer: ProposalLayer; outlet: string }) {
  const { shown, active, analysers, hidden, pending, message } = layer;
  const sameKind = active ? shown.filter((p) => p.analyser === active.analyser && p.tag.id === active.tag.id).length : 0;
  return (
    <section className="card proposals" aria-labelledby="proposals-heading">
      <h2 id="proposals-heading">
        Proposals in {outlet} ({shown.length})
      </h2>
      <p className="meta">
        Dashed underlines are suggestions from Parallax&rsquo;s analysers. They count nowhere until you accept one: then it is your annotation.
        Keys: <kbd>{PROPOSAL_KEYS.next}</kbd> next, <kbd>{PROPOSAL_KEYS.previous}</kbd> previous, <kbd>{PROPOSAL_KEYS.accept}</kbd> accept,{" "}
        <kbd>{PROPOSAL_KEYS.reject}</kbd> reject.
      </p>
      {message ? (
        <p className={`notice ${message.ok ? "notice--success" : "notice--error"}`} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
      {layer.loading ? <p className="meta">Reading the text for proposals…</p> : null}
      {analysers.length > 0 ? (
        <fieldset className="proposals__analysers">
          <legend>Show proposals from</legend>
          {analysers.map((a) => (
            <label key={a.id} className="check">
              <input type="checkbox" checked={!hidden.has(a.id)} onChange={() => layer.toggleAnalyser(a.id)} /> {a.id} ({a.count})
            </label>
          ))}
        </fieldset>
      ) : null}
      {active ? (
        <div className="proposal" aria-live="polite" aria-label="Active proposal">
          <p>
            <span className="tag-chip" style={{ borderColor: active.tag.color }}>
              {active.tag.setName} / {active.tag.name}
            </span>{" "}
            {active.claimAssertedBy ? <span className="meta">claim by {active.claimAssertedBy}</span> : null}
          </p>
          <p className="selection-panel__quote">“{active.exact}”</p>
          <p>{active.reason}</p>
          <p className="meta">
            {active.analyser} v{active.analyserVersion} · confidence {Math.round(active.confidence * 100)} %
          </p>
          <div className="button-row">
            <button type="button" className="button button--small" disabled={pending} onClick={() => layer.accept(active)}>
              Accept
            </button>
            <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => layer.reject(active)}>
              Reject
            </button>
            {sameKind > 1 ? (
              <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => layer.acceptKind(active)}>
                Accept all {sameKind} “{active.tag.name}” from {active.analyser} here
              </button>
            ) : null}
          </div>
        </div>
      ) : shown.length > 0 ? (
        <p className="meta">Press <kbd>{PROPOSAL_KEYS.next}</kbd> or Next to step through them.</p>
      ) : layer.loading ? null : (
        <p className="meta">No open proposals in this source.</p>
      )}
      {shown.length > 0 ? (
        <div className="button-row">
          <button type="button" className="button button--quiet button--small" onClick={layer.previous}>
            Previous proposal
          </button>
          <button type="button" className="button button--quiet button--small" onClick={layer.next}>
            Next proposal
          </button>
        </div>
      ) : null}
    </section>
  );
}
