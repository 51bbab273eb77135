import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../seeded-random";
import { normalizeText } from "./normalize";

describe("normalizeText", () => {
  it.each([
    ["CRLF and CR become LF", "one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["byte order mark removed", "\ufeffHarbor council", "Harbor council"],
    ["zero-width space and soft hyphen removed", "flood\u200bbar\u00adrier", "floodbarrier"],
    ["control characters removed", "a\u0000b\u0007c\u001bd\u007fe\u0090f", "abcdef"],
    ["tabs become spaces", "Mayor:\tyes", "Mayor: yes"],
    ["no-break and other Unicode spaces become spaces", "10\u00a0km\u2009away\u3000now\u202fhere", "10 km away now here"],
    ["runs of spaces collapse", "the   barrier  \t failed", "the barrier failed"],
    ["each line is trimmed", "  first line  \n\t second line ", "first line\nsecond line"],
    ["single line breaks inside a paragraph are kept", "Caption one\nCaption two", "Caption one\nCaption two"],
    ["three or more newlines become one blank line", "para one\n\n\n\n\npara two", "para one\n\npara two"],
    ["whitespace-only lines count as blank", "para one\n   \n\t\n \npara two", "para one\n\npara two"],
    ["the whole text is trimmed", "\n\n  body  \n\n", "body"],
    ["NFC composition", "cafe\u0301 Zu\u0308rich", "café Zürich"],
    ["composition across a removed zero-width space", "cafe\u200b\u0301", "café"],
    ["line separator is a line break, paragraph separator a paragraph break", "a\u2028b\u2029c", "a\nb\n\nc"],
    ["form feed and vertical tab separate words instead of gluing them", "page one\fpage two\vend", "page one\npage two\nend"],
    ["lone surrogates become the replacement character", "a\ud800b\udc00c", "a\ufffdb\ufffdc"],
    ["bidi override removed, directional marks kept", "\u202eevil\u202c \u200fمرحبا\u200f", "evil \u200fمرحبا\u200f"],
    ["ZWNJ and ZWJ kept (Persian spelling, emoji sequences)", "می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻"],
    ["empty and whitespace-only input give the empty string", " \n\t\u00a0\u200b\n ", ""],
  ])("%s", (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it("keeps an already clean text unchanged", () => {
    const clean = "Harbor barrier fails\n\nThe barrier gave way at 4 a.m.\nPhoto: the breach at dawn.\n\nRepairs begin Monday.";
    expect(normalizeText(clean)).toBe(clean);
  });
});


/** Pieces chosen to hit every rule and the interactions between them. */
const PIECES = [
  "a", "Z", "é", "e", "\u0301", "\u0308", "\u0345", "\u05b0", "ﬁ", "Å", "\u212b", "ὕ", "\u1100", "\u1161", "\u11a8",
  " ", "  ", "\t", "\n", "\n\n", "\n\n\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029",
  "\u00a0", "\u2000", "\u2001", "\u2009", "\u202f", "\u3000", "\u1680",
  "\u0000", "\u0007", "\u001b", "\u007f", "\u009f", "\u00ad", "\u200b", "\u200c", "\u200d", "\u200e", "\u202e",
  "\u2060", "\ufeff", "\ufffd", "\ud800", "\udc00", "😀", "\ud83d", "\ude00", "مرحبا", ".", "—",
];

function randomString(random: () => number): string {
  const length = Math.floor(random() * 40);
  let out = "";
  for (let i = 0; i < length; i++) {
    // Mostly curated pieces, sometimes any UTF-16 code unit at all.
    out += random() < 0.85 ? PIECES[Math.floor(random() * PIECES.length)]! : String.fromCharCode(Math.floor(random() * 0x10000));
  }
  return out;
}

describe("normalizeText is idempotent", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("on 2,000 random strings (seed %i)", (seed) => {
    const random = seededRandom(seed);
    for (let i = 0; i < 2000; i++) {
      const input = randomString(random);
      const once = normalizeText(input);
      expect(normalizeText(once), JSON.stringify(input)).toBe(once);
    }
  });

  it("its output never has what it removes", () => {
    const random = seededRandom(99);
    for (let i = 0; i < 2000; i++) {
      const out = normalizeText(randomString(random));
      expect(out).not.toMatch(/[\r\t\v\f\u00a0\u2028\u2029\ufeff\u200b]| {2}|\n\n\n| \n|\n |^\s|\s$/);
      expect(out).toBe(out.normalize("NFC"));
    }
  });
});

/**
 * Real published articles, read at test time from the shared corpus (never copied into the
 * repository). Skipped when the corpus folder is not there.
 */
const repoRoot = path.resolve(import.meta.dirname, "../../..");
const corpusDir = path.resolve(repoRoot, "../shared/corpus/soleimani-anniversaries");

describe.skipIf(!existsSync(path.join(corpusDir, "manifest.json")))("real corpus: Soleimani anniversaries", () => {
  const manifest = JSON.parse(readFileSync(path.join(corpusDir, "manifest.json"), "utf8")) as { documents: { file: string }[] };
  const paragraphs = (text: string) => text.split(/\n[ \t\u00a0]*\n/).filter((p) => p.trim() !== "").length;
  const lines = (text: string) => text.split("\n").filter((line) => line.replace(/[\s\u00a0]/g, "") !== "").length;

  it.each(manifest.documents.map((d) => d.file))("%s: idempotent, same paragraphs and lines, same words", (file) => {
    const raw = readFileSync(path.join(corpusDir, file), "utf8");
    const once = normalizeText(raw);
    expect(normalizeText(once)).toBe(once);
    expect(paragraphs(once)).toBe(paragraphs(raw));
    expect(lines(once)).toBe(lines(raw));
    expect(once.split(/\s+/).join(" ")).toBe(raw.normalize("NFC").trim().split(/\s+/).join(" "));
  });
});
