import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";

export const CLAIM_STATUSES = ["UNVERIFIED", "SUPPORTED", "DISPUTED", "FALSE"] as const;

export const ZClaim = z
  .object({
    asserter: z.enum(["OUTLET", "QUOTED_PARTY"], { error: "Say who asserts the claim: the outlet, or a quoted party." }).describe("Who asserts the claim"),
    assertedBy: z.string().superRefine(refuseUnsafeCharacters("line", "name of who asserts it")).trim().max(200, "Use at most 200 characters for who asserts it.").optional().describe("The quoted party, e.g. “the Pentagon”"),
    status: z.enum(CLAIM_STATUSES, { error: "Choose a status: unverified, supported, disputed or false." }).default("UNVERIFIED"),
    evidence: z
      .array(z.url({ protocol: /^https?$/, error: "Evidence links must be web addresses starting with http:// or https://." }))
      .max(10, "Give at most 10 evidence links.")
      .default([])
      .describe("Links that support or refute the claim"),
  })
  .refine((claim) => claim.asserter === "OUTLET" || Boolean(claim.assertedBy), {
    message: "Name the quoted party that asserts the claim.",
    path: ["assertedBy"],
  });
export type TClaim = z.infer<typeof ZClaim>;

export const ZComment = z.string().superRefine(refuseUnsafeCharacters("prose", "comment")).trim().max(5000, "Keep the comment under 5,000 characters.");

export const ZCreateAnnotation = z.object({
  sourceId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  revisionNumber: z.number().int().positive().describe("The revision the offsets refer to"),
  tagIds: z.array(z.string().min(1)).min(1, "Choose at least one tag.").max(20, "Choose at most 20 tags."),
  comment: ZComment.optional(),
  claim: ZClaim.nullish().describe("Present when the annotation marks a claim"),
  assignmentId: z.string().min(1).optional().describe("In a class: the assignment this is work for (a teacher's annotation there belongs to the key)"),
});
export type TCreateAnnotation = z.infer<typeof ZCreateAnnotation>;

export const ZUpdateAnnotation = z.object({
  version: z.number().int().positive().describe("The version the edit is based on"),
  tagIds: z.array(z.string().min(1)).min(1, "Choose at least one tag.").max(20).optional(),
  comment: ZComment.nullish(),
  claim: ZClaim.nullish().describe("null removes the claim"),
  resolved: z.boolean().optional(),
});
export type TUpdateAnnotation = z.infer<typeof ZUpdateAnnotation>;

export const ZReattachAnnotation = z.object({
  version: z.number().int().positive(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  revisionNumber: z.number().int().positive(),
});

/** Clearing the "text changed — check the tags" mark once the tags have been checked. */
export const ZClearTextChanged = z.object({
  version: z.number().int().positive().describe("The annotation version the user saw the mark on."),
});

export const ZHideAnnotation = z.object({
  reason: z.string().superRefine(refuseUnsafeCharacters("prose", "reason")).trim().min(3, "Give a reason for hiding it (at least 3 characters).").max(500),
});

export const ZReply = z.object({
  body: z.string().superRefine(refuseUnsafeCharacters("prose", "reply")).trim().min(1, "Write a reply first.").max(5000, "Keep the reply under 5,000 characters."),
});

export const ZAnnotationFilters = z.object({
  sourceId: z.string().optional(),
  authorId: z.string().optional(),
  tagId: z.string().optional(),
  claimStatus: z.enum(CLAIM_STATUSES).optional(),
  unresolved: z.coerce.boolean().optional(),
  orphaned: z.coerce.boolean().optional(),
  assignmentId: z.string().optional().describe("Only the work for this assignment (students' and the key)"),
  cursor: z.string().optional().describe("The id after which the next page starts"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAnnotationFilters = z.infer<typeof ZAnnotationFilters>;

/** What the annotate view shows of one source: its annotations under the view's scope and filters. */
export const ZAnnotationQuery = z.object({
  sourceId: z.string().min(1),
  assignmentId: z.string().optional().describe("Only the work for this assignment (students' and the key)"),
  onlyMine: z.boolean().optional().describe("Only the acting user's own annotations (a student's work view)"),
  keyOnly: z.boolean().optional().describe("Only the teacher's key of the assignment"),
  authorId: z.string().optional(),
  tagId: z.string().optional(),
  claimStatus: z.enum(CLAIM_STATUSES).optional(),
  unresolved: z.boolean().optional(),
});
export type TAnnotationQuery = z.infer<typeof ZAnnotationQuery>;

/** One page of the annotate view's list, by position in text order (the list is virtualised by row index). */
export const ZAnnotationPage = z.object({
  offset: z.number().int().nonnegative().describe("How many annotations in text order come before the page"),
  limit: z.number().int().min(1).max(100).default(50),
  orphaned: z.boolean().default(false).describe("The orphaned annotations instead of the placed ones"),
});

/** The pages of placed annotations to send with an overview (the rows in view), numbered from 0. */
export const ZAnnotationWindowPages = z.array(z.number().int().nonnegative()).max(8).default([0]);
