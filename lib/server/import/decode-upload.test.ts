import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/domain/upload-limits";
import { AppError } from "@/lib/server/errors";
import { decodeUpload } from "./decode-upload";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => Uint8Array.from(values);

function refusal(name: string, content: Uint8Array): AppError {
  try {
    decodeUpload({ name, bytes: content });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    // Every refusal is shown beside the file input.
    expect(appError.fieldErrors).toEqual({ file: appError.message });
    return appError;
  }
  throw new Error(`expected ${JSON.stringify(name)} to be refused`);
}

describe("decodeUpload: formats", () => {
  it.each([
    ["notes.txt", "txt"],
    ["NOTES.TXT", "txt"],
    ["notes.text", "txt"],
    ["article.md", "md"],
    ["Article.Markdown", "md"],
    ["page.htm", "html"],
    ["page.HTML", "html"],
    ["harbor report 2024.final.txt", "txt"],
  ])("%s → %s", (name, format) => {
    expect(decodeUpload({ name, bytes: utf8("The barrier failed.") })).toEqual({ format, text: "The barrier failed." });
  });

  it.each(["report.pdf", "report.docx", "photo.png", "archive.txt.gz", "README", ".txt", "notes.txt "])(
    "refuses %j, naming the supported types",
    (name) => {
      const error = refusal(name, utf8("text"));
      expect(error.code).toBe("INVALID_INPUT");
      expect(error.message).toBe(`“${name}” is not a supported file type. Upload a .txt, .text, .md, .markdown, .htm or .html file.`);
    },
  );
});

describe("decodeUpload: file names", () => {
  it.each(["../../etc/passwd.txt", "..\\secrets.md", "folder/article.txt", "C:\\Users\\ines\\article.txt", "..", "notes..txt"])(
    "refuses the path %j",
    (name) => {
      expect(refusal(name, utf8("text")).message).toBe("File names must not contain folders or '..'. Rename the file and try again.");
    },
  );

  it.each([
    ["NUL", "article\u0000.txt"],
    ["a line break", "article\n.txt"],
    ["DEL", "article\u007f.txt"],
    ["a right-to-left override (txt.exe shown as exe.txt)", "article\u202etxt.exe"],
  ])("refuses a name with %s", (_what, name) => {
    expect(refusal(name, utf8("text")).message).toMatch(/must not contain control characters/);
  });

  it("refuses an empty or overlong name", () => {
    expect(refusal("", utf8("text")).message).toMatch(/needs a name/);
    expect(refusal(`${"a".repeat(300)}.txt`, utf8("text")).message).toMatch(/needs a name of 1 to 255 characters/);
  });
});

describe("decodeUpload: content", () => {
  it("refuses an empty file", () => {
    expect(refusal("empty.txt", new Uint8Array()).message).toBe("“empty.txt” is empty. Choose the file that holds the article.");
  });

  it("accepts exactly 1 MB and refuses one byte more, with the size and the limit", () => {
    expect(decodeUpload({ name: "max.txt", bytes: new Uint8Array(MAX_UPLOAD_BYTES).fill(0x61) }).text).toHaveLength(MAX_UPLOAD_BYTES);
    const error = refusal("big.txt", new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.message).toBe(
      "“big.txt” is 1.0 MB (1,048,577 bytes); files can be at most 1 MB (1,048,576 bytes). Upload a smaller file or paste the article's text.",
    );
    expect(refusal("bigger.md", new Uint8Array(3 * MAX_UPLOAD_BYTES).fill(0x61)).message).toMatch(/^“bigger\.md” is 3\.0 MB \(3,145,728 bytes\)/);
  });

  it.each([
    ["a NUL byte", utf8("Harbor\u0000 report")],
    ["a PNG image renamed", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52)],
    ["many control characters", utf8("ab\u0001\u0002cd\u0003\u0004ef\u0005\u0006".repeat(50))],
  ])("calls a file with %s binary", (_what, content) => {
    expect(refusal("photo.txt", content).message).toBe(
      "“photo.txt” looks like a binary file, not text. Upload a .txt, .text, .md, .markdown, .htm or .html file.",
    );
  });

  it("accepts text with tabs, CRLF, a form feed and a stray escape", () => {
    const text = `Gate\tStatus\r\nNorth\tfailed\f\r\n${"The barrier failed overnight. ".repeat(5)}\u001b`;
    expect(decodeUpload({ name: "log.txt", bytes: utf8(text) }).text).toBe(text);
  });

  it.each([
    ["latin1 bytes", bytes(0x63, 0x61, 0x66, 0xe9)],
    ["a UTF-16 file (byte order mark)", bytes(0xff, 0xfe, 0x48, 0x00, 0x69, 0x00)],
    ["a UTF-16BE file", bytes(0xfe, 0xff, 0x00, 0x48, 0x00, 0x69)],
    ["an overlong encoding", bytes(0x61, 0xc0, 0xaf)],
    ["an encoded surrogate", bytes(0x61, 0xed, 0xa0, 0x80)],
    ["a truncated sequence", bytes(0x61, 0xe2, 0x80)],
  ])("refuses %s as not UTF-8", (_what, content) => {
    expect(refusal("notes.txt", content).message).toBe("“notes.txt” is not UTF-8 text: save it as UTF-8 and try again.");
  });

  it("strips a UTF-8 byte order mark and keeps everything else as it is", () => {
    expect(decodeUpload({ name: "notes.txt", bytes: bytes(0xef, 0xbb, 0xbf, ...utf8("Café  \r\n")) }).text).toBe("Café  \r\n");
  });
});

describe("decodeUpload: HTML character sets", () => {
  it("returns the markup as it is", () => {
    const html = '<!doctype html><meta charset="utf-8"><p>Café</p>';
    expect(decodeUpload({ name: "page.html", bytes: utf8(html) })).toEqual({ format: "html", text: html });
  });

  it.each([
    ["<meta charset>", '<meta charset="windows-1252"><p>Café</p>', "windows-1252"],
    ["<meta http-equiv>", '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>Café</p>', "ISO-8859-1"],
    ["a non-ASCII-compatible charset", "<meta charset=shift_jis><p>abc</p>", "shift_jis"],
  ])("refuses a page whose %s says it is not UTF-8", (_what, html, charset) => {
    expect(refusal("page.html", utf8(html)).message).toBe(
      `“page.html” says it is written in ${charset}; uploads must be UTF-8. Save the page as UTF-8 (and its meta charset as utf-8), then try again.`,
    );
  });

  it("accepts an all-ASCII page labelled with an ASCII-compatible charset (it reads the same)", () => {
    const html = '<meta charset="iso-8859-1"><p>The barrier failed.</p>';
    expect(decodeUpload({ name: "page.htm", bytes: utf8(html) }).text).toBe(html);
  });

  it("does not read a charset from text or Markdown files", () => {
    expect(decodeUpload({ name: "notes.md", bytes: utf8('<meta charset="windows-1252"> Café') }).format).toBe("md");
  });
});
