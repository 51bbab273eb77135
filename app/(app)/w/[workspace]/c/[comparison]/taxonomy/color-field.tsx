"use client";

import { useId, useState } from "react";
import { MIN_HIGHLIGHT_CONTRAST } from "@/lib/domain/taxonomy";
import { textContrast } from "@/lib/schemas/taxonomy";
import styles from "./taxonomy.module.css";

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/**
 * A tag colour: a native colour picker and the `#rrggbb` text it stands for, kept in step,
 * with a sample of black text on it and its contrast. The text field is what the form
 * sends, so the value can be typed or pasted as well as picked.
 */
export function ColorField({ name, defaultValue, error }: { name: string; defaultValue: string; error?: string }) {
  const id = useId();
  const [value, setValue] = useState(defaultValue);
  const valid = HEX_COLOR.test(value.trim());
  const color = valid ? value.trim().toLowerCase() : null;
  const ratio = color ? textContrast(color) : null;
  const readable = ratio !== null && ratio >= MIN_HIGHLIGHT_CONTRAST;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>Colour</label>
      <div className={styles.colorRow}>
        <input
          className={styles.picker}
          type="color"
          aria-label="Colour picker"
          aria-describedby={hintId}
          value={color ?? "#ffffff"}
          onChange={(event) => setValue(event.target.value)}
        />
        <input
          id={id}
          name={name}
          type="text"
          value={value}
          onChange={(event) => setValue(event.target.value)}
          maxLength={7}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        />
        <span className={styles.sample} style={color ? { backgroundColor: color } : undefined} aria-hidden="true">
          Sample text
        </span>
      </div>
      <span id={hintId} className={`field__hint ${color && !readable ? styles.contrastLow : ""}`}>
        {ratio === null
          ? "Enter the colour as #rrggbb, e.g. #f5aea3."
          : readable
            ? `Black text on it has a contrast of ${ratio}:1 (at least ${MIN_HIGHLIGHT_CONTRAST}:1 is needed).`
            : `Too dark: black text on it has a contrast of ${ratio}:1; choose a lighter colour (at least ${MIN_HIGHLIGHT_CONTRAST}:1).`}
      </span>
      {error ? (
        <span id={errorId} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
