import Link from "next/link";
import { CopyField } from "@/app/_components/copy-field";
import { LocalTime } from "@/app/_components/local-time";
import { UserText } from "@/app/_components/user-text";
import { formatJoinCode } from "@/lib/domain/classroom/join-code";
import { REVEAL_MODE_LABELS } from "@/lib/domain/classroom/reveal";
import { SUBMISSION_STATUS_LABELS, type SubmissionStatus } from "@/lib/domain/classroom/submission-status";
import type { SessionUser } from "@/lib/server/auth/session";
import { canTeach } from "@/lib/server/permissions";
import { findAssignments } from "@/lib/server/services/assignments/find-assignments";
import { findJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import styles from "./a/classroom.module.css";
import { CreateComparisonForm } from "./create-comparison-form";
import { RegenerateJoinCodeButton } from "./class-forms";

export function StatusBadge({ status }: { status: SubmissionStatus }) {
  return <span className={`${styles.status} ${styles[`status-${status}`]}`}>{SUBMISSION_STATUS_LABELS[status]}</span>;
}

/** The first two cells of an assignment's row: its title (a link) and when it is due. */
function AssignmentCells({ slug, assignment }: { slug: string; assignment: { id: string; title: string; dueAt: Date | null } }) {
  return (
    <>
      <td>
        <Link href={`/w/${slug}/a/${assignment.id}`}><UserText>{assignment.title}</UserText></Link>
      </td>
      <td>{assignment.dueAt ? <LocalTime date={assignment.dueAt} /> : "No due date"}</td>
    </>
  );
}

/** A class's home: for students, their assignments; for teachers, the join code, assignments and comparisons. */
export async function ClassHome({ user, slug, joinCode }: { user: SessionUser; slug: string; joinCode: string | null }) {
  const { workspace, assignments, students } = await findAssignments(user, slug);
  if (!canTeach(workspace.role)) {
    return (
      <section aria-labelledby="my-assignments">
        <h2 id="my-assignments">My assignments</h2>
        {assignments.length === 0 ? (
          <p className="card empty">No assignments yet. Your teacher&apos;s assignments appear here.</p>
        ) : (
          <div className="card">
            <table className="table">
              <caption className="visually-hidden">Your assignments</caption>
              <thead>
                <tr>
                  <th scope="col">Assignment</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                  <th scope="col"><span className="visually-hidden">Results</span></th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <AssignmentCells slug={slug} assignment={a} />
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td>{a.revealed ? <Link href={`/w/${slug}/a/${a.id}/results`}>See results</Link> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    );
  }

  const [{ comparisons }, waiting] = await Promise.all([findComparisons(user, slug), findJoinRequests(user, slug)]);
  return (
    <>
      {waiting.length > 0 ? (
        <p className="notice notice--info" role="status">
          {waiting.length === 1 ? "1 person is" : `${waiting.length} people are`} waiting to join the class:{" "}
          <Link href={`/w/${slug}/members`}>admit or refuse them on the roster</Link>.
        </p>
      ) : null}
      {joinCode ? (
        <section className="card" aria-labelledby="join">
          <h2 id="join">Students join with this code</h2>
          <div className={styles.joinGrid}>
            <p className={styles.joinCode}>{formatJoinCode(joinCode)}</p>
            <CopyField id="join-link" label="Or send them this link" value={`/join/${formatJoinCode(joinCode)}`} />
          </div>
          <p className="meta">
            They type the code under <em>Join a class</em> on their Workspaces page, or open the link; without an account they create one
            there, and wait until you admit them on the roster. {students} {students === 1 ? "student has" : "students have"} joined.
          </p>
          <RegenerateJoinCodeButton workspace={slug} />
        </section>
      ) : null}

      <section className="card" aria-labelledby="assignments">
        <h2 id="assignments">Assignments</h2>
        {assignments.length === 0 ? (
          <p className="meta">No assignments yet. Create a comparison below, add its articles, then make an assignment from it.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Assignments of {workspace.name}</caption>
            <thead>
              <tr>
                <th scope="col">Assignment</th>
                <th scope="col">Due</th>
                <th scope="col">Comparison</th>
                <th scope="col">Work revealed</th>
                <th scope="col" className={styles.number}>Submitted</th>
              </tr>
            </thead>
            <tbody>
              {assignments.map((a) => (
                <tr key={a.id}>
                  <AssignmentCells slug={slug} assignment={a} />
                  <td><UserText>{a.comparison.title}</UserText></td>
                  <td>{REVEAL_MODE_LABELS[a.revealMode]}</td>
                  <td className={styles.number}>
                    {a.submitted} of {students}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="card" aria-labelledby="comparisons">
        <h2 id="comparisons">Comparisons</h2>
        {comparisons.length === 0 ? (
          <p className="meta">No comparisons yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">Comparisons of {workspace.name}</caption>
            <thead>
              <tr>
                <th scope="col">Comparison</th>
                <th scope="col" className={styles.number}>Sources</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {comparisons.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link href={`/w/${slug}/c/${c.slug}`}><UserText>{c.title}</UserText></Link>
                  </td>
                  <td className={styles.number}>{c._count.sources}</td>
                  <td>
                    {c._count.sources > 0 ? (
                      <Link className="button button--quiet button--small" href={`/w/${slug}/a/new?comparison=${c.slug}`}>
                        New assignment<span className="visually-hidden"> from {c.title}</span>
                      </Link>
                    ) : (
                      <Link href={`/w/${slug}/c/${c.slug}/sources`}>Add articles first</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h3 style={{ marginTop: "1.5rem" }}>New comparison</h3>
        <CreateComparisonForm workspace={slug} />
      </section>
    </>
  );
}
