import { z } from "./zod";

export const ZProposalKind = z.object({
  sourceId: z.string().min(1).describe("The source whose open proposals to accept"),
  analyser: z.string().min(1).describe("Only this analyser's proposals"),
  tagId: z.string().min(1).describe("Only proposals carrying this tag"),
});
export type TProposalKind = z.infer<typeof ZProposalKind>;
