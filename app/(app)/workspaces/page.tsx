import type { Metadata } from "next";
import Link from "next/link";
import { UserText } from "@/app/_components/user-text";
import { requireSessionUser } from "@/lib/server/auth/session";
import { ROLE_LABELS } from "@/lib/server/permissions";
import { findOwnJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { findWorkspaces } from "@/lib/server/services/workspaces/find-workspaces";
import { CreateWorkspaceForm } from "./create-workspace-form";
import { JoinClassForm } from "@/app/join/join-forms";

export const metadata: Metadata = { title: "Workspaces" };

export default async function WorkspacesPage() {
  const user = await requireSessionUser("/workspaces");
  const [workspaces, waiting] = await Promise.all([findWorkspaces(user), findOwnJoinRequests(user)]);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Workspaces</h1>
          <p>Teams and classes you belong to.</p>
        </div>
      </div>
      {workspaces.length === 0 ? (
        <p className="card empty">You are not in any workspace yet. Create one below, join a class with its code, or ask an owner to invite you.</p>
      ) : (
        <ul className="grid plain-list" aria-label="Your workspaces">
          {workspaces.map((workspace) => (
            <li key={workspace.id}>
              <Link href={`/w/${workspace.slug}`} className="card tile">
                <h3><UserText>{workspace.name}</UserText></h3>
                <ul className="meta-list">
                  <li>
                    <span className="badge badge--accent">{ROLE_LABELS[workspace.role]}</span>
                  </li>
                  {workspace.kind === "CLASS" ? <li>Class</li> : null}
                  <li>
                    {workspace.comparisonCount} {workspace.comparisonCount === 1 ? "comparison" : "comparisons"}
                  </li>
                  <li>
                    {workspace.memberCount} {workspace.memberCount === 1 ? "member" : "members"}
                  </li>
                </ul>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 ? (
        <section className="card" style={{ marginTop: "2rem" }} aria-labelledby="waiting">
          <h2 id="waiting">Waiting for a teacher</h2>
          <p className="meta">You asked to join these classes; you see them once a teacher admits you.</p>
          <ul>
            {waiting.map((request) => (
              <li key={request.slug}>
                <Link href={`/w/${request.slug}`}>{request.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" style={{ marginTop: "2rem" }} aria-labelledby="join-class">
        <h2 id="join-class">Join a class</h2>
        <p className="meta">Type the code your teacher gave you.</p>
        <JoinClassForm />
      </section>
      <section className="card" aria-labelledby="new-workspace">
        <h2 id="new-workspace">New workspace</h2>
        <p className="meta">A team for a newsroom desk or research group, where you invite others; or a class you teach, which students join with a code.</p>
        <CreateWorkspaceForm />
      </section>
    </div>
  );
}
