import "server-only";
import { findUnsafeCharacter, markdownToText, normalizeText, stripBidiControls, unsafeCharacterMessage } from "@/lib/domain/text";
import { AppError, isAppError } from "@/lib/server/errors";
import { decodeUpload } from "./decode-upload";
import { extractArticleFromHtml } from "./extract-html";
import { fetchUrl } from "./fetch-url";

export type SourceInput =
  | { kind: "paste"; text: string }
  | { kind: "file"; name: string; bytes: Uint8Array }
  | { kind: "url"; url: string };

export interface ExtractedSource {
  /** Normalized plain text (normalizeText), never empty, at most MAX_SOURCE_TEXT_BYTES in UTF-8. */
  text: string;
  /** Metadata found in the input, one line each; the editor's own entries should win over these. */
  title?: string;
  author?: string;
  /** As the source states it (ISO 8601 from most pages, front matter as written); not validated. */
  publishedAt?: string;
  /** The address after redirects, for URL imports. */
  url?: string;
  siteName?: string;
}

/** A source's text may be at most 1 MB (1,048,576 bytes) in UTF-8, counted after normalization. */
export const MAX_SOURCE_TEXT_BYTES = 1_048_576;

/** Refuses a normalized text over the limit, naming the form field concerned. Edits of a source's text obey it too. */
export function assertSourceTextFits(text: string, field: string): void {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_TEXT_BYTES) {
    const message = `The text is ${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes.toLocaleString("en-US")} bytes); a source can hold at most 1 MB (1,048,576 bytes). Import the article alone, or split it into parts.`;
    throw new AppError("PAYLOAD_TOO_LARGE", message, { [field]: message });
  }
}

interface Raw {
  text: string;
  fromHtml: boolean;
  title?: string;
  author?: string;
  publishedAt?: string;
  url?: string;
  siteName?: string;
}

/**
 * The one way in for a source's body text: pasted text, an uploaded file or a web address
 * becomes normalized plain text plus whatever metadata the input carried. Throws AppError
 * with a message for the form field concerned (text, file or url); nothing is stored here.
 *
 * Pasted text is taken literally, whatever it looks like: "<p>Hello</p>" or "**Hello**"
 * pasted stays exactly that, because guessing would sometimes mangle an article that
 * quotes markup, and the text is only ever shown as text. Markup is interpreted only for
 * files that say what they are (.md, .html) and for fetched pages (by Content-Type).
 */
export async function extractSource(input: SourceInput): Promise<ExtractedSource> {
  const field = input.kind === "paste" ? "text" : input.kind;
  let raw: Raw;
  try {
    raw = await read(input);
  } catch (error) {
    // The HTML extractor does not know which field its input came from.
    if (isAppError(error) && !error.fieldErrors) throw new AppError(error.code, error.message, { [field]: error.message });
    throw error;
  }

  // The normalizer would drop a NUL silently; refusing it tells the editor their paste or
  // page held something other than plain text. (Files with NUL bytes are refused as binary.)
  const unsafe = findUnsafeCharacter(raw.text, "body");
  if (unsafe) {
    const message = unsafeCharacterMessage(input.kind === "url" ? "page's text" : "text", unsafe);
    throw new AppError("INVALID_INPUT", message, { [field]: message });
  }
  const text = normalizeText(raw.text);
  if (!text) {
    const message = raw.fromHtml
      ? "No article text found in that page. Paste the article's text instead."
      : input.kind === "paste"
        ? "The text is empty. Paste the article's text."
        : "The text is empty: there are no words in it. Check that you chose the right file or address.";
    throw new AppError("INVALID_INPUT", message, { [field]: message });
  }
  assertSourceTextFits(text, field);

  const title = oneLine(raw.title);
  const author = oneLine(raw.author);
  const publishedAt = oneLine(raw.publishedAt);
  const siteName = oneLine(raw.siteName);
  return {
    text,
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(publishedAt ? { publishedAt } : {}),
    ...(raw.url ? { url: raw.url } : {}),
    ...(siteName ? { siteName } : {}),
  };
}

async function read(input: SourceInput): Promise<Raw> {
  switch (input.kind) {
    case "paste":
      return { text: input.text, fromHtml: false };
    case "file": {
      const { format, text } = decodeUpload(input);
      if (format === "html") return { ...extractArticleFromHtml(text), fromHtml: true };
      if (format === "md") {
        const { text: body, title, author, date } = markdownToText(text);
        return { text: body, title, author, publishedAt: date, fromHtml: false };
      }
      return { text, fromHtml: false };
    }
    case "url": {
      const page = await fetchUrl(input.url);
      if (page.contentType === "text/html") return { ...extractArticleFromHtml(page.body, page.finalUrl), url: page.finalUrl, fromHtml: true };
      return { text: page.body, url: page.finalUrl, fromHtml: false };
    }
  }
}

/**
 * Metadata found in a file or page is one line, like the fields an editor types, but nobody
 * typed it: direction controls are dropped rather than refused (the normalizer already drops
 * NUL and the overrides).
 */
function oneLine(value: string | undefined): string | undefined {
  return value ? stripBidiControls(normalizeText(value)).replace(/\s+/g, " ").trim() || undefined : undefined;
}
