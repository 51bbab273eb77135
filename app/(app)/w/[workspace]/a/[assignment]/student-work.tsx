import Link from "next/link";
import { LocalTime } from "@/app/_components/local-time";
import { UserText } from "@/app/_components/user-text";
import type { SessionUser } from "@/lib/server/auth/session";
import type { AssignmentWork } from "@/lib/server/services/assignments/get-assignment-work";
import { Annotator } from "../../c/[comparison]/annotate/annotator";
import type { AnnotationWindowData } from "../../c/[comparison]/annotate/use-annotation-window";
import { StatusBadge } from "../../class-home";
import styles from "../classroom.module.css";
import { SubmitAssignmentButton } from "./assignment-forms";

/** A student's assignment: instructions, facts to look at, the annotate view with the assignment's tags, and Submit. */
export function StudentWork({
  user, work, initialSourceId, initialWindow,
}: { user: SessionUser; work: AssignmentWork; initialSourceId: string; initialWindow: AnnotationWindowData }) {
  const { assignment, material, submission } = work;
  const target = { workspace: assignment.workspace.slug, assignment: assignment.id };
  return (
    <>
      <div className={styles.header}>
        <div>
          <h1><UserText>{assignment.title}</UserText></h1>
          <p className="meta">
            <StatusBadge status={submission.status} /> {assignment.dueAt ? <>Due <LocalTime date={assignment.dueAt} /></> : "No due date"}
            {submission.submittedAt ? <> · Submitted <LocalTime date={submission.submittedAt} /></> : null}
          </p>
        </div>
        <div className={styles.actions}>
          {submission.revealed ? (
            <Link className="button" href={`/w/${target.workspace}/a/${assignment.id}/results`}>
              See the results
            </Link>
          ) : null}
          {!submission.lock.locked ? <SubmitAssignmentButton {...target} /> : null}
        </div>
      </div>
      {submission.lock.locked ? (
        <p className="notice notice--info" role="status">
          {submission.lock.reason}
        </p>
      ) : (
        <p className="meta">
          Nobody else sees your annotations until the work is revealed: {submission.revealed ? "it is revealed now" : "you see only your own"}. Add at
          least one annotation before you submit: empty work cannot be submitted, and does not open the key or your classmates&apos; work.
        </p>
      )}
      {assignment.instructions || material.factRows.length > 0 ? (
        <section className="card" aria-labelledby="instructions">
          <h2 id="instructions">Instructions</h2>
          {assignment.instructions ? <p className={styles.instructions}>{assignment.instructions}</p> : null}
          {material.factRows.length > 0 ? (
            <>
              <h3>Facts to compare</h3>
              <ol className={styles.facts}>
                {material.factRows.map((row) => (
                  <li key={row.id}>
                    <strong><UserText>{row.label}</UserText></strong>
                    <ul>
                      {row.passages.map((p) => (
                        <li key={p.sourceId}>
                          {p.outlet}: <q>{p.exact}</q>
                        </li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}
      <Annotator
        comparisonId={assignment.comparison.id}
        sources={material.sources}
        initialSourceId={initialSourceId}
        initialWindow={initialWindow}
        tagSets={material.tagSets}
        me={user}
        canAnnotate={!submission.lock.locked}
        canModerate={false}
        assignment={{ id: assignment.id, mode: "student" }}
      />
    </>
  );
}
