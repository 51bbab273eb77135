import type { Metadata } from "next";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { canTeach } from "@/lib/server/permissions";
import { getAssignmentDashboard } from "@/lib/server/services/assignments/get-assignment-dashboard";
import { findAnnotationWindow } from "@/lib/server/services/annotations/find-annotation-window";
import { getAssignmentWork } from "@/lib/server/services/assignments/get-assignment-work";
import { requireAssignment } from "@/lib/server/services/assignments/require-assignment";
import { ANNOTATION_PAGE_SIZE } from "../../c/[comparison]/annotate/annotate-types";
import { Dashboard } from "./dashboard";
import { StudentWork } from "./student-work";

type Props = { params: Promise<{ workspace: string; assignment: string }>; searchParams: Promise<{ source?: string }> };

export const metadata: Metadata = { title: "Assignment" };

/** Teachers get the assignment's dashboard; students do the work here. */
export default async function AssignmentPage({ params, searchParams }: Props) {
  const { workspace: slug, assignment: assignmentId } = await params;
  const { source } = await searchParams;
  const user = await requireSessionUser(`/w/${slug}/a/${assignmentId}`);
  const { assignment, role } = await orNotFound(requireAssignment(user, slug, assignmentId));
  const crumbs = [{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${slug}`, label: assignment.workspace.name }];
  if (canTeach(role)) {
    const dashboard = await orNotFound(getAssignmentDashboard(user, slug, assignmentId));
    return (
      <div className="page page--wide">
        <Breadcrumbs items={crumbs} />
        <Dashboard dashboard={dashboard} />
      </div>
    );
  }
  const work = await orNotFound(getAssignmentWork(user, slug, assignmentId, "student"));
  const initialSourceId = work.material.sources.some((s) => s.id === source) ? source! : work.material.sources[0]?.id;
  const initialWindow = initialSourceId
    ? await findAnnotationWindow(user, assignment.comparison.id, { sourceId: initialSourceId, assignmentId: assignment.id, onlyMine: true }, [0], ANNOTATION_PAGE_SIZE)
    : null;
  return (
    <div className="page page--wide">
      <Breadcrumbs items={crumbs} />
      {!initialSourceId || !initialWindow ? (
        <p className="card empty">This assignment has no sources to annotate yet.</p>
      ) : (
        <StudentWork user={user} work={work} initialSourceId={initialSourceId} initialWindow={initialWindow} />
      )}
    </div>
  );
}
