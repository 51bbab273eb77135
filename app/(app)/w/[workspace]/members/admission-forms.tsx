"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { admitAllStudentsAction, admitStudentAction, refuseStudentAction } from "./admission-actions";

type Request = { workspaceSlug: string; requestId: string; name: string };

export function AdmitStudentButton({ workspaceSlug, requestId, name }: Request) {
  const [state, action] = useActionState(admitStudentAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton pendingLabel="Admitting…" className="button button--small">
        Admit<span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RefuseStudentButton({ workspaceSlug, requestId, name }: Request) {
  const [state, action] = useActionState(refuseStudentAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton pendingLabel="Refusing…" className="button button--danger button--small">
        Refuse<span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

/** Admits everyone the roster lists as waiting, and nobody who asked after the page was loaded. */
export function AdmitAllButton({ workspaceSlug, requestIds }: { workspaceSlug: string; requestIds: string[] }) {
  const [state, action] = useActionState(admitAllStudentsAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      {requestIds.map((id) => (
        <input key={id} type="hidden" name="requestId" value={id} />
      ))}
      <SubmitButton pendingLabel="Admitting…">Admit all ({requestIds.length})</SubmitButton>
      {state ? <FormMessage state={state} /> : null}
    </form>
  );
}
