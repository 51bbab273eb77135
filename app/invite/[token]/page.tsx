import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/app/(auth)/sign-up/sign-up-form";
import { formatDate } from "@/lib/format";
import { getSessionUser } from "@/lib/server/auth/session";
import { ROLE_LABELS } from "@/lib/server/permissions";
import { findInvitationByToken, INVITATION_CLOSED, INVITATION_UNKNOWN } from "@/lib/server/services/invitations/accept-invitation";
import { invitationPath } from "@/lib/server/services/invitations/invitation-token";
import { AcceptInvitationForm } from "../accept-invitation-form";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

/**
 * An invitation link. Signed out: create an account (or sign in), which comes back here;
 * signed in: join with one click. A used, withdrawn or expired link says which, and why.
 */
export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const invitation = await findInvitationByToken(token);
  if (!invitation || invitation.status !== "open") {
    return (
      <>
        <h1>Invitation</h1>
        <p className="notice notice--error" role="alert">
          {invitation ? INVITATION_CLOSED[invitation.status] : INVITATION_UNKNOWN}
        </p>
        <p>
          <Link href="/workspaces">Go to your workspaces</Link>
        </p>
      </>
    );
  }
  const path = invitationPath(token);
  const role = ROLE_LABELS[invitation.role].toLowerCase();
  const invited = (
    <p>
      {invitation.invitedBy} invited {invitation.email} to join <strong>{invitation.workspace.name}</strong> as {role}. This link works once,
      until {formatDate(invitation.expiresAt)}.
    </p>
  );
  const user = await getSessionUser();
  if (!user) {
    return (
      <>
        <h1>Join {invitation.workspace.name}</h1>
        {invited}
        <p>Create your account, then join.</p>
        <SignUpForm next={path} />
        <p className="auth__alt">
          Already have an account? <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}>Sign in to join</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Join {invitation.workspace.name}</h1>
      {invited}
      <p>
        You are signed in as {user.name} ({user.email}).
      </p>
      <AcceptInvitationForm token={token} workspaceName={invitation.workspace.name} />
    </>
  );
}
