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
