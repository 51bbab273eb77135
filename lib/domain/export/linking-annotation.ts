import type { ExportedRelation } from "./types";
import { EXPORT_CONTEXT, type JsonObject } from "./web-annotation";

/**
 * A relation as a W3C Web Annotation with motivation `linking` whose targets are the two
 * annotations' IRIs, from first. A JSON-LD list is an unordered set, so the direction is
 * also said by `parallax:relationFrom` and `parallax:relationTo`; the type is a classifying
 * body with its name, and its stable key for the default types. docs/export.md shows one.
 */
export function toLinkingAnnotation(
  r: ExportedRelation,
  iris: { relation(id: string): string; annotation(id: string): string; creator(id: string): string },
): JsonObject {
  const from = iris.annotation(r.fromId);
  const to = iris.annotation(r.toId);
  return {
    "@context": EXPORT_CONTEXT,
    id: iris.relation(r.id),
    type: "Annotation",
    motivation: "linking",
    created: r.created.toISOString(),
    modified: r.modified.toISOString(),
    creator: { id: iris.creator(r.author.id), type: "Person", name: r.author.name },
    body: { type: "TextualBody", purpose: "classifying", value: r.type.name, ...(r.type.key ? { "parallax:relationType": r.type.key } : {}) },
    target: [from, to],
    "parallax:relationFrom": from,
    "parallax:relationTo": to,
  };
}
