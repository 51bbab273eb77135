import { z } from "./zod";

export const ZSetSourceDone = z.object({
  sourceId: z.string().min(1).max(100).describe("The source of the comparison to mark"),
  done: z.boolean().describe("true marks the source done for the acting reviewer; false undoes the mark"),
});
export type TSetSourceDone = z.infer<typeof ZSetSourceDone>;
