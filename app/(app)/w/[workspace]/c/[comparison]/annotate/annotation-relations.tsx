"use client";

import { useEffect, useState } from "react";
import { useBrowserValue } from "@/app/_components/use-browser";
import { UserText } from "@/app/_components/user-text";
import type { RelationView } from "@/lib/server/services/relations/relation-view";
import type { RelationTypeView } from "@/lib/server/services/relations/find-relation-types";
import type { LinkCandidates } from "@/lib/server/services/relations/find-link-candidates";
import type { TUpdateRelation } from "@/lib/schemas/relation";
import type { AnnotateSource, Annotation } from "./annotate-types";
import { RelationEditor } from "./relation-editor";

/** The annotations of a source a link may point to, or why they could not be read. */
export type LoadLinkCandidates = (sourceId: string) => Promise<LinkCandidates | string>;

export type Relation = RelationView;
export type RelationType = RelationTypeView;

export interface RelationActions {
  create: (fromId: string, toId: string, typeId: string) => Promise<boolean>;
  remove: (relation: Relation) => void;
  /** Changes the type or turns the link around, at the version shown. */
  update: (relation: Relation, change: Omit<TUpdateRelation, "version">) => void;
}

function quote(text: string, max = 60) {
  return `“${text.length > max ? `${text.slice(0, max)}…` : text}”`;
}

/** A permalink with a button that copies its full address; the link itself opens it too. */
export function CopyLink({ path, label }: { path: string; label: string }) {
  const origin = useBrowserValue(() => window.location.origin, "");
  const [copied, setCopied] = useState(false);
  return (
    <span className="copy-link">
      <a href={path} className="meta" aria-label={`Permalink to this ${label}`}>
        Link
      </a>
      <button
        type="button"
        className="button button--quiet button--small"
        onClick={() => void navigator.clipboard?.writeText(`${origin}${path}`).then(() => setCopied(true), () => setCopied(false))}
      >
        {copied ? "Copied" : `Copy link to ${label}`}
      </button>
    </span>
  );
}

/**
 * An annotation's relations, listed at both ends ("has evidence → …", "← contradicts …"),
 * with a "Link to…" form to make a new one: a relation type, a source and the target
 * annotation (read from the server for the source chosen), all plain selects so the keyboard
 * reaches every annotation of every source.
 */
export function AnnotationRelations({
  annotation, open, relations, types, loadCandidates, sources, me, canAnnotate, pending, actions, onGoTo,
}: {
  annotation: Annotation;
  open: boolean;
  relations: Relation[];
  types: RelationType[];
  loadCandidates: LoadLinkCandidates;
  sources: AnnotateSource[];
  me: string;
  canAnnotate: boolean;
  pending: boolean;
  actions: RelationActions;
  onGoTo: (annotationId: string, sourceId: string) => void;
}) {
  const [linking, setLinking] = useState(false);
  const usable = types.filter((t) => !t.retired);
  const [typeId, setTypeId] = useState("");
  const [toId, setToId] = useState("");
  const [inSourceId, setInSourceId] = useState(annotation.sourceId);
  const [candidates, setCandidates] = useState<LinkCandidates | string | null>(null);
  useEffect(() => {
    if (!linking) return;
    let current = true;
    void loadCandidates(inSourceId).then((found) => {
      if (current) setCandidates(found);
    });
    return () => {
      current = false;
    };
  }, [linking, inSourceId, loadCandidates]);
  const outlet = (sourceId: string) => sources.find((s) => s.id === sourceId)?.outlet ?? "another source";
  if (relations.length === 0 && !open) return null;
  return (
    <div className="annotation-relations">
      {relations.length > 0 ? (
        <ul className="plain-list relation-list" aria-label="Links">
          {relations.map((r) => {
            const outgoing = r.from.id === annotation.id;
            const other = outgoing ? r.to : r.from;
            return (
              <li key={r.id} className="relation">
                <span className="relation__type">{outgoing ? <UserText>{r.type.name}</UserText> : <>← <UserText>{r.type.name}</UserText></>}</span>{" "}
                <button type="button" className="link-button" onClick={() => onGoTo(other.id, other.sourceId)}>
                  {quote(other.exact)}
                </button>{" "}
                <span className="meta">
                  in {outlet(other.sourceId)}
                  {outgoing ? "" : " (links here)"}
                </span>
                {open && r.author.id === me ? (
                  <>
                    {" "}
                    <RelationEditor relation={r} types={types} pending={pending} onChange={actions.update} />{" "}
                    <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => actions.remove(r)}>
                      Remove link
                    </button>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {open && canAnnotate && !linking ? (
        <button type="button" className="button button--quiet button--small" onClick={() => setLinking(true)}>
          Link to…
        </button>
      ) : null}
      {open && linking ? (
        <form
          className="link-form"
          aria-label="Link this annotation to another"
          onSubmit={async (event) => {
            event.preventDefault();
            if (await actions.create(annotation.id, toId, typeId || usable[0]?.id || "")) {
              setLinking(false);
              setToId("");
            }
          }}
        >
          <label>
            Relation{" "}
            <select value={typeId || usable[0]?.id || ""} onChange={(e) => setTypeId(e.target.value)}>
              {usable.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            In source{" "}
            <select
              value={inSourceId}
              onChange={(e) => {
                setInSourceId(e.target.value);
                setCandidates(null);
                setToId("");
              }}
            >
              {sources.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.outlet}
                </option>
              ))}
            </select>
          </label>
          <label>
            Target annotation{" "}
            <select value={toId} onChange={(e) => setToId(e.target.value)} required aria-busy={candidates === null}>
              <option value="">{candidates === null ? "Loading annotations…" : "Choose an annotation…"}</option>
              {candidates && typeof candidates !== "string"
                ? candidates.candidates
                    .filter((c) => c.id !== annotation.id)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {quote(c.exact, 80)} ({c.tags.join(", ")}; {c.author})
                      </option>
                    ))
                : null}
            </select>
          </label>
          {typeof candidates === "string" ? <p className="field__error">{candidates}</p> : null}
          {candidates && typeof candidates !== "string" && candidates.more ? (
            <p className="meta">Only the first {candidates.candidates.length} annotations of this source, in text order, are offered.</p>
          ) : null}
          <div className="annotation-card__actions">
            <button type="submit" className="button button--small" disabled={pending || !toId}>
              Create link
            </button>
            <button type="button" className="button button--quiet button--small" onClick={() => setLinking(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
