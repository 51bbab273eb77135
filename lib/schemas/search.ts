import { CLAIM_STATUSES } from "./annotation";
import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give a date as YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "That is not a date.");

// A form left blank sends "": it means "any".
const blankAsAny = (value: unknown) => (value === "" ? undefined : value);

/** A search of a workspace's annotations: words, and filters that narrow them. */
export const ZSearchAnnotations = z.object({
  q: z.preprocess(
    blankAsAny,
    z.string().superRefine(refuseUnsafeCharacters("prose", "search")).trim().max(200, "Keep the search under 200 characters.").optional(),
  ).describe('Words to find in the span\'s text or the comment ("quoted phrase", -excluded, or)'),
  tag: z.preprocess(blankAsAny, z.string().max(200).optional()).describe("A tag's name (the same name in every comparison)"),
  author: z.preprocess(blankAsAny, z.string().max(100).optional()).describe("The author's user id"),
  claim: z.preprocess(blankAsAny, z.enum([...CLAIM_STATUSES, "ANY"]).optional()).describe("Only claims, of this status (ANY: every claim)"),
  outlet: z.preprocess(blankAsAny, z.string().max(100).optional()).describe("The outlet's id"),
  from: z.preprocess(blankAsAny, day.optional()).describe("Annotated on or after this day (UTC)"),
  to: z.preprocess(blankAsAny, day.optional()).describe("Annotated on or before this day (UTC)"),
  page: z.preprocess(blankAsAny, z.coerce.number().int().min(1).max(10_000).default(1)),
});
export type TSearchAnnotations = z.infer<typeof ZSearchAnnotations>;
