"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { UserText } from "@/app/_components/user-text";
import { formatDate } from "@/lib/format";
import type { ActionState } from "@/lib/server/action";
import type { TagView } from "@/lib/server/services/taxonomy/find-taxonomy";
import type { Where } from "../comparison-types";
import { mergeTagsAction, setTagRetiredAction, updateTagAction } from "./actions";
import { TagFields } from "./tag-fields";
import styles from "./taxonomy.module.css";

type MergeTarget = { id: string; name: string };
type FormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

function annotations(count: number): string {
  if (count === 0) return "No annotations";
  return count === 1 ? "1 annotation" : `${count} annotations`;
}

/** Runs a form action and hands a success message to `onSuccess`; failures stay in the form's state. */
function reporting(action: FormAction, onSuccess: (message: string) => void): FormAction {
  return async (previous, form) => {
    const result = await action(previous, form);
    if (result?.ok) onSuccess(result.message ?? "Saved.");
    return result;
  };
}

function Hidden({ where, tagId }: { where: Where; tagId: string }) {
  return (
    <>
      <input type="hidden" name="workspace" value={where.workspace} />
      <input type="hidden" name="comparison" value={where.comparison} />
      <input type="hidden" name="tagId" value={tagId} />
    </>
  );
}

/** Escape closes a panel, as it would a dialog. */
function closeOnEscape(close: () => void) {
  return (event: React.KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  };
}

/**
 * One tag of a set: its name on its highlight colour, status, coding guideline and usage.
 * Editors also get rename/describe/recolour, retire or restore, and merge into another tag.
 */
export function TagItem({ where, tag, mergeTargets, canEdit }: { where: Where; tag: TagView; mergeTargets: MergeTarget[]; canEdit: boolean }) {
  const id = useId();
  const [panel, setPanel] = useState<"edit" | "merge" | null>(null);
  const [outcome, setOutcome] = useState("");
  const editButton = useRef<HTMLButtonElement>(null);
  const mergeButton = useRef<HTMLButtonElement>(null);
  const outcomeRef = useRef<HTMLSpanElement>(null);
  const [retireState, retireAction] = useActionState(reporting(setTagRetiredAction, setOutcome), null);

  const close = (focus: React.RefObject<HTMLElement | null>) => {
    setPanel(null);
    focus.current?.focus();
  };
  const saved = (message: string) => {
    setOutcome(message);
    close(editButton);
  };
  // The merged tag loses its buttons, so focus goes to the message saying what happened.
  const merged = (message: string) => {
    setOutcome(message);
    close(outcomeRef);
  };
  const toggle = (which: "edit" | "merge") => {
    setOutcome("");
    setPanel((open) => (open === which ? null : which));
  };

  return (
    <li className={`${styles.tag} ${tag.retired ? styles.tagRetired : ""}`} aria-labelledby={`${id}-name`}>
      <div>
        <h3 id={`${id}-name`} className={styles.name} style={{ backgroundColor: tag.color }}>
          <UserText>{tag.name}</UserText>
        </h3>
        <div className={styles.status}>
          {tag.mergedInto ? (
            <span className={`badge ${styles.badgeRetired}`}>Merged into “{tag.mergedInto.name}”</span>
          ) : tag.retiredAt ? (
            <span className={`badge ${styles.badgeRetired}`}>Retired {formatDate(tag.retiredAt)}</span>
          ) : (
            <span className="badge badge--accent">Active</span>
          )}
        </div>
      </div>
      {tag.description ? <p className={styles.guideline}>{tag.description}</p> : <p className={styles.noGuideline}>No coding guideline yet.</p>}
      <p className={styles.usage}>{annotations(tag.annotationCount)}</p>

      {canEdit ? (
        <div className={styles.actions}>
          {tag.merged ? null : (
            <>
              <button
                ref={editButton}
                type="button"
                className="button button--quiet button--small"
                aria-expanded={panel === "edit"}
                aria-controls={panel === "edit" ? `${id}-edit` : undefined}
                onClick={() => toggle("edit")}
              >
                Edit<span className="visually-hidden"> {tag.name}</span>
              </button>
              <form action={retireAction}>
                <Hidden where={where} tagId={tag.id} />
                <input type="hidden" name="retired" value={tag.retired ? "false" : "true"} />
                <SubmitButton className="button button--quiet button--small" pendingLabel={tag.retired ? "Restoring…" : "Retiring…"}>
                  {tag.retired ? "Restore" : "Retire"}
                  <span className="visually-hidden"> {tag.name}</span>
                </SubmitButton>
              </form>
              {tag.retired ? null : (
                <button
                  ref={mergeButton}
                  type="button"
                  className="button button--quiet button--small"
                  aria-expanded={panel === "merge"}
                  aria-controls={panel === "merge" ? `${id}-merge` : undefined}
                  onClick={() => toggle("merge")}
                >
                  Merge into…<span className="visually-hidden"> ({tag.name})</span>
                </button>
              )}
            </>
          )}
          <span ref={outcomeRef} tabIndex={-1} role="status" className={outcome ? "notice notice--success" : undefined}>
            {outcome}
          </span>
          {retireState && !retireState.ok ? (
            <span role="alert" className="notice notice--error">
              {retireState.message}
            </span>
          ) : null}
        </div>
      ) : null}

      {panel === "edit" ? (
        <EditTagForm
          id={`${id}-edit`}
          where={where}
          tag={tag}
          onSaved={saved}
          onCancel={() => close(editButton)}
        />
      ) : null}
      {panel === "merge" ? (
        <MergeTagForm
          id={`${id}-merge`}
          where={where}
          tag={tag}
          targets={mergeTargets}
          onMerged={merged}
          onCancel={() => close(mergeButton)}
        />
      ) : null}
    </li>
  );
}

