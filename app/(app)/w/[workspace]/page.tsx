import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import type { Role, WorkspaceKind } from "@/lib/generated/prisma/enums";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { canEditComparisons, ROLE_LABELS } from "@/lib/server/permissions";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { findOwnJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { formatDate } from "@/lib/format";
import { ClassHome } from "./class-home";
import { WaitingForAdmission } from "./waiting-for-admission";
import { CreateComparisonForm } from "./create-comparison-form";
import { WorkspaceTabs } from "./workspace-tabs";

type Params = { params: Promise<{ workspace: string }> };

export const metadata: Metadata = { title: "Workspace" };

function WorkspaceHeader({ workspace }: { workspace: { slug: string; name: string; kind: WorkspaceKind; role: Role } }) {
  return (
    <>
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }]} />
      <div className="page-header">
        <div>
          <h1><UserText>{workspace.name}</UserText></h1>
          <p>
            {workspace.kind === "CLASS" ? "A class. " : null}You are <span className="badge badge--accent">{ROLE_LABELS[workspace.role]}</span> here.
          </p>
        </div>
      </div>
      <WorkspaceTabs slug={workspace.slug} kind={workspace.kind} role={workspace.role} />
    </>
  );
}

/**
 * A team's comparisons, or a class's home (assignments; for teachers also the join code and
 * comparisons). Someone who asked to join the class and is not admitted yet is told so.
 */
export default async function WorkspacePage({ params }: Params) {
  const { workspace: slug } = await params;
  const user = await requireSessionUser(`/w/${slug}`);
  const [waiting] = await findOwnJoinRequests(user, { workspaceSlug: slug });
  if (waiting) return <WaitingForAdmission request={waiting} />;
  const found = await orNotFound(getWorkspaceBySlug(user, slug));
  if (found.kind === "CLASS") {
    return (
      <div className="page">
        <WorkspaceHeader workspace={found} />
        <ClassHome user={user} slug={found.slug} joinCode={found.joinCode} />
      </div>
    );
  }
  const { workspace, comparisons } = await orNotFound(findComparisons(user, slug));
  return (
    <div className="page">
      <WorkspaceHeader workspace={workspace} />
      {comparisons.length === 0 ? (
        <p className="card empty">This workspace has no comparisons yet.</p>
      ) : (
        <ul className="grid plain-list" aria-label="Comparisons">
          {comparisons.map((comparison) => (
            <li key={comparison.id}>
              <Link href={`/w/${workspace.slug}/c/${comparison.slug}`} className="card tile">
                <h3><UserText>{comparison.title}</UserText></h3>
                {comparison.description ? <p className="meta">{comparison.description}</p> : null}
                <ul className="meta-list">
                  {comparison.eventDate ? <li>Event {formatDate(comparison.eventDate)}</li> : null}
                  <li>{comparison._count.sources} sources</li>
                  <li>{comparison._count.factRows} fact rows</li>
                  <li>{comparison._count.annotations} annotations</li>
                </ul>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {canEditComparisons(workspace.role) ? (
        <section className="card" style={{ marginTop: "2rem" }} aria-labelledby="new-comparison">
          <h2 id="new-comparison">New comparison</h2>
          <p className="meta">One event or story; you add the outlets' articles next.</p>
          <CreateComparisonForm workspace={workspace.slug} />
        </section>
      ) : null}
    </div>
  );
}
