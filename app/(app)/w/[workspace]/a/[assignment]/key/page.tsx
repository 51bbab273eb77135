import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { findAnnotationWindow } from "@/lib/server/services/annotations/find-annotation-window";
import { getAssignmentWork } from "@/lib/server/services/assignments/get-assignment-work";
import { ANNOTATION_PAGE_SIZE } from "../../../c/[comparison]/annotate/annotate-types";
import { Annotator } from "../../../c/[comparison]/annotate/annotator";

type Props = { params: Promise<{ workspace: string; assignment: string }>; searchParams: Promise<{ source?: string }> };

export const metadata: Metadata = { title: "Answer key" };

/** A teacher writes the assignment's key in the annotate view: their annotations here are the answers. */
export default async function KeyPage({ params, searchParams }: Props) {
  const { workspace: slug, assignment: assignmentId } = await params;
  const { source } = await searchParams;
  const base = `/w/${slug}/a/${assignmentId}`;
  const user = await requireSessionUser(`${base}/key`);
  const { assignment, material } = await orNotFound(getAssignmentWork(user, slug, assignmentId, "key"));
  const initialSourceId = material.sources.some((s) => s.id === source) ? source! : material.sources[0]?.id;
  const initialWindow = initialSourceId
    ? await findAnnotationWindow(user, assignment.comparison.id, { sourceId: initialSourceId, assignmentId: assignment.id, keyOnly: true }, [0], ANNOTATION_PAGE_SIZE)
    : null;
  return (
    <div className="page page--wide">
      <Breadcrumbs
        items={[
          { href: "/workspaces", label: "Workspaces" },
          { href: `/w/${slug}`, label: assignment.workspace.name },
          { href: base, label: assignment.title },
        ]}
      />
      <div className="page-header">
        <div>
          <h1>Answer key: <UserText>{assignment.title}</UserText></h1>
          <p>
            Tag what students should find, with the assignment&apos;s tags. Students are scored against these words; your comments explain
            each tag to them once the work is revealed. They never see the key before that.
          </p>
        </div>
        <Link className="button button--quiet" href={base}>
          Back to the assignment
        </Link>
      </div>
      {!initialSourceId || !initialWindow ? (
        <p className="card empty">This assignment has no sources.</p>
      ) : (
        <Annotator
          comparisonId={assignment.comparison.id}
          sources={material.sources}
          initialSourceId={initialSourceId}
          initialWindow={initialWindow}
          tagSets={material.tagSets}
          me={user}
          canAnnotate
          canModerate
          assignment={{ id: assignment.id, mode: "key" }}
        />
      )}
    </div>
  );
}
