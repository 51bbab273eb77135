import { z } from "zod";

/**
 * What changed in a comparison, for everyone watching it. Events carry ids only, never
 * content: a client that hears of a change re-fetches through the permission-checked
 * endpoints, so an event cannot show anyone what they may not see (a student's blind
 * annotation, a hidden reply). All it reveals is that something with that id changed.
 */
export const ZComparisonEvent = z.object({
  // Ids are cuids (25 characters); the caps bound every NOTIFY payload to a few hundred
  // bytes, far below Postgres' 8000-byte limit, whatever a caller passes.
  comparisonId: z.string().min(1).max(100).describe("The comparison the change belongs to"),
  type: z
    .enum(["annotation", "reply", "passage", "source", "fact-row", "source-progress", "relation", "curation"])
    .describe("What kind of thing changed; for source-progress (a reviewer marked a source done or undid it) and curation (an editor decided a span of its curated layer), the id is the source's"),
  id: z
    .string()
    .min(1)
    .max(100)
    .describe("The id of the thing that changed; for a reply, of the annotation whose thread changed (clients re-fetch the whole annotation)"),
  action: z.enum(["created", "updated", "deleted"]),
});
export type ComparisonEvent = z.infer<typeof ZComparisonEvent>;

export type ComparisonEventListener = (event: ComparisonEvent) => void;
