"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { acceptInvitationAction } from "./actions";

export function AcceptInvitationForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [state, action] = useActionState(acceptInvitationAction, null);
  return (
    <form className="form" action={action} noValidate>
      <input type="hidden" name="token" value={token} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pendingLabel="Joining…">Join {workspaceName}</SubmitButton>
      </div>
    </form>
  );
}
