import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { UserText } from "@/app/_components/user-text";
import { NO_VALUE } from "@/lib/domain/agreement";
import { REVEAL_MODE_LABELS } from "@/lib/domain/classroom/reveal";
import type { AssignmentDashboard } from "@/lib/server/services/assignments/get-assignment-dashboard";
import { StatusBadge } from "../../class-home";
import { AssignmentForm } from "../assignment-form";
import styles from "../classroom.module.css";
import { ReopenButton, RevealButton } from "./assignment-forms";
import { HeatTable, HeatText } from "./highlighted-text";
import { percent, ScoreDefinitions } from "./score-figures";

function alphaText(alpha: number | null, status: string) {
  if (alpha !== null) return alpha.toFixed(2);
  return status === "insufficient-data" ? "— (needs two students' work)" : "— (no variation yet)";
}

/** A teacher's page for one assignment: progress, scores, agreement, heat map, confusion, reveal and settings. */
export function Dashboard({ dashboard }: { dashboard: AssignmentDashboard }) {
  const { assignment, material, students, agreement } = dashboard;
  const target = { workspace: assignment.workspace.slug, assignment: assignment.id };
  const tagName = (id: string) => (id === NO_VALUE ? "No tag" : (material.tags.find((t) => t.id === id)?.name ?? "?"));
  const keyTags = [...material.tags.map((t) => t.id), NO_VALUE].filter((id) => dashboard.confusion.some((c) => c.keyTag === id));
  const answerTags = [...material.tags.map((t) => t.id), NO_VALUE].filter((id) => dashboard.confusion.some((c) => c.answerTag === id));
  const submitted = students.filter((s) => s.submittedAt).length;
  return (
    <>
      <div className={styles.header}>
        <div>
          <h1><UserText>{assignment.title}</UserText></h1>
          <p className="meta">
            From <Link href={`/w/${target.workspace}/c/${assignment.comparison.slug}`}><UserText>{assignment.comparison.title}</UserText></Link> ·{" "}
            {assignment.dueAt ? <>Due <LocalTime date={assignment.dueAt} /></> : "No due date"} · {submitted} of {students.length} submitted
          </p>
        </div>
        <div className={styles.actions}>
          <Link className="button" href={`/w/${target.workspace}/a/${assignment.id}/key`}>
            {dashboard.hasKey ? "Edit the key" : "Write the key"}
          </Link>
          <a className="button button--quiet" href={`/api/assignments/${assignment.id}/grades`} download>
            Download grades (CSV)
          </a>
        </div>
      </div>

      <section className="card" aria-labelledby="reveal">
        <h2 id="reveal">Reveal</h2>
        <p>
          Students see each other&apos;s work and the key: <strong>{REVEAL_MODE_LABELS[assignment.revealMode].toLowerCase()}</strong>.
          {assignment.revealMode === "MANUAL" ? (assignment.revealedAt ? " It is revealed now." : " It is hidden now.") : null}
        </p>
        {assignment.revealMode === "MANUAL" ? <RevealButton {...target} revealed={assignment.revealedAt !== null} /> : null}
        {!dashboard.hasKey ? <p className="notice notice--info">There is no key yet, so there are no scores: write the key to score the class.</p> : null}
      </section>

      <section className="card" aria-labelledby="students">
        <h2 id="students">Students</h2>
        {students.length === 0 ? (
          <p className="meta">No students have joined the class yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Each student&apos;s status, when they first saw the key, and their score against the key</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                <th scope="col">Status</th>
                <th scope="col">Saw the key</th>
                <th scope="col" className={styles.number}>Annotations</th>
                <th scope="col" className={styles.number}>Precision</th>
                <th scope="col" className={styles.number}>Recall</th>
                <th scope="col" className={styles.number}>F1</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className={styles.rowHeader}>{s.name}</th>
                  <td>
                    <StatusBadge status={s.status} />
                    {s.submittedAt ? <span className="meta"> <LocalTime date={s.submittedAt} /></span> : null}
                  </td>
                  <td>{s.keySeenAt ? <LocalTime date={s.keySeenAt} /> : <span className="meta">Not yet</span>}</td>
                  <td className={styles.number}>{s.annotations}</td>
                  <td className={styles.number}>{percent(s.score.precision)}</td>
                  <td className={styles.number}>{percent(s.score.recall)}</td>
                  <td className={styles.number}>{percent(s.score.f1)}</td>
                  <td>
                    <div className={styles.actions}>
                      <Link href={`/w/${target.workspace}/a/${assignment.id}/results?student=${s.id}`}>
                        Results<span className="visually-hidden"> of {s.name}</span>
                      </Link>
                      {s.submittedAt ? <ReopenButton {...target} student={s.id} studentName={s.name} /> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <ScoreDefinitions />
      </section>

      <section className="card" aria-labelledby="agreement">
        <h2 id="agreement">Class agreement</h2>
        <p>
          Krippendorff&apos;s alpha between the {agreement.coders} students who annotated, over every word of the sources (a word&apos;s
          value is the tag a student gave it, or none): <strong>{alphaText(agreement.combined.alpha, agreement.combined.status)}</strong>. 1
          means they tagged exactly alike, 0 no better than chance.
        </p>
        {agreement.perTag.length > 0 ? (
          <table className="table">
            <caption className="visually-hidden">Agreement per tag</caption>
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col" className={styles.number}>Alpha</th>
              </tr>
            </thead>
            <tbody>
              {agreement.perTag.map((t) => (
                <tr key={t.value}>
                  <th scope="row" className={styles.rowHeader}>{tagName(t.value)}</th>
                  <td className={styles.number}>{alphaText(t.alpha, t.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>

      <section className="card" aria-labelledby="heat">
        <h2 id="heat">What the class tagged where</h2>
        <p className="meta">The darker the highlight, the more students tagged those words. The table under each source lists the same.</p>
        {dashboard.heat.map(({ source, runs, classSize }) => (
          <article key={source.id} className={styles.block}>
            <h3><UserText>{source.outlet}</UserText>: <UserText>{source.title}</UserText></h3>
            <HeatText text={source.text} runs={runs} classSize={students.length || classSize} label={`Class heat map of ${source.outlet}`} />
            <details>
              <summary>As a table</summary>
              <HeatTable text={source.text} runs={runs} classSize={students.length || classSize} tags={material.tags} caption={`What the class tagged in ${source.outlet}`} />
            </details>
          </article>
        ))}
      </section>

      <section className="card" aria-labelledby="confusion">
        <h2 id="confusion">Students&apos; tags against the key</h2>
        <p className="meta">
          Words counted over all students: each row is what the key says, each column what a student said. The diagonal is agreement;
          &ldquo;No tag&rdquo; collects missed words (row) and words the key leaves untagged (column).
        </p>
        {dashboard.confusion.length === 0 ? (
          <p className="meta">Nothing to compare yet.</p>
        ) : (
          <table className={`table ${styles.confusion}`}>
            <caption className="visually-hidden">Words by the key&apos;s tag (rows) and the students&apos; tag (columns)</caption>
            <thead>
              <tr>
                <th scope="col">Key ↓ / students →</th>
                {answerTags.map((id) => (
                  <th key={id} scope="col" className={styles.number}>{tagName(id)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {keyTags.map((keyTag) => (
                <tr key={keyTag}>
                  <th scope="row" className={styles.rowHeader}>{tagName(keyTag)}</th>
                  {answerTags.map((answerTag) => (
                    <td key={answerTag} className={styles.number}>
                      {dashboard.confusion.find((c) => c.keyTag === keyTag && c.answerTag === answerTag)?.words ?? (keyTag === NO_VALUE && answerTag === NO_VALUE ? "" : 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="settings">
        <h2 id="settings">Settings</h2>
        <p className="meta">Sources and tags stay as they were chosen, so students&apos; work keeps its meaning.</p>
        <AssignmentForm
          workspace={target.workspace}
          assignmentId={assignment.id}
          initial={{ title: assignment.title, instructions: assignment.instructions ?? "", dueAt: assignment.dueAt?.toISOString() ?? null, revealMode: assignment.revealMode }}
        />
      </section>
    </>
  );
}
