import type { Score } from "@/lib/domain/classroom/scoring";
import styles from "../classroom.module.css";

export function percent(value: number | null): string {
  return value === null ? "—" : `${Math.round(value * 100)}%`;
}

/** Precision, recall and F1 as three large figures. */
export function ScoreFigures({ score }: { score: Score }) {
  return (
    <dl className={styles.figures}>
      <div>
        <dt>Precision</dt>
        <dd>{percent(score.precision)}</dd>
      </div>
      <div>
        <dt>Recall</dt>
        <dd>{percent(score.recall)}</dd>
      </div>
      <div>
        <dt>F1</dt>
        <dd>{percent(score.f1)}</dd>
      </div>
    </dl>
  );
}

/** What the figures mean, in plain words, wherever they are shown. */
export function ScoreDefinitions() {
  return (
    <details>
      <summary>How these figures are measured</summary>
      <p>
        Everything is counted in words, tag by tag: a word counts as tagged when a highlight touches any part of it. A word tagged
        &ldquo;Loaded language&rdquo; by both the student and the key is a <strong>match</strong>.
      </p>
      <ul>
        <li>
          <strong>Precision</strong>: of the words the student tagged, the share the key tags the same way. Low precision means tagging
          too much, or with the wrong tags.
        </li>
        <li>
          <strong>Recall</strong>: of the words the key tags, the share the student found with the same tag. Low recall means missing
          things.
        </li>
        <li>
          <strong>F1</strong>: one figure balancing the two (their harmonic mean); 100% only when both are.
        </li>
      </ul>
      <p className="meta">A dash means there is nothing to measure yet: no tagged words, or no key.</p>
    </details>
  );
}
