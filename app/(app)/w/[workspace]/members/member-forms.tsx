"use client";

import { useActionState } from "react";
import { CopyField } from "@/app/_components/copy-field";
import { FormMessage, SubmitButton, TextField } from "@/app/_components/form-controls";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, withdrawInvitationAction } from "./actions";

type RoleOption = { value: string; label: string };

export function InviteMemberForm({ workspaceSlug, roles }: { workspaceSlug: string; roles: RoleOption[] }) {
  const [state, action] = useActionState(inviteMemberAction, null);
  const roleError = state && !state.ok ? state.fieldErrors?.role : undefined;
  return (
    <form className="form" action={action} noValidate>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <div className="form--inline">
        <TextField name="email" label="Email" type="email" state={state} required />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="REVIEWER" aria-invalid={roleError ? true : undefined}>
            {roles.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
      </div>
      <FormMessage state={state} />
      {state?.ok && state.link ? <CopyField id="invitation-link" label="Invitation link" value={state.link} /> : null}
    </form>
  );
}

export function WithdrawInvitationButton({ workspaceSlug, invitationId, email }: { workspaceSlug: string; invitationId: string; email: string }) {
  const [state, action] = useActionState(withdrawInvitationAction, null);
  return (
    <form action={action} className="form--inline" style={{ gap: "0.5rem", alignItems: "center" }}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton pendingLabel="Withdrawing…" className="button button--quiet button--small">
        Withdraw<span className="visually-hidden"> the invitation of {email}</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function MemberRoleForm({
  workspaceSlug, membershipId, role, roles, memberName,
}: { workspaceSlug: string; membershipId: string; role: string; roles: RoleOption[]; memberName: string }) {
  const [state, action] = useActionState(changeMemberRoleAction, null);
  const id = `role-${membershipId}`;
  return (
    <form action={action} className="form--inline" style={{ gap: "0.5rem", alignItems: "center" }}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={id} className="visually-hidden">
        Role of {memberName}
      </label>
      <select id={id} name="role" defaultValue={role}>
        {roles.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <SubmitButton pendingLabel="Saving…" className="button button--quiet button--small">
        Change role<span className="visually-hidden"> of {memberName}</span>
      </SubmitButton>
      {state ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RemoveMemberButton({ workspaceSlug, membershipId, memberName }: { workspaceSlug: string; membershipId: string; memberName: string }) {
  const [state, action] = useActionState(removeMemberAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${memberName} from this workspace? Their annotations stay.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <SubmitButton pendingLabel="Removing…" className="button button--danger button--small">
        Remove<span className="visually-hidden"> {memberName}</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}
