"use server";

import { revalidatePath } from "next/cache";
import { userAction, userCall } from "@/lib/server/action";
import { createAssignment } from "@/lib/server/services/assignments/create-assignment";
import { reopenSubmission, submitAssignment } from "@/lib/server/services/assignments/submit-assignment";
import { setAssignmentRevealed, updateAssignmentSettings } from "@/lib/server/services/assignments/update-assignment";

// Calls rather than form actions: a failed form action resets the form, and these forms
// carry many checkboxes a teacher should not have to tick again.
export const createAssignmentAction = userCall((user, workspaceSlug: string, comparisonSlug: string, input: unknown) =>
  createAssignment(user, workspaceSlug, comparisonSlug, input),
);

export const updateAssignmentAction = userCall(async (user, workspaceSlug: string, assignmentId: string, input: unknown) => {
  const updated = await updateAssignmentSettings(user, workspaceSlug, assignmentId, input);
  revalidatePath(`/w/${workspaceSlug}/a/${assignmentId}`);
  return updated;
});

function target(form: FormData) {
  return { workspace: String(form.get("workspace") ?? ""), assignment: String(form.get("assignment") ?? "") };
}

export const submitAssignmentAction = userAction(async (user, form) => {
  const { workspace, assignment } = target(form);
  await submitAssignment(user, workspace, assignment);
  revalidatePath(`/w/${workspace}`, "layout");
  return { ok: true, message: "Submitted. Your work is locked now." };
});

export const reopenSubmissionAction = userAction(async (user, form) => {
  const { workspace, assignment } = target(form);
  await reopenSubmission(user, workspace, assignment, String(form.get("student") ?? ""));
  revalidatePath(`/w/${workspace}/a/${assignment}`);
  return { ok: true, message: "Reopened: the student can change their work and submit again." };
});

export const revealAssignmentAction = userAction(async (user, form) => {
  const { workspace, assignment } = target(form);
  const revealed = form.get("revealed") === "true";
  await setAssignmentRevealed(user, workspace, assignment, revealed);
  revalidatePath(`/w/${workspace}`, "layout");
  return { ok: true, message: revealed ? "Revealed: every student now sees the class's work and the key." : "Hidden again." };
});
