import { describe, expect, it } from "vitest";
import { mustFailures } from "@/tests/helpers/w3c-annotation-model";
import { toLinkingAnnotation } from "./linking-annotation";
import { readWebAnnotations } from "./read-web-annotations";
import type { WebAnnotationUrls } from "./web-annotation";

const urls: WebAnnotationUrls = {
  annotation: (id) => `http://localhost:3000/api/comparisons/c1/annotations/${id}`,
  source: (id, revision) => `http://localhost:3000/w/desk/c/story/sources/${id}?revision=${revision}`,
  creator: (id) => `http://localhost:3000/w/desk/members#user-${id}`,
};

describe("toLinkingAnnotation", () => {
  const relation = {
    id: "rel1",
    fromId: "ann1",
    toId: "ann2",
    type: { key: "evidence", name: "has evidence" },
    author: { id: "u1", name: "Dana Demo" },
    created: new Date("2025-10-14T08:00:00Z"),
    modified: new Date("2025-10-14T09:00:00Z"),
  };
  const iris = { ...urls, relation: (id: string) => `http://localhost:3000/api/comparisons/c1/relations/${id}` };

  it("links the two annotations' IRIs, from first, with the type as a classifying body", () => {
    const linking = toLinkingAnnotation(relation, iris);
    expect(linking).toMatchObject({
      id: "http://localhost:3000/api/comparisons/c1/relations/rel1",
      type: "Annotation",
      motivation: "linking",
      target: [urls.annotation("ann1"), urls.annotation("ann2")],
      "parallax:relationFrom": urls.annotation("ann1"),
      "parallax:relationTo": urls.annotation("ann2"),
      body: { type: "TextualBody", purpose: "classifying", value: "has evidence", "parallax:relationType": "evidence" },
    });
    expect(mustFailures(linking)).toEqual([]);
  });

  it("reads back as a relation, whatever order the targets come in", () => {
    const linking = toLinkingAnnotation({ ...relation, type: { key: null, name: "paraphrases" } }, iris);
    const [read] = readWebAnnotations({ ...linking, target: [urls.annotation("ann2"), urls.annotation("ann1")] });
    expect(read?.relation).toEqual({ from: urls.annotation("ann1"), to: urls.annotation("ann2"), type: "paraphrases", key: null });
    const [plain] = readWebAnnotations({ type: "Annotation", motivation: "linking", body: { type: "TextualBody", value: "same as" }, target: ["https://a.example/x", "https://a.example/y"] });
    expect(plain?.relation).toEqual({ from: "https://a.example/x", to: "https://a.example/y", type: "same as", key: null });
  });
});
