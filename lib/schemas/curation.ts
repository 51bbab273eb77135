import { ZComment } from "./annotation";
import { z } from "./zod";

export const ZCurateSpan = z
  .object({
    sourceId: z.string().min(1).max(100),
    start: z.number().int().nonnegative().describe("Start of a span some reviewer annotated (code points, current revision)"),
    end: z.number().int().positive(),
    verdict: z.enum(["ACCEPTED", "REJECTED"]).describe("ACCEPTED puts the span with `tagIds` in the curated layer; REJECTED keeps it out"),
    tagIds: z.array(z.string().min(1).max(100)).max(20, "Choose at most 20 tags.").default([]).describe("The curated tags: one version's, their union, or an edit"),
    comment: ZComment.optional(),
    version: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe("The verdict's version the decision is based on (0: the span was not curated yet); a decision on an older one is refused with 409. Omitted: no check"),
  })
  .refine((v) => v.end > v.start, { message: "The span must end after it starts.", path: ["end"] })
  .refine((v) => v.verdict === "REJECTED" || v.tagIds.length > 0, { message: "Choose at least one tag to accept the span with.", path: ["tagIds"] });
export type TCurateSpan = z.input<typeof ZCurateSpan>;
