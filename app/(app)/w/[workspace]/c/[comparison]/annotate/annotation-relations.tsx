"use client";

import { useState } from "react";
import { useBrowserValue } from "@/app/_components/use-browser";
import { UserText } from "@/app/_components/user-text";
import type { RelationView } from "@/lib/server/services/relations/relation-view";
import type { RelationTypeView } from "@/lib/server/services/relations/find-relation-types";
import type { AnnotateSource, Annotation } from "./annotate-types";

export type Relation = RelationView;
export type RelationType = RelationTypeView;

export interface RelationActions {
  create: (fromId: string, toId: string, typeId: string) => Promise<boolean>;
  remove: (relation: Relation) => void;
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
 * with a "Link to…" form to make a new one: a relation type and the target annotation, both
 * plain selects so the keyboard reaches every annotation of every source.
 */
export function AnnotationRelations({
  annotation, open, relations, types, annotationsById, candidates, sources, me, canAnnotate, pending, actions, onGoTo,
}: {
  annotation: Annotation;
  open: boolean;
  relations: Relation[];
  types: RelationType[];
  annotationsById: Map<string, Annotation>;
  candidates: Annotation[];
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
  const outlet = (sourceId: string) => sources.find((s) => s.id === sourceId)?.outlet ?? "another source";
  if (relations.length === 0 && !open) return null;
  return (
    <div className="annotation-relations">
      {relations.length > 0 ? (
        <ul className="plain-list relation-list" aria-label="Links">
          {relations.map((r) => {
            const outgoing = r.from.id === annotation.id;
            const other = outgoing ? r.to : r.from;
            const shown = annotationsById.get(other.id);
            return (
              <li key={r.id} className="relation">
                <span className="relation__type">{outgoing ? <UserText>{r.type.name}</UserText> : <>← <UserText>{r.type.name}</UserText></>}</span>{" "}
                <button type="button" className="link-button" onClick={() => onGoTo(other.id, other.sourceId)}>
                  {shown ? quote(shown.target.exact) : "an annotation"}
                </button>{" "}
                <span className="meta">
                  in {outlet(other.sourceId)}
                  {outgoing ? "" : " (links here)"}
                </span>
                {open && r.author.id === me ? (
                  <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => actions.remove(r)}>
                    Remove link
                  </button>
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
            Target annotation{" "}
            <select value={toId} onChange={(e) => setToId(e.target.value)} required>
              <option value="">Choose an annotation…</option>
              {sources.map((s) => {
                const inSource = candidates.filter((c) => c.sourceId === s.id && c.id !== annotation.id);
                return inSource.length > 0 ? (
                  <optgroup key={s.id} label={s.outlet}>
                    {inSource.map((c) => (
                      <option key={c.id} value={c.id}>
                        {quote(c.target.exact, 80)} ({c.tags.map((t) => t.name).join(", ")}; {c.author.name})
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
          </label>
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
