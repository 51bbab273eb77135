"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/app/_components/form-controls";
import { reopenSubmissionAction, revealAssignmentAction, submitAssignmentAction } from "../actions";

type Target = { workspace: string; assignment: string };

function Hidden({ workspace, assignment }: Target) {
  return (
    <>
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="assignment" value={assignment} />
    </>
  );
}

export function SubmitAssignmentButton(target: Target) {
  const [state, action] = useActionState(submitAssignmentAction, null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm("Submit your work? You cannot change it afterwards unless your teacher reopens it.")) event.preventDefault();
      }}
    >
      <Hidden {...target} />
      <SubmitButton pendingLabel="Submitting…">Submit my work</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ReopenButton({ student, studentName, ...target }: Target & { student: string; studentName: string }) {
  const [state, action] = useActionState(reopenSubmissionAction, null);
  return (
    <form action={action}>
      <Hidden {...target} />
      <input type="hidden" name="student" value={student} />
      <SubmitButton pendingLabel="Reopening…" className="button button--quiet button--small">
        Reopen<span className="visually-hidden"> {studentName}&apos;s work</span>
      </SubmitButton>
      {state && !state.ok ? <FormMessage state={state} /> : null}
    </form>
  );
}

export function RevealButton({ revealed, ...target }: Target & { revealed: boolean }) {
  const [state, action] = useActionState(revealAssignmentAction, null);
  return (
    <form action={action}>
      <Hidden {...target} />
      <input type="hidden" name="revealed" value={String(!revealed)} />
      <SubmitButton pendingLabel="Saving…" className={revealed ? "button button--quiet" : "button"}>
        {revealed ? "Hide again" : "Reveal now"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
