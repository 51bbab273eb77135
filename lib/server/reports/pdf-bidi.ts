import "server-only";
import { scriptRuns, type FontScript } from "@/lib/domain/report/script-runs";
import { mirroredCharacters, paragraph, visualRuns, type Direction } from "@/lib/domain/report/visual-order";

/**
 * Mixed-direction text in the PDF report. pdfkit wraps and draws text in reading order, and
 * its font engine (fontkit) shapes Arabic and reverses a whole run when the run's first
 * letter is right to left: figures and Latin words inside an Arabic sentence came out
 * reversed or in the wrong place. Here the text is wrapped at spaces by measuring it in the
 * fonts that draw it, and each line is drawn piece by piece in the order of the Unicode
 * Bidirectional Algorithm (visual-order.ts), with the paragraph direction the caller gives
 * (a source's language) and the lines aligned to the paragraph's start.
 */

type Doc = PDFKit.PDFDocument;

/** Part of a paragraph in one style. */
export interface Span {
  text: string;
  font: string;
  underline?: boolean;
}

export interface BidiOptions {
  width?: number;
  align?: "left" | "right" | "center";
  lineGap?: number;
  /** false: one line, never wrapped nor moved to a new page. */
  lineBreak?: boolean;
  direction: Direction;
}

/** The registered font name for `font` in `script` (pdf.ts registers one per script). */
export type FontFor = (font: string, script: FontScript) => string;

interface Segment {
  start: number;
  end: number;
  font: string;
  underline: boolean;
}

interface Piece {
  text: string;
  font: string;
  underline: boolean;
  width: number;
}

// fontkit reverses a run when the first character that belongs to a script is in one of these.
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const SCRIPTED = /[^\p{Script=Common}\p{Script=Inherited}]/u;

// pdfkit lays text out word by word unless features are named; naming none lays out a piece
// whole, with the font's default features (Arabic joining, ligatures, kerning).
const WHOLE: PDFKit.Mixins.TextOptions = { features: [] };

function fontReverses(text: string): boolean {
  const first = text.match(SCRIPTED)?.[0];
  return first !== undefined && RTL_SCRIPT.test(first);
}

/**
 * The text split where its font changes: by span, then by the script font of its letters; a
 * sign the script font lacks (an arrow after Arabic words) is drawn in the span's Latin font.
 */
function segmentsOf(doc: Doc, spans: Span[], fontFor: FontFor): Segment[] {
  const segments: Segment[] = [];
  let offset = 0;
  for (const span of spans) {
    const underline = span.underline ?? false;
    for (const run of scriptRuns(span.text)) {
      const own = fontFor(span.font, run.script);
      const glyphs = (doc.font(own) as unknown as { _font: { font?: { hasGlyphForCodePoint(cp: number): boolean } } })._font.font;
      for (const ch of run.text) {
        const font = run.script === "latin" || !glyphs || glyphs.hasGlyphForCodePoint(ch.codePointAt(0)!) ? own : fontFor(span.font, "latin");
        const last = segments[segments.length - 1];
        if (last && last.end === offset && last.font === font && last.underline === underline) last.end += ch.length;
        else segments.push({ start: offset, end: offset + ch.length, font, underline });
        offset += ch.length;
      }
    }
  }
  return segments;
}

function widthOf(doc: Doc, text: string, segments: Segment[], start: number, end: number): number {
  let width = 0;
  for (const s of segments) {
    const from = Math.max(start, s.start);
    const to = Math.min(end, s.end);
    if (from < to) width += doc.font(s.font).widthOfString(text.slice(from, to), WHOLE);
  }
  return width;
}

/** Lines as [start, end) of the text: paragraphs at "\n", wrapped at spaces to `width`. */
function wrap(doc: Doc, text: string, segments: Segment[], width: number, lineBreak: boolean) {
  const lines: { paragraph: [number, number]; start: number; end: number }[] = [];
  let paraStart = 0;
  for (const para of text.split("\n")) {
    const range: [number, number] = [paraStart, paraStart + para.length];
    let lineStart = -1;
    let lineEnd = -1;
    for (const word of para.matchAll(/\S+/g)) {
      const start = paraStart + word.index;
      const end = start + word[0].length;
      if (lineStart >= 0 && lineBreak && widthOf(doc, text, segments, lineStart, end) > width) {
        lines.push({ paragraph: range, start: lineStart, end: lineEnd });
        lineStart = -1;
      }
      if (lineStart < 0) lineStart = start;
      lineEnd = end;
    }
    lines.push({ paragraph: range, start: lineStart < 0 ? range[0] : lineStart, end: lineStart < 0 ? range[0] : lineEnd });
    paraStart += para.length + 1;
  }
  return lines;
}

