import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";

export const RELATION_TYPE_NAME_MAX = 60;

export const ZCreateRelation = z.object({
  fromId: z.string().min(1).describe("The annotation the relation starts from, e.g. the claim"),
  toId: z.string().min(1).describe("The annotation it points to, e.g. the evidence; may be in another source of the comparison"),
  typeId: z.string().min(1, "Choose a relation type.").describe("One of the comparison's relation types"),
});
export type TCreateRelation = z.infer<typeof ZCreateRelation>;

export const ZUpdateRelation = z.object({
  version: z.number().int().positive().describe("The version the change is based on"),
  typeId: z.string().min(1).optional().describe("The new relation type"),
  reverse: z.boolean().optional().describe("true swaps its two ends"),
});
export type TUpdateRelation = z.infer<typeof ZUpdateRelation>;

export const ZDeleteRelation = z.object({ version: z.number().int().positive() });

export const ZRelationFilters = z.object({
  annotationId: z.string().min(1).optional().describe("Only relations that start or end at this annotation"),
});

export const ZRelationTypeName = z
  .string({ error: "Give the relation type a name." })
  .superRefine(refuseUnsafeCharacters("line", "relation type name"))
  .normalize("NFC")
  .overwrite((name) => name.replace(/\s+/g, " ").trim())
  .min(1, "Give the relation type a name.")
  .max(RELATION_TYPE_NAME_MAX, `Keep the name under ${RELATION_TYPE_NAME_MAX} characters.`);

export const ZCreateRelationType = z.object({ name: ZRelationTypeName });

export const ZUpdateRelationType = z.object({
  name: ZRelationTypeName.optional(),
  retired: z.boolean().optional().describe("Retired types stay on existing relations but are not offered for new ones"),
});
