"use client";

import type { TUpdateRelation } from "@/lib/schemas/relation";
import type { Relation, RelationType } from "./annotation-relations";

/**
 * The author's controls on one of their links: its type (a plain select, so the keyboard
 * reaches it) and a button that turns it around. Each change names the version the card
 * shows, so a change someone else made first is refused and shown instead of overwritten.
 */
export function RelationEditor({
  relation, types, pending, onChange,
}: {
  relation: Relation;
  types: RelationType[];
  pending: boolean;
  onChange: (relation: Relation, change: Omit<TUpdateRelation, "version">) => void;
}) {
  // A retired type stays selectable on the links that have it; it is not offered for others.
  const offered = types.filter((t) => !t.retired || t.id === relation.type.id);
  return (
    <span className="relation__edit">
      <label>
        <span className="visually-hidden">Type of this link</span>
        <select
          value={relation.type.id}
          disabled={pending}
          onChange={(e) => onChange(relation, { typeId: e.target.value })}
        >
          {offered.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </label>{" "}
      <button type="button" className="button button--quiet button--small" disabled={pending} onClick={() => onChange(relation, { reverse: true })}>
        Swap direction
      </button>
    </span>
  );
}
