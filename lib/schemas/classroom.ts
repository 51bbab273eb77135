import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";

export const REVEAL_MODES = ["AFTER_SUBMIT", "AT_DUE_DATE", "MANUAL"] as const;

const ZIds = (what: string) => z.array(z.string().min(1)).max(500, `Choose at most 500 ${what}.`);

/** A due date as an ISO 8601 date-time with a zone ("2026-03-12T16:00:00.000Z"), or empty for none. */
export const ZDueDate = z
  .string()
  .trim()
  .transform((value) => value || null)
  .pipe(z.iso.datetime({ offset: true, error: "Enter the due date as a date and time, e.g. 2026-03-12 17:00." }).nullable())
  .transform((value) => (value ? new Date(value) : null));

const ZAssignmentSettings = z.object({
  title: z.string().superRefine(refuseUnsafeCharacters("line", "title")).trim().min(3, "Give the assignment a title of at least 3 characters.").max(160, "Use at most 160 characters for the title."),
  instructions: z
    .string()
    .superRefine(refuseUnsafeCharacters("prose", "instructions"))
    .trim()
    .max(5000, "Keep the instructions under 5,000 characters.")
    .transform((value) => value || null)
    .describe("What students should look for"),
  dueAt: ZDueDate.describe("When the work is due; empty for no due date"),
  revealMode: z.enum(REVEAL_MODES, { error: "Choose when students see each other's work and the key." }),
});

function dueDateFitsRevealMode<T extends { dueAt: Date | null; revealMode: (typeof REVEAL_MODES)[number] }>(settings: T) {
  return settings.revealMode !== "AT_DUE_DATE" || settings.dueAt !== null;
}
const DUE_DATE_NEEDED = { message: "Set a due date, or choose another time to reveal the work.", path: ["dueAt"] };

export const ZCreateAssignment = ZAssignmentSettings.extend({
  sourceIds: ZIds("sources").min(1, "Choose at least one source for students to annotate."),
  factRowIds: ZIds("fact rows").default([]).describe("Fact rows to point students to"),
  tagIds: ZIds("tags").min(1, "Choose at least one tag students may use."),
}).refine(dueDateFitsRevealMode, DUE_DATE_NEEDED);
export type TCreateAssignment = z.infer<typeof ZCreateAssignment>;

export const ZUpdateAssignment = ZAssignmentSettings.refine(dueDateFitsRevealMode, DUE_DATE_NEEDED);
export type TUpdateAssignment = z.infer<typeof ZUpdateAssignment>;

export const ZAdmitStudents = z.object({
  requestIds: z
    .array(z.string().min(1))
    .min(1, "Choose someone to admit.")
    .max(500, "Admit at most 500 students at once.")
    .describe("Requests to join to accept, as listed on the roster"),
});
export type TAdmitStudents = z.infer<typeof ZAdmitStudents>;

export const ZRefuseStudent = z.object({
  requestId: z.string().min(1).describe("Request to join to refuse"),
});
export type TRefuseStudent = z.infer<typeof ZRefuseStudent>;
