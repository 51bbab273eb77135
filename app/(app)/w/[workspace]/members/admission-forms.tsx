"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { admitAllStudentsAction, admitStudentAction, refuseStudentAction } from "./admission-actions";

type Request = { workspaceSlug: string; requestId: string; name: string };

const DECISIONS = {
  admit: { action: admitStudentAction, label: "Admit", pendingLabel: "Admitting…", className: "button button--small" },
  refuse: { action: refuseStudentAction, label: "Refuse", pendingLabel: "Refusing…", className: "button button--danger button--small" },
};

function DecisionButton({ decision, workspaceSlug, requestId, name }: Request & { decision: keyof typeof DECISIONS }) {
  const { action: decide, label, pendingLabel, className } = DECISIONS[decision];
  const [state, action] = useActionState(decide, null);
  return (
    <form action={action}>
      <input type="hidden" name="workspace" value={workspaceSlug} />
      <input type="hidden" name="requestId" value={requestId} />
      <SubmitButton pendingLabel={pendingLabel} className={className}>
        {label}<span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function AdmitStudentButton(request: Request) {
  return <DecisionButton decision="admit" {...request} />;
}

export function RefuseStudentButton(request: Request) {
  return <DecisionButton decision="refuse" {...request} />;
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
