"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { UserText } from "@/app/_components/user-text";
import type { ActionState } from "@/lib/server/action";
import type { RelationTypeView } from "@/lib/server/services/relations/find-relation-types";
import type { Where } from "../comparison-types";
import { createRelationTypeAction, renameRelationTypeAction, setRelationTypeRetiredAction } from "./relation-type-actions";

type Hidden = Where & { comparisonId: string };

function HiddenFields({ at }: { at: Hidden }) {
  return (
    <>
      <input type="hidden" name="workspace" value={at.workspace} />
      <input type="hidden" name="comparison" value={at.comparison} />
      <input type="hidden" name="comparisonId" value={at.comparisonId} />
    </>
  );
}

function RelationTypeItem({ at, type, canEdit }: { at: Hidden; type: RelationTypeView; canEdit: boolean }) {
  const [renamed, rename] = useActionState<ActionState, FormData>(renameRelationTypeAction, null);
  const [retired, retire] = useActionState<ActionState, FormData>(setRelationTypeRetiredAction, null);
  return (
    <li>
      <strong>
        <UserText>{type.name}</UserText>
      </strong>
      {type.retired ? <span className="meta"> (retired)</span> : null}
      {canEdit ? (
        <div className="form--inline">
          <form action={rename} aria-label={`Rename ${type.name}`}>
            <HiddenFields at={at} />
            <input type="hidden" name="typeId" value={type.id} />
            <label>
              New name <input name="name" type="text" defaultValue={type.name} required />
            </label>{" "}
            <SubmitButton className="button button--quiet button--small" pendingLabel="Saving…">
              Rename
            </SubmitButton>
          </form>
          <form action={retire}>
            <HiddenFields at={at} />
            <input type="hidden" name="typeId" value={type.id} />
            <input type="hidden" name="retired" value={type.retired ? "false" : "true"} />
            <SubmitButton className="button button--quiet button--small" pendingLabel="Saving…">
              {type.retired ? "Offer again" : "Retire"}
            </SubmitButton>
          </form>
          <FormMessage state={renamed ?? retired} />
        </div>
      ) : null}
    </li>
  );
}

/** The comparison's relation types: links between annotations (claim → evidence, contradicts…). */
export function RelationTypes({ at, types, canEdit }: { at: Hidden; types: RelationTypeView[]; canEdit: boolean }) {
  const [added, add] = useActionState<ActionState, FormData>(createRelationTypeAction, null);
  return (
    <section id="relation-types" className="card" aria-labelledby="relation-types-title">
      <h2 id="relation-types-title">Relation types</h2>
      <p className="meta">
        Reviewers link two annotations with one of these on the annotate tab (“Link to…”), e.g. a claim to its evidence. The report
        counts “has evidence” and “contradicts” whatever they are renamed to.
      </p>
      <ul aria-label="Relation types">
        {types.map((type) => (
          <RelationTypeItem key={type.id} at={at} type={type} canEdit={canEdit} />
        ))}
      </ul>
      {canEdit ? (
        <form action={add} className="form--inline" aria-label="Add a relation type">
          <HiddenFields at={at} />
          <label>
            New relation type <input name="name" type="text" required />
          </label>{" "}
          <SubmitButton className="button button--small" pendingLabel="Adding…">
            Add relation type
          </SubmitButton>
          <FormMessage state={added} />
        </form>
      ) : null}
    </section>
  );
}
