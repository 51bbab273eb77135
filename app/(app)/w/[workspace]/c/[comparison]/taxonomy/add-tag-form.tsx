"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { UserText } from "@/app/_components/user-text";
import type { ActionState } from "@/lib/server/action";
import type { Where } from "../comparison-types";
import { createTagAction } from "./actions";
import { TagFields } from "./tag-fields";
import styles from "./taxonomy.module.css";

/** "Add a tag" at the end of one tag set, folded away until an editor opens it. */
export function AddTagForm({ where, tagSet, suggestedColor }: { where: Where; tagSet: { id: string; name: string }; suggestedColor: string }) {
  // Each answer remounts the fields, so they start from what it says: the typed values
  // after a refusal, or empty with the next suggested colour after a success.
  const [{ result, round }, action] = useActionState(
    async (previous: { result: ActionState; round: number }, form: FormData) => ({
      result: await createTagAction(previous.result, form),
      round: previous.round + 1,
    }),
    { result: null, round: 0 },
  );
  return (
    <details className={styles.addTag}>
      <summary>Add a tag to <UserText>{tagSet.name}</UserText></summary>
      <form className="form" action={action} noValidate aria-label={`Add a tag to ${tagSet.name}`}>
        <input type="hidden" name="workspace" value={where.workspace} />
        <input type="hidden" name="comparison" value={where.comparison} />
        <input type="hidden" name="tagSetId" value={tagSet.id} />
        <TagFields key={round} state={result} defaults={{ name: "", description: "", color: suggestedColor }} />
        <FormMessage state={result} />
        <div>
          <SubmitButton pendingLabel="Adding…">Add tag</SubmitButton>
        </div>
      </form>
    </details>
  );
}
