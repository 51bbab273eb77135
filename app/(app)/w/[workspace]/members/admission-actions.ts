"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/server/action";
import { admitStudents, refuseStudent } from "@/lib/server/services/classes/admit-students";

function workspaceOf(form: FormData): string {
  return String(form.get("workspace") ?? "");
}

export const admitStudentAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  await admitStudents(user, slug, { requestIds: [String(form.get("requestId") ?? "")] });
  revalidatePath(`/w/${slug}/members`);
  return { ok: true, message: "Admitted: they now see the class's assignments." };
});

// "Admit all" posts the ids the roster listed, so nobody who asked after the page loaded gets in unseen.
export const admitAllStudentsAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  const { admitted } = await admitStudents(user, slug, { requestIds: form.getAll("requestId").map(String) });
  revalidatePath(`/w/${slug}/members`);
  return { ok: true, message: admitted === 1 ? "1 student admitted." : `${admitted} students admitted.` };
});

export const refuseStudentAction = userAction(async (user, form) => {
  const slug = workspaceOf(form);
  await refuseStudent(user, slug, { requestId: form.get("requestId") });
  revalidatePath(`/w/${slug}/members`);
  return { ok: true, message: "Refused: they see nothing of the class." };
});