/** The pieces of each line, left to right: one font, one style and one direction each. */
function layOut(doc: Doc, spans: Span[], width: number, options: BidiOptions, fontFor: FontFor): Piece[][] {
  const text = spans.map((s) => s.text).join("");
  const segments = segmentsOf(doc, spans, fontFor);
  const paragraphs = new Map<number, ReturnType<typeof paragraph>>();
  return wrap(doc, text, segments, width, options.lineBreak !== false).map((line) => {
    const [paraStart, paraEnd] = line.paragraph;
    let p = paragraphs.get(paraStart);
    if (!p) paragraphs.set(paraStart, (p = paragraph(text.slice(paraStart, paraEnd), options.direction)));
    const from = line.start - paraStart;
    const to = line.end - paraStart;
    const mirrors = mirroredCharacters(p, from, to);
    const odd = (i: number) => (p.levels.levels[i]! & 1) === 1;
    return visualRuns(p, from, to).flatMap((run) => {
      const pieces: Piece[] = [];
      let start = run.start;
      let segment = segments.find((s) => s.start <= paraStart + start && paraStart + start < s.end)!;
      for (let i = run.start + 1; i <= run.end; i++) {
        if (i < run.end && paraStart + i < segment.end && odd(i) === odd(start)) continue;
        const logical = p.text.slice(start, i);
        // Drawn backwards when at an odd level: fontkit reverses a right-to-left run itself
        // (it leaves brackets as they are: Noto Sans Arabic's `rtlm` does not mirror them, so
        // they are mirrored here); anything else is reversed here.
        let chars = "";
        for (let k = start; k < i; k++) chars += mirrors.get(k) ?? p.text[k];
        if (odd(start) !== fontReverses(logical)) chars = Array.from(chars).reverse().join("");
        pieces.push({ text: chars, font: segment.font, underline: segment.underline, width: doc.font(segment.font).widthOfString(chars, WHOLE) });
        start = i;
        if (i < run.end) segment = segments.find((s) => s.start <= paraStart + i && paraStart + i < s.end)!;
      }
      return run.reversed ? pieces.reverse() : pieces;
    });
  });
}

/** The current font's ascent in points: pdfkit keeps it, but its types do not show it. */
function ascent(doc: Doc, font: string): number {
  const internal = doc.font(font) as unknown as { _font: { ascender: number }; _fontSize: number };
  return (internal._font.ascender * internal._fontSize) / 1000;
}

function lineMetrics(doc: Doc, pieces: Piece[], fallbackFont: string) {
  const fonts = pieces.length ? [...new Set(pieces.map((p) => p.font))] : [fallbackFont];
  const ascents = fonts.map((f) => ascent(doc, f));
  const heights = fonts.map((f) => doc.font(f).currentLineHeight(true));
  return { ascent: Math.max(...ascents), height: Math.max(...heights) };
}

function underline(doc: Doc, x: number, y: number, width: number) {
  const color = (doc as unknown as { _fillColor?: [PDFKit.Mixins.ColorValue] })._fillColor?.[0] ?? "black";
  doc.save().moveTo(x, y).lineTo(x + width, y).lineWidth(0.5).strokeColor(color).stroke().restore();
}

/** The height `spans` take when written with `options` in `width`. */
export function bidiHeight(doc: Doc, spans: Span[], width: number, options: BidiOptions, fontFor: FontFor): number {
  const fallback = fontFor(spans[0]?.font ?? "regular", "latin");
  return layOut(doc, spans, width, options, fontFor).reduce((sum, pieces) => sum + lineMetrics(doc, pieces, fallback).height + (options.lineGap ?? 0), 0);
}

/**
 * Writes `spans` as one paragraph (several at "\n") at `at` (or where the document's cursor
 * is), wrapped to `options.width`, starting a new page when a line does not fit, and leaves
 * the cursor below the text, at its left edge, as pdfkit's `text` does.
 */
export function writeBidi(doc: Doc, spans: Span[], at: { x: number; y: number } | null, options: BidiOptions, fontFor: FontFor) {
  const x = at?.x ?? doc.x;
  let y = at?.y ?? doc.y;
  const width = options.width ?? doc.page.width - doc.page.margins.right - x;
  const align = options.align ?? (options.direction === "rtl" ? "right" : "left");
  const fallback = fontFor(spans[0]?.font ?? "regular", "latin");
  for (const pieces of layOut(doc, spans, width, options, fontFor)) {
    const { ascent: lineAscent, height } = lineMetrics(doc, pieces, fallback);
    if (options.lineBreak !== false && y + height > doc.page.height - doc.page.margins.bottom && y > doc.page.margins.top) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const total = pieces.reduce((sum, p) => sum + p.width, 0);
    let left = align === "right" ? x + width - total : align === "center" ? x + (width - total) / 2 : x;
    for (const piece of pieces) {
      const top = y + lineAscent - ascent(doc, piece.font);
      doc.text(piece.text, left, top, { ...WHOLE, lineBreak: false });
      // pdfkit underlines at the foot of each font's line; one line under the baseline instead.
      if (piece.underline) underline(doc, left, y + lineAscent + 1.5, piece.width);
      left += piece.width;
    }
    y += height + (options.lineGap ?? 0);
  }
  doc.font(fallback);
  doc.x = x;
  doc.y = y;
}
