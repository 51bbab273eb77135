import { segmentText } from "@/lib/domain/highlight/segments";
import type { HeatRun } from "@/lib/domain/classroom/scoring";
import styles from "../classroom.module.css";

export interface TagLook {
  id: string;
  name: string;
  color: string;
}

/**
 * A text with spans marked in their first tag's colour; each mark names its tags. With
 * `anchorPrefix`, each span's first mark gets the id `<prefix>-<span id>` for links to it.
 */
export function HighlightedText({ text, spans, tags, label, anchorPrefix }: { text: string; spans: readonly { id: string; start: number; end: number; tagIds: readonly string[] }[]; tags: readonly TagLook[]; label: string; anchorPrefix?: string }) {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const tag = new Map(tags.map((t) => [t.id, t]));
  const anchored = new Set<string>();
  const anchorOf = (keys: readonly string[]) => {
    const first = anchorPrefix ? keys.find((k) => !anchored.has(k)) : undefined;
    if (!first) return undefined;
    anchored.add(first);
    return `${anchorPrefix}-${first}`;
  };
  return (
    <p className={styles.text} aria-label={label}>
      {segmentText(text, spans.map((s) => ({ start: s.start, end: s.end, key: s.id }))).map((segment) => {
        if (segment.keys.length === 0) return segment.text;
        const names = [...new Set(segment.keys.flatMap((k) => byId.get(k)?.tagIds ?? []))].map((id) => tag.get(id)?.name ?? "");
        const first = tag.get(byId.get(segment.keys.at(-1)!)?.tagIds[0] ?? "");
        return (
          <mark key={segment.start} id={anchorOf(segment.keys)} style={{ background: first?.color }} title={names.join(", ")}>
            {segment.text}
            <span className="visually-hidden"> ({names.join(", ")})</span>
          </mark>
        );
      })}
    </p>
  );
}

/** The class heat map of a text: the more students tagged a stretch, the darker it is. */
export function HeatText({ text, runs, classSize, label }: { text: string; runs: readonly HeatRun[]; classSize: number; label: string }) {
  const byStart = new Map(runs.map((r) => [String(r.start), r]));
  return (
    <p className={styles.text} aria-label={label}>
      {segmentText(text, runs.map((r) => ({ start: r.start, end: r.end, key: String(r.start) }))).map((segment) => {
        const run = segment.keys[0] ? byStart.get(segment.keys[0]) : undefined;
        if (!run) return segment.text;
        const share = classSize > 0 ? run.students / classSize : 0;
        return (
          <mark key={segment.start} className={styles.heat} style={{ "--heat": (0.12 + 0.5 * share).toFixed(2) } as React.CSSProperties} title={`${run.students} of ${classSize} students`}>
            {segment.text}
          </mark>
        );
      })}
    </p>
  );
}

/** The heat map as a table: each tagged stretch, how many students tagged it, and with what. */
export function HeatTable({ text, runs, classSize, tags, caption }: { text: string; runs: readonly HeatRun[]; classSize: number; tags: readonly TagLook[]; caption: string }) {
  const name = new Map(tags.map((t) => [t.id, t.name]));
  if (runs.length === 0) return <p className="meta">Nobody tagged anything in this source yet.</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Words</th>
          <th scope="col" className={styles.number}>Students</th>
          <th scope="col">Tags (students)</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.start}>
            <td>“{text.slice(run.start, run.end)}”</td>
            <td className={styles.number}>
              {run.students} of {classSize}
            </td>
            <td>{run.tags.map((t) => `${name.get(t.tagId) ?? "?"} (${t.students})`).join(", ")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
