import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";

export const ZResolveDisagreement = z
  .object({
    sourceId: z.string().min(1),
    tagSetId: z.string().min(1),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
    kind: z.enum(["ACCEPTED", "MERGED", "RESOLVED"], { error: "Choose how to settle it: accept one version, merge, or mark resolved." }),
    acceptedCoderId: z.string().optional().describe("For ACCEPTED: the reviewer whose version stands"),
    note: z.string().superRefine(refuseUnsafeCharacters("prose", "note")).trim().max(2000, "Keep the note under 2,000 characters.").optional(),
  })
  .refine((r) => r.kind !== "ACCEPTED" || Boolean(r.acceptedCoderId), {
    message: "Say whose version to accept.",
    path: ["acceptedCoderId"],
  });

const position = (what: string) => z.number({ error: `${what} must be a number.` }).int(`${what} must be a whole number.`);

/**
 * The `agreement` command's input: a continuum, the number of raters and their units. Raters
 * are indices `0 … raters − 1`, or names (each distinct name one rater, at most `raters`).
 */
export const ZUnitizingStudyFile = z.object({
  continuum: z.object({
    begin: position("continuum.begin").describe("First position of the continuum"),
    length: position("continuum.length").positive("continuum.length must be positive.").describe("Number of positions"),
  }),
  raters: position("raters").min(2, "αU needs at least 2 raters.").describe("R: how many raters unitized the continuum"),
  units: z.array(
    z.object({
      rater: z.union([z.number().int().nonnegative(), z.string().min(1)], { error: "rater must be an index (0, 1, …) or a name." }),
      begin: position("begin"),
      length: position("length").nonnegative("length must not be negative."),
      category: z.string({ error: "category must be a string." }).min(1, "category must not be empty."),
    }),
  ),
});
export type TUnitizingStudyFile = z.infer<typeof ZUnitizingStudyFile>;
