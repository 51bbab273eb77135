import type { Metadata } from "next";
import { Breadcrumbs } from "@/app/_components/breadcrumbs";
import { UserText } from "@/app/_components/user-text";
import { LocalTime } from "@/app/_components/local-time";
import { requireSessionUser } from "@/lib/server/auth/session";
import { orNotFound } from "@/lib/server/page";
import { canManageMembers, ROLE_DESCRIPTIONS, ROLE_LABELS, WORKSPACE_ROLES } from "@/lib/server/permissions";
import { findJoinRequests } from "@/lib/server/services/classes/find-join-requests";
import { findMembers } from "@/lib/server/services/members/find-members";
import { formatDate } from "@/lib/format";
import { WorkspaceTabs } from "../workspace-tabs";
import { AdmitAllButton, AdmitStudentButton, RefuseStudentButton } from "./admission-forms";
import { InviteMemberForm, MemberRoleForm, RemoveMemberButton, WithdrawInvitationButton } from "./member-forms";
import { ResetPasswordButton } from "./reset-password-button";

type Params = { params: Promise<{ workspace: string }> };

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: Params) {
  const { workspace: slug } = await params;
  const user = await requireSessionUser(`/w/${slug}/members`);
  const [{ workspace, members, invitations }, joinRequests] = await orNotFound(Promise.all([findMembers(user, slug), findJoinRequests(user, slug)]));
  const manage = canManageMembers(workspace.role);
  const isClass = workspace.kind === "CLASS";
  const roles = WORKSPACE_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
  return (
    <div className="page">
      <Breadcrumbs items={[{ href: "/workspaces", label: "Workspaces" }, { href: `/w/${workspace.slug}`, label: workspace.name }]} />
      <div className="page-header">
        <div>
          <h1>{isClass ? "Roster" : "Members"}</h1>
          <p>
            {isClass
              ? "The class's teachers and students. Students ask to join with the class code and see nothing of the class until you admit them; a student who forgot their password gets a new one here."
              : manage
                ? "Invite people and choose what they may do."
                : "Who works in this workspace."}
          </p>
        </div>
      </div>
      <WorkspaceTabs slug={workspace.slug} kind={workspace.kind} role={workspace.role} />
      {isClass && manage ? (
        <section className="card" aria-labelledby="waiting">
          <h2 id="waiting">Waiting to join</h2>
          {joinRequests.length === 0 ? (
            <p className="meta">Nobody is waiting. Whoever uses the class code appears here, and sees nothing of the class until you admit them.</p>
          ) : (
            <>
              <p className="meta">They used the class code. Admit only the people you expect: an admitted student sees the assignments and, once revealed, the key and classmates&apos; work.</p>
              <table className="table">
                <caption className="visually-hidden">People waiting to join {workspace.name}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Email</th>
                    <th scope="col">Asked</th>
                    <th scope="col"><span className="visually-hidden">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {joinRequests.map((request) => (
                    <tr key={request.id}>
                      <td>{request.user.name}</td>
                      <td>{request.user.email}</td>
                      <td><LocalTime date={request.createdAt} /></td>
                      <td>
                        <div className="form--inline" style={{ alignItems: "flex-start" }}>
                          <AdmitStudentButton workspaceSlug={workspace.slug} requestId={request.id} name={request.user.name} />
                          <RefuseStudentButton workspaceSlug={workspace.slug} requestId={request.id} name={request.user.name} />
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {joinRequests.length > 1 ? <AdmitAllButton workspaceSlug={workspace.slug} requestIds={joinRequests.map((r) => r.id)} /> : null}
            </>
          )}
        </section>
      ) : null}
      <div className="card">
        <table className="table">
          <caption className="visually-hidden">Members of {workspace.name}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Member since</th>
              {manage ? <th scope="col"><span className="visually-hidden">Actions</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id} id={`user-${member.user.id}`}>
                <td>
                  <UserText>{member.user.name}</UserText>
                  {member.user.id === user.id ? <span className="meta"> (you)</span> : null}
                </td>
                <td>{member.user.email}</td>
                <td>
                  {manage && !isClass ? (
                    <MemberRoleForm workspaceSlug={workspace.slug} membershipId={member.id} role={member.role} roles={roles} memberName={member.user.name} />
                  ) : (
                    ROLE_LABELS[member.role]
                  )}
                </td>
                <td>{formatDate(member.createdAt)}</td>
                {manage ? (
                  <td>
                    <div className="form--inline" style={{ alignItems: "flex-start" }}>
                      {isClass && member.role === "STUDENT" ? (
                        <ResetPasswordButton workspaceSlug={workspace.slug} membershipId={member.id} memberName={member.user.name} />
                      ) : null}
                      <RemoveMemberButton workspaceSlug={workspace.slug} membershipId={member.id} memberName={member.user.name} />
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invitations.length > 0 ? (
        <section className="card" aria-labelledby="pending">
          <h2 id="pending">Pending invitations</h2>
          <p className="meta">
            Each invitation is a link that works once: whoever opens it signs in or creates an account, then joins with the role given.
            Withdraw one to make its link stop working; invite the same address again for a new link.
          </p>
          <ul>
            {invitations.map((invitation) => (
              <li key={invitation.id} className="form--inline" style={{ alignItems: "center" }}>
                <span>
                  {invitation.email}, as {ROLE_LABELS[invitation.role]} (invited {formatDate(invitation.createdAt)};{" "}
                  {invitation.expired ? "expired" : "expires"} {formatDate(invitation.expiresAt)})
                </span>
                {manage ? <WithdrawInvitationButton workspaceSlug={workspace.slug} invitationId={invitation.id} email={invitation.email} /> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {manage && !isClass ? (
        <section className="card" aria-labelledby="invite">
          <h2 id="invite">Invite someone</h2>
          <InviteMemberForm workspaceSlug={workspace.slug} roles={roles} />
          <dl className="meta" style={{ marginTop: "1rem" }}>
            {WORKSPACE_ROLES.map((role) => (
              <div key={role}>
                <dt style={{ display: "inline", fontWeight: 600 }}>{ROLE_LABELS[role]}: </dt>
                <dd style={{ display: "inline", margin: 0 }}>{ROLE_DESCRIPTIONS[role]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </div>
  );
}
