"use client";

import { useId } from "react";
import type { ActionState } from "@/lib/server/action";
import { TAG_DESCRIPTION_MAX, TAG_NAME_MAX } from "@/lib/schemas/taxonomy";
import { ColorField } from "./color-field";
import styles from "./taxonomy.module.css";

export type TagFieldValues = { name: string; description: string; color: string };

/**
 * Name, colour and coding guideline of a tag, for the add and edit forms. Many of these
 * forms share the page, so ids come from useId rather than the field name. After a refused
 * save the fields show what was typed, with each error beside its field.
 */
export function TagFields({ state, defaults, autoFocus = false }: { state: ActionState; defaults: TagFieldValues; autoFocus?: boolean }) {
  const id = useId();
  const failed = state && !state.ok ? state : null;
  const value = (field: keyof TagFieldValues) => failed?.values?.[field] ?? defaults[field];
  const error = (field: keyof TagFieldValues) => failed?.fieldErrors?.[field];
  const described = (field: keyof TagFieldValues, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : null, error(field) ? `${id}-${field}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <div className={`form-grid ${styles.fieldsRow}`}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            name="name"
            type="text"
            defaultValue={value("name")}
            maxLength={TAG_NAME_MAX}
            autoComplete="off"
            autoFocus={autoFocus}
            aria-invalid={error("name") ? true : undefined}
            aria-describedby={described("name")}
          />
          {error("name") ? (
            <span id={`${id}-name-error`} className="field__error">
              {error("name")}
            </span>
          ) : null}
        </div>
        {/* Keyed by its starting value: the field follows a new default (the next suggested colour, a refused value). */}
        <ColorField key={value("color")} name="color" defaultValue={value("color")} error={error("color")} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Coding guideline (optional)</label>
        <textarea
          id={`${id}-description`}
          name="description"
          rows={3}
          defaultValue={value("description")}
          maxLength={TAG_DESCRIPTION_MAX}
          aria-invalid={error("description") ? true : undefined}
          aria-describedby={described("description", true)}
        />
        <span id={`${id}-description-hint`} className="field__hint">
          When to apply the tag, and how it differs from its nearest neighbour.
        </span>
        {error("description") ? (
          <span id={`${id}-description-error`} className="field__error">
            {error("description")}
          </span>
        ) : null}
      </div>
    </>
  );
}
