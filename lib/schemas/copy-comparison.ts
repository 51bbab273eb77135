import { z } from "./zod";

/** Copy to workspace: a comparison into another workspace the actor edits. */
export const ZCopyComparison = z.object({
  targetWorkspaceSlug: z.string().trim().min(1, "Choose the workspace to copy into.").describe("Slug of the workspace that receives the copy"),
  annotations: z
    .enum(["none", "copy", "key", "curated-key"])
    .default("none")
    .describe("Leave the annotations out, copy them, or (into a class) make them, or the comparison's curated layer (curated-key), the key of a new assignment"),
});
export type TCopyComparison = z.infer<typeof ZCopyComparison>;
