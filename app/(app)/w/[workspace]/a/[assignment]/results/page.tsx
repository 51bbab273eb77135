import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { findingsAgainstKey } from "@/lib/domain/classroom/findings";
import { getAssignmentResults } from "@/lib/server/services/assignments/get-assignment-results";
import styles from "../../classroom.module.css";
import { FindingLink } from "../finding-link";
import { HeatTable, HeatText, HighlightedText } from "../highlighted-text";
import { percent, ScoreDefinitions, ScoreFigures } from "../score-figures";

type Props = { params: Promise<{ workspace: string; assignment: string }>; searchParams: Promise<{ student?: string }> };

export const metadata: Metadata = { title: "Results" };

/** After the reveal: a student's spans beside the key and the class heat map, their scores, and the key's explanations. */
export default async function ResultsPage({ params, searchParams }: Props) {
  const { workspace: slug, assignment: assignmentId } = await params;
  const { student } = await searchParams;
  const base = `/w/${slug}/a/${assignmentId}`;
  const user = await requireSessionUser(`${base}/results`);
  const results = await orNotFound(getAssignmentResults(user, slug, assignmentId, student));
  const { assignment } = results;
  const own = results.student.id === user.id;
  const crumbs = [
    { href: "/workspaces", label: "Workspaces" },
    { href: `/w/${slug}`, label: assignment.workspace.name },
    { href: base, label: assignment.title },
  ];
  if (!results.revealed) {
    return (
      <div className="page page--narrow">
        <Breadcrumbs items={crumbs} />
        <h1>Results: <UserText>{assignment.title}</UserText></h1>
        <p className="notice notice--info">
          The class&apos;s work and the key are not revealed to you yet.{" "}
          {assignment.revealMode === "AFTER_SUBMIT" ? "You see them once you have submitted your work." : assignment.revealMode === "AT_DUE_DATE" ? "You see them once the due date has passed." : "Your teacher reveals them."}
        </p>
        <p>
          <Link href={base}>Back to the assignment</Link>
        </p>
      </div>
    );
  }
  const { material, texts, score } = results;
  const tagName = (id: string) => material.tags.find((t) => t.id === id)?.name ?? "?";
  const whose = own ? "Your" : `${results.student.name}'s`;
  const findings = texts.flatMap((t) =>
    findingsAgainstKey(t.own, t.key).map((f) => ({ ...f, source: t.source, quote: t.source.text.slice(f.start, f.end) })),
  );
  const toLook = findings.filter((f) => f.kind !== "found");
  const found = findings.filter((f) => f.kind === "found");
  const missedCount = findings.filter((f) => f.kind === "missed").length;
  const keyCount = texts.reduce((n, t) => n + t.key.length, 0);
  const findingLink = (f: (typeof findings)[number]) => (
    <FindingLink target={`${f.kind === "missed" ? "key" : "own"}-${f.source.id}-${f.spanId}`}>
      <q>{f.quote}</q>
    </FindingLink>
  );
  return (
    <div className="page page--wide">
      <Breadcrumbs items={crumbs} />
      <div className="page-header">
        <div>
          <h1>Results: <UserText>{assignment.title}</UserText></h1>
          <p>{own ? "Your annotations beside the key and what the whole class tagged." : `${results.student.name}'s annotations beside the key and the class.`}</p>
        </div>
      </div>

      <section className="card" aria-labelledby="score">
        <h2 id="score">{own ? "Your score against the key" : "Score against the key"}</h2>
        {results.hasKey ? (
          <>
            <ScoreFigures score={score.overall} />
            <p>
              {own ? "You found" : `${results.student.name} found`} {keyCount - missedCount} of the key&apos;s {keyCount} {keyCount === 1 ? "passage" : "passages"}
              {toLook.length > missedCount ? `; ${toLook.length - missedCount} of ${own ? "yours" : "theirs"} the key does not tag that way` : ""}.
            </p>
          </>
        ) : (
          <p className="notice notice--info">Your teacher has not written a key for this assignment, so there is no score.</p>
        )}
        {toLook.length > 0 ? (
          <>
            <h3 id="to-look-at">What to look at</h3>
            <ul className={styles.findings} aria-labelledby="to-look-at">
              {toLook.map((f) => (
                <li key={`${f.kind}-${f.spanId}`}>
                  <span className={`${styles.finding} ${styles[`finding-${f.kind}`]}`}>{f.kind === "missed" ? "Missed" : "Not in the key"}</span>{" "}
                  {findingLink(f)} — {f.tagIds.map(tagName).join(", ")} · <UserText>{f.source.outlet}</UserText>
                </li>
              ))}
            </ul>
          </>
        ) : results.hasKey ? (
          <p className="notice notice--success">Nothing missed and nothing extra: every passage matches the key.</p>
        ) : null}
        {found.length > 0 ? (
          <details>
            <summary>What {own ? "you" : results.student.name} found ({found.length})</summary>
            <ul className={styles.findings}>
              {found.map((f) => (
                <li key={f.spanId}>
                  {findingLink(f)} — {f.tagIds.map(tagName).join(", ")} · <UserText>{f.source.outlet}</UserText>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <ScoreDefinitions />
        {results.hasKey ? (
          <details>
            <summary>Score by tag</summary>
            <table className="table">
              <caption className={styles.caption}>By tag</caption>
              <thead>
                <tr>
                  <th scope="col">Tag</th>
                  <th scope="col" className={styles.number}>Words in the key</th>
                  <th scope="col" className={styles.number}>Words tagged</th>
                  <th scope="col" className={styles.number}>Matches</th>
                  <th scope="col" className={styles.number}>Precision</th>
                  <th scope="col" className={styles.number}>Recall</th>
                  <th scope="col" className={styles.number}>F1</th>
                </tr>
              </thead>
              <tbody>
                {score.perTag.map((t) => (
                  <tr key={t.tagId}>
                    <th scope="row" className={styles.rowHeader}>{tagName(t.tagId)}</th>
                    <td className={styles.number}>{t.expected}</td>
                    <td className={styles.number}>{t.answered}</td>
                    <td className={styles.number}>{t.matched}</td>
                    <td className={styles.number}>{percent(t.precision)}</td>
                    <td className={styles.number}>{percent(t.recall)}</td>
                    <td className={styles.number}>{percent(t.f1)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ) : null}
      </section>

      {texts.map((t) => (
        <details key={t.source.id} className={`card ${styles.section}`}>
          <summary>
            <h2 id={`source-${t.source.id}`}>
              <UserText>{t.source.outlet}</UserText>: <UserText>{t.source.title}</UserText>
            </h2>
            <span className="meta">{whose} annotations, the key&apos;s and the class&apos;s heat map</span>
          </summary>
          <div className={styles.compare}>
            <div>
              <h3>{own ? "Your annotations" : `${results.student.name}'s annotations`}</h3>
              <HighlightedText text={t.source.text} spans={t.own} tags={material.tags} label={`${whose} annotations in ${t.source.outlet}`} anchorPrefix={`own-${t.source.id}`} />
            </div>
            <div>
              <h3>The key</h3>
              <HighlightedText text={t.source.text} spans={t.key} tags={material.tags} label={`The key's annotations in ${t.source.outlet}`} anchorPrefix={`key-${t.source.id}`} />
            </div>
          </div>
          <h3 className={styles.block}>The class ({t.classSize} {t.classSize === 1 ? "student" : "students"} with work here)</h3>
          <HeatText text={t.source.text} runs={t.heat} classSize={t.classSize} label={`Class heat map of ${t.source.outlet}`} />
          <details>
            <summary>The class heat map as a table</summary>
            <HeatTable text={t.source.text} runs={t.heat} classSize={t.classSize} tags={material.tags} caption={`What the class tagged in ${t.source.outlet}`} />
          </details>
        </details>
      ))}

      <details className={`card ${styles.section}`}>
        <summary>
          <h2 id="why">Why the key tags these words</h2>
          <span className="meta">{results.keyNotes.length} {results.keyNotes.length === 1 ? "comment" : "comments"} from your teacher</span>
        </summary>
        {results.keyNotes.length === 0 ? (
          <p className="meta">The key has no comments.</p>
        ) : (
          <ul className={styles.facts}>
            {results.keyNotes.map((note) => (
              <li key={note.id}>
                <q>{note.exact}</q> — <strong>{note.tagIds.map(tagName).join(", ")}</strong>: {note.comment}
              </li>
            ))}
          </ul>
        )}
        <p className="meta">Tag colours: {material.tags.map((t) => (
          <span key={t.id} className="tag-chip" style={{ background: t.color, marginRight: "0.3rem" }}>{t.name}</span>
        ))}</p>
      </details>
    </div>
  );
}
