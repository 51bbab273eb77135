"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useBrowserValue } from "@/app/_components/use-browser";
import { REVEAL_MODE_LABELS, type RevealMode } from "@/lib/domain/classroom/reveal";
import { createAssignmentAction, updateAssignmentAction } from "./actions";
import styles from "./classroom.module.css";

const REVEAL_MODE_HINTS: Record<RevealMode, string> = {
  AFTER_SUBMIT: "Each student sees the class's work and the key once they have submitted theirs.",
  AT_DUE_DATE: "Everyone sees it when the due date passes; work not submitted by then is closed.",
  MANUAL: "Nobody sees it until you press “Reveal now” on the assignment's page.",
};

export interface AssignmentFormChoices {
  sources: { id: string; label: string }[];
  factRows: { id: string; label: string }[];
  tagSets: { id: string; name: string; tags: { id: string; name: string; description: string | null }[] }[];
}

export interface AssignmentSettingsValues {
  title: string;
  instructions: string;
  dueAt: string | null;
  revealMode: RevealMode;
}

/** "2026-03-12T17:00" in the browser's time zone, as a date-time field shows it. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Creates an assignment from a comparison (with `choices`: sources, fact rows, tags), or
 * changes the settings of one (`assignmentId`). The date-time field holds local time; the
 * browser turns it into an exact moment before sending.
 */
export function AssignmentForm({
  workspace, comparison, choices, assignmentId, initial,
}: {
  workspace: string;
  comparison?: string;
  choices?: AssignmentFormChoices;
  assignmentId?: string;
  initial?: AssignmentSettingsValues;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const localDue = useBrowserValue(() => (initial?.dueAt ? toLocalInput(initial.dueAt) : ""), "");
  const prefix = assignmentId ? "edit" : "new";

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const due = String(data.get("dueAt") ?? "");
    const dueDate = due ? new Date(due) : null;
    const settings = {
      title: data.get("title"),
      instructions: data.get("instructions"),
      dueAt: dueDate && !Number.isNaN(dueDate.getTime()) ? dueDate.toISOString() : due,
      revealMode: data.get("revealMode"),
    };
    startTransition(async () => {
      if (assignmentId) {
        const answer = await updateAssignmentAction(workspace, assignmentId, settings);
        setResult(answer.ok ? { ok: true, message: "Saved." } : { ok: false, message: answer.message });
        return;
      }
      const answer = await createAssignmentAction(workspace, comparison ?? "", {
        ...settings,
        sourceIds: data.getAll("sourceIds"),
        factRowIds: data.getAll("factRowIds"),
        tagIds: data.getAll("tagIds"),
      });
      if (answer.ok) router.push(`/w/${workspace}/a/${answer.data.id}`);
      else setResult({ ok: false, message: answer.message });
    });
  }

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit(event.currentTarget);
      }}
    >
      <div className="field">
        <label htmlFor={`${prefix}-title`}>Title</label>
        <input id={`${prefix}-title`} name="title" type="text" required maxLength={160} defaultValue={initial?.title} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-instructions`}>Instructions (optional)</label>
        <textarea id={`${prefix}-instructions`} name="instructions" rows={4} maxLength={5000} defaultValue={initial?.instructions} />
      </div>
      {choices ? (
        <div className={styles.formGrid}>
          <fieldset className={styles.choices}>
            <legend>Sources students annotate</legend>
            {choices.sources.map((s) => (
              <label key={s.id} className="check">
                <input type="checkbox" name="sourceIds" value={s.id} defaultChecked /> {s.label}
              </label>
            ))}
          </fieldset>
          <fieldset className={styles.choices}>
            <legend>Fact rows to point them to (optional)</legend>
            {choices.factRows.length === 0 ? <p className="meta">This comparison has no fact rows.</p> : null}
            {choices.factRows.map((f) => (
              <label key={f.id} className="check">
                <input type="checkbox" name="factRowIds" value={f.id} /> {f.label}
              </label>
            ))}
          </fieldset>
        </div>
      ) : null}
      {choices ? (
        <fieldset className={styles.choices}>
          <legend>Tags students may use</legend>
          {choices.tagSets.map((set) => (
            <fieldset key={set.id} className={styles.choices}>
              <legend className="meta">{set.name}</legend>
              <div className={styles.tagChoices}>
                {set.tags.map((t) => (
                  <label key={t.id} className="check" title={t.description ?? undefined}>
                    <input type="checkbox" name="tagIds" value={t.id} /> {t.name}
                  </label>
                ))}
              </div>
            </fieldset>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${prefix}-due`}>Due (optional, your local time)</label>
        <input key={localDue} id={`${prefix}-due`} name="dueAt" type="datetime-local" className={styles.dateInput} defaultValue={localDue} />
      </div>
      <fieldset className={styles.choices}>
        <legend>When students see each other&apos;s work and the key</legend>
        {(Object.keys(REVEAL_MODE_LABELS) as RevealMode[]).map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name="revealMode" value={mode} defaultChecked={(initial?.revealMode ?? "AFTER_SUBMIT") === mode} /> {REVEAL_MODE_LABELS[mode]}
            <span className="meta"> · {REVEAL_MODE_HINTS[mode]}</span>
          </label>
        ))}
      </fieldset>
      {result ? (
        <p role={result.ok ? "status" : "alert"} className={`notice ${result.ok ? "notice--success" : "notice--error"}`}>
          {result.message}
        </p>
      ) : null}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Saving…" : assignmentId ? "Save settings" : "Create assignment"}
        </button>
      </div>
    </form>
  );
}
