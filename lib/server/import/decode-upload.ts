import "server-only";
import { MAX_UPLOAD_BYTES, uploadTooLargeMessage } from "@/lib/domain/upload-limits";
import { AppError } from "@/lib/server/errors";

export type UploadFormat = "txt" | "md" | "html";

const FORMATS: Record<string, UploadFormat> = {
  txt: "txt",
  text: "txt",
  md: "md",
  markdown: "md",
  htm: "html",
  html: "html",
};
const SUPPORTED = ".txt, .text, .md, .markdown, .htm or .html";

/**
 * Share of control bytes above which a file is called binary. Text files carry tabs and
 * line breaks (allowed) and perhaps a stray escape or form feed; a few percent is already
 * far beyond that.
 */
const MAX_CONTROL_SHARE = 0.05;

/** Character sets that agree with UTF-8 on every byte below 0x80, so an all-ASCII file reads the same in them. */
const ASCII_COMPATIBLE = /^(?:utf-?8|us-ascii|ascii|iso-8859-\d+|latin-?\d|windows-125\d|cp125\d|koi8-[ru])$/i;

const refuse = (code: "INVALID_INPUT" | "PAYLOAD_TOO_LARGE", message: string) => new AppError(code, message, { file: message });

/**
 * Checks an uploaded file and decodes it as UTF-8 text. The format comes from the
 * extension only (browsers report a MIME type guessed from the same extension). The text is
 * returned as decoded (minus a byte order mark), not yet normalized; HTML is returned as
 * markup, for the HTML extractor.
 */
export function decodeUpload(file: { name: string; bytes: Uint8Array }): { format: UploadFormat; text: string } {
  const { name, bytes } = file;
  checkName(name);
  const dot = name.lastIndexOf(".");
  const format = dot > 0 ? FORMATS[name.slice(dot + 1).toLowerCase()] : undefined;
  if (!format) throw refuse("INVALID_INPUT", `“${name}” is not a supported file type. Upload a ${SUPPORTED} file.`);
  if (bytes.length === 0) throw refuse("INVALID_INPUT", `“${name}” is empty. Choose the file that holds the article.`);
  if (bytes.length > MAX_UPLOAD_BYTES) throw refuse("PAYLOAD_TOO_LARGE", uploadTooLargeMessage(name, bytes.length));
  // UTF-16 has NUL bytes all over ASCII text: name the real problem before calling it binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) throw notUtf8(name);
  if (looksBinary(bytes)) throw refuse("INVALID_INPUT", `“${name}” looks like a binary file, not text. Upload a ${SUPPORTED} file.`);

  let text: string;
  try {
    // fatal: refuse invalid bytes instead of silently turning them into U+FFFD; the BOM is stripped.
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw notUtf8(name);
  }

  if (format === "html") {
    const declared = declaredCharset(text);
    // An all-ASCII file reads the same in any ASCII-compatible charset, so its label is harmless.
    const ascii = bytes.every((b) => b < 0x80);
    if (declared && !/^utf-?8$/i.test(declared) && !(ascii && ASCII_COMPATIBLE.test(declared))) {
      throw refuse(
        "INVALID_INPUT",
        `“${name}” says it is written in ${declared}; uploads must be UTF-8. Save the page as UTF-8 (and its meta charset as utf-8), then try again.`,
      );
    }
  }
  return { format, text };
}

function checkName(name: string): void {
  if (name === "" || name.length > 255) {
    throw refuse("INVALID_INPUT", "The file needs a name of 1 to 255 characters ending in .txt, .md or .html.");
  }
  if (/[/\\]/.test(name) || name.includes("..")) {
    throw refuse("INVALID_INPUT", "File names must not contain folders or '..'. Rename the file and try again.");
  }
  // Control characters, and bidi overrides that can make "txt.exe" display as "exe.txt".
  if (/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(name)) {
    throw refuse("INVALID_INPUT", "File names must not contain control characters. Rename the file and try again.");
  }
}

const notUtf8 = (name: string) => refuse("INVALID_INPUT", `“${name}” is not UTF-8 text: save it as UTF-8 and try again.`);

/** NUL anywhere, or many control characters other than tab, line feed, carriage return and form feed. */
function looksBinary(bytes: Uint8Array): boolean {
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  return controls / bytes.length > MAX_CONTROL_SHARE;
}

/**
 * The charset an HTML document declares in a <meta charset> or <meta http-equiv
 * content-type>, looked for where browsers look: the first 1024 bytes (here, characters).
 */
function declaredCharset(html: string): string | undefined {
  const head = html.slice(0, 1024);
  const match = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match?.[1];
}
