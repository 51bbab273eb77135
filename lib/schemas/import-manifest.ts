import { z } from "./zod";

/**
 * manifest.json beside a folder of articles (the format of shared/corpus): which outlet
 * published each file and when. Unknown fields are ignored; only `file` is required.
 */
export const ZImportManifest = z.object({
  collection: z.string().optional().describe("Name of the collection, used as the new comparison's title"),
  note: z.string().optional(),
  documents: z
    .array(
      z.object({
        file: z.string().min(1).describe("File name inside the folder"),
        title: z.string().optional(),
        outlet: z.string().optional(),
        author: z.string().optional(),
        url: z.string().optional(),
        published: z.string().optional().describe("Starts with YYYY-MM-DD when the day is known"),
      }),
    )
    .default([]),
});
export type TImportManifest = z.infer<typeof ZImportManifest>;