function EditTagForm({ id, where, tag, onSaved, onCancel }: { id: string; where: Where; tag: TagView; onSaved: (message: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(reporting(updateTagAction, onSaved), null);
  return (
    <form id={id} className={`form ${styles.panel}`} action={action} noValidate aria-labelledby={`${id}-title`} onKeyDown={closeOnEscape(onCancel)}>
      <h4 id={`${id}-title`}>Edit “<UserText>{tag.name}</UserText>”</h4>
      <Hidden where={where} tagId={tag.id} />
      <TagFields state={state} defaults={{ name: tag.name, description: tag.description ?? "", color: tag.color }} autoFocus />
      <FormMessage state={state} />
      <div className={styles.panelButtons}>
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Merging cannot be undone, so it takes two steps: choose the tag, then confirm with the
 * consequences spelled out (how many annotations move, and that this tag is retired).
 */
function MergeTagForm({
  id, where, tag, targets, onMerged, onCancel,
}: { id: string; where: Where; tag: TagView; targets: MergeTarget[]; onMerged: (message: string) => void; onCancel: () => void }) {
  const [state, action] = useActionState(reporting(mergeTagsAction, onMerged), null);
  const [intoId, setIntoId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [missing, setMissing] = useState(false);
  const confirmation = useRef<HTMLParagraphElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const into = targets.find((t) => t.id === intoId);
  const serverError = state && !state.ok ? state.fieldErrors?.intoTagId : undefined;
  const error = missing ? "Choose the tag to merge into." : serverError;

  useEffect(() => {
    if (confirming) confirmation.current?.focus();
  }, [confirming]);

  if (targets.length === 0) {
    return (
      <div id={id} className={styles.panel} onKeyDown={closeOnEscape(onCancel)}>
        <p>No other tag of this set is active, so there is nothing to merge “<UserText>{tag.name}</UserText>” into.</p>
        <button type="button" className="button button--quiet" onClick={onCancel} autoFocus>
          Close
        </button>
      </div>
    );
  }

  return (
    <form id={id} className={`form ${styles.panel}`} action={action} noValidate aria-labelledby={`${id}-title`} onKeyDown={closeOnEscape(onCancel)}>
      <h4 id={`${id}-title`}>Merge “<UserText>{tag.name}</UserText>” into another tag</h4>
      <Hidden where={where} tagId={tag.id} />
      <div className="field">
        <label htmlFor={`${id}-into`}>Merge into</label>
        <select
          ref={select}
          id={`${id}-into`}
          name="intoTagId"
          value={intoId}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-into-error` : undefined}
          onChange={(event) => {
            setIntoId(event.target.value);
            setConfirming(false);
            setMissing(false);
          }}
        >
          <option value="">Choose a tag…</option>
          {targets.map((target) => (
            <option key={target.id} value={target.id}>
              {target.name}
            </option>
          ))}
        </select>
        {error ? (
          <span id={`${id}-into-error`} className="field__error">
            {error}
          </span>
        ) : null}
      </div>
      {confirming && into ? (
        <>
          <p ref={confirmation} tabIndex={-1} className={`notice notice--info ${styles.confirm}`}>
            Merge “<UserText>{tag.name}</UserText>” into “<UserText>{into.name}</UserText>”?{" "}
            {tag.annotationCount === 0
              ? `No annotation has “${tag.name}” yet.`
              : `${annotations(tag.annotationCount)} tagged “${tag.name}” will be tagged “${into.name}” instead.`}{" "}
            “<UserText>{tag.name}</UserText>” will be retired. A merge cannot be undone.
          </p>
          <FormMessage state={state} />
          <div className={styles.panelButtons}>
            <SubmitButton pendingLabel="Merging…">Merge into “{into.name}”</SubmitButton>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setConfirming(false);
                select.current?.focus();
              }}
            >
              Back
            </button>
          </div>
        </>
      ) : (
        <div className={styles.panelButtons}>
          <button type="button" className="button" onClick={() => (into ? setConfirming(true) : setMissing(true))}>
            Continue
          </button>
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
    </form>
  );
}
