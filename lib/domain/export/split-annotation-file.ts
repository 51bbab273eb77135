import { JSONParser } from "@streamparser/json";

/** A piece of an annotation file that readWebAnnotationsAt reads on its own, and where it sits in the file. */
export interface AnnotationFilePart {
  value: unknown;
  where: string;
}

/** The file is not JSON (or ends early); `message` says where the parser stopped. */
export class AnnotationFileSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AnnotationFileSyntaxError";
  }
}

const typesOf = (value: unknown): unknown[] => {
  const type = typeof value === "object" && value !== null && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
  return Array.isArray(type) ? type : [type];
};

/**
 * Splits a W3C annotation file into parts as it streams in, so that a file of any size is
 * never held whole: the members of a top-level array, the items of a top-level
 * AnnotationPage and the items of a collection's embedded first page each come out as soon
 * as they are complete, and are dropped from the parser's copy of the file. What is left at
 * the end (the containers, a single annotation, further pages, an item whose container's
 * `type` came only after its items) comes out last, as one part at `$`. Reading the parts in
 * order gives the annotations in file order, with the same places (`$.first.items[3]`) as
 * reading the whole file at once.
 */
export async function* splitAnnotationFile(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<AnnotationFilePart> {
  const ready: AnnotationFilePart[] = [];
  let rest: AnnotationFilePart | undefined;
  const parser = new JSONParser({ paths: ["$", "$.*", "$.items.*", "$.first.items.*"] });
  parser.onValue = ({ value, key, parent, stack }) => {
    if (stack.length === 0) {
      rest = { value, where: "$" };
      return;
    }
    if (!Array.isArray(parent)) return;
    const root = stack[1]?.value;
    const page = stack.length === 3 ? stack[2]?.value : root;
    const where =
      stack.length === 1 ? `$[${key}]` : stack.length === 2 ? `$.items[${key}]` : `$.first.items[${key}]`;
    const streamable =
      stack.length === 1 ||
      (stack.length === 2 && typesOf(root).includes("AnnotationPage")) ||
      (stack.length === 3 && typesOf(root).includes("AnnotationCollection") && typesOf(page).includes("AnnotationPage"));
    if (!streamable) return;
    ready.push({ value, where });
    // The item is the last member so far: dropping it keeps the parser's copy of the file small.
    parent.length -= 1;
  };
  // Whatever the parser throws is about the file's text: a wrong character, or an early end.
  const parse = (step: () => void) => {
    try {
      step();
    } catch (error) {
      throw new AnnotationFileSyntaxError(error instanceof Error ? error.message : String(error));
    }
  };
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) parse(() => parser.write(text));
    yield* ready.splice(0);
  }
  const tail = decoder.decode();
  if (tail) parse(() => parser.write(tail));
  if (rest === undefined && !parser.isEnded) parse(() => parser.end());
  yield* ready.splice(0);
  if (rest === undefined) throw new AnnotationFileSyntaxError("the file holds no JSON value.");
  yield rest;
}
