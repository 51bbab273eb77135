import { describe, expect, it } from "vitest";
import { readWebAnnotations, readWebAnnotationsAt } from "./read-web-annotations";
import { AnnotationFileSyntaxError, splitAnnotationFile, type AnnotationFilePart } from "./split-annotation-file";

const annotation = (n: number) => ({
  type: "Annotation",
  body: { type: "TextualBody", purpose: "tagging", value: `Tag ${n}` },
  target: { source: "https://example.org/a", selector: { type: "TextQuoteSelector", exact: `words ${n}` } },
});
const page = (from: number, count: number, extra: Record<string, unknown> = {}) => ({
  type: "AnnotationPage",
  items: Array.from({ length: count }, (_, i) => annotation(from + i)),
  ...extra,
});

/** The text in chunks of `size` characters, as a file read in small pieces would arrive. */
async function* chunked(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function split(text: string, size = 7): Promise<AnnotationFilePart[]> {
  const parts: AnnotationFilePart[] = [];
  for await (const part of splitAnnotationFile(chunked(text, size))) parts.push(part);
  return parts;
}

describe("splitAnnotationFile", () => {
  it.each([
    ["a top-level array", [annotation(1), annotation(2), page(3, 2)], ["$[0]", "$[1]", "$[2]", "$"]],
    ["an AnnotationPage", page(1, 3), ["$.items[0]", "$.items[1]", "$.items[2]", "$"]],
    ["a collection with a first page and a next page", { type: "AnnotationCollection", first: page(1, 2, { next: page(3, 2) }) }, ["$.first.items[0]", "$.first.items[1]", "$"]],
    ["a single annotation", annotation(1), ["$"]],
    ["a page whose type comes after its items", { items: [annotation(1)], type: "AnnotationPage" }, ["$"]],
    ["a collection whose first page's type comes after its items", { type: "AnnotationCollection", first: { items: [annotation(1)], type: "AnnotationPage" } }, ["$"]],
    ["an object with items that is not a page", { type: "Annotation", items: [annotation(1)], target: "https://example.org/a" }, ["$"]],
  ])("splits %s into parts that read as the whole file does", async (_name, file, wheres) => {
    const text = JSON.stringify(file, null, 1);
    const parts = await split(text);
    expect(parts.map((p) => p.where)).toEqual(wheres);
    expect(parts.flatMap((p) => readWebAnnotationsAt(p.value, p.where))).toEqual(readWebAnnotations(JSON.parse(text)));
  });

  it("drops each streamed item from what is left, so the file is never held whole", async () => {
    const parts = await split(JSON.stringify({ type: "AnnotationCollection", first: page(1, 50) }), 64);
    expect(parts.at(-1)).toEqual({ where: "$", value: { type: "AnnotationCollection", first: { type: "AnnotationPage", items: [] } } });
  });

  it("reads UTF-8 split inside a character, and skips a byte order mark", async () => {
    const bytes = new TextEncoder().encode(`\uFEFF${JSON.stringify([{ ...annotation(1), bodyValue: undefined, creator: { name: "Zoë 🌊" } }])}`);
    async function* byteByByte() {
      for (const byte of bytes) yield new Uint8Array([byte]);
    }
    const parts: AnnotationFilePart[] = [];
    for await (const part of splitAnnotationFile(byteByByte())) parts.push(part);
    expect(parts[0]).toMatchObject({ where: "$[0]", value: { creator: { name: "Zoë 🌊" } } });
  });

  it.each([
    ["a truncated file", '{"type": "Annotation", ', /ended in mid-parsing/],
    ["a stray character", '[{"type": "Annotation"} x]', /Unexpected "x"/],
    ["an empty file", "", /holds no JSON value/],
  ])("refuses %s as not JSON", async (_name, text, message) => {
    await expect(split(text)).rejects.toThrow(AnnotationFileSyntaxError);
    await expect(split(text)).rejects.toThrow(message);
  });
});
