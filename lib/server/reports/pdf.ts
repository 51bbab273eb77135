import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import {
  alphaLabel,
  asserterLabel,
  changeLabel,
  day,
  dayRange,
  filterSummary,
  formatRate,
  MAX_CHANGES,
  NO_RECURRING_TERMS,
  outletNames,
  PARAPHRASED_NOTE,
  RECURRING_TERMS_NOTE,
  splitEdges,
  statusLabel,
  wordingsLabel,
} from "@/lib/domain/report/format";
import { heatFill, shade } from "@/lib/domain/report/colors";
import { onlyHereRule } from "@/lib/domain/report/outlet-omissions";
import { LAYER_TEXT } from "@/lib/domain/report/filters";
import { paragraphDirection, scriptRuns, type FontScript } from "@/lib/domain/report/script-runs";
import { firstStrongDirection, hasRightToLeft, type Direction } from "@/lib/domain/report/visual-order";
import { textDirection } from "@/lib/domain/text/language";
import type { FramingReport, ReportTagSet } from "@/lib/domain/report/types";
import { bidiHeight, writeBidi, type Span } from "./pdf-bidi";

// Inter as static TrueType: pdfkit embeds TTF (subset to the glyphs used) but not the WOFF2
// files of @fontsource. It covers Latin (accents, Latin Extended), Greek and Cyrillic,
// curly quotes, dashes and ellipses. Text in other scripts is written in runs (see
// script-runs.ts) in a Noto Sans family of @expo-google-fonts that has those letters:
// Arabic (also Persian, Urdu), Hebrew, SC (Chinese; Japanese kana too) and Thai. They have
// no italic, so italic text in those scripts is upright. pdfkit opens a font file only when
// a run first uses it, so a report in Latin script never reads the 11 MB Chinese font. The
// files are found from the project folder (where npm scripts run) at run time: a
// require.resolve the bundler can see would make Next bundle every file of the package.
const fontFile = (name: string) => path.join(process.cwd(), "node_modules", "@expo-google-fonts", "inter", name, `Inter_${name}.ttf`);
const FONTS = { regular: "400Regular", bold: "700Bold", italic: "400Regular_Italic", semibold: "600SemiBold" } as const;
type FontName = keyof typeof FONTS;
const SCRIPT_FONTS: Record<Exclude<FontScript, "latin">, { folder: string; family: string }> = {
  arabic: { folder: "noto-sans-arabic", family: "NotoSansArabic" },
  hebrew: { folder: "noto-sans-hebrew", family: "NotoSansHebrew" },
  cjk: { folder: "noto-sans-sc", family: "NotoSansSC" },
  thai: { folder: "noto-sans-thai", family: "NotoSansThai" },
};
const SCRIPT_WEIGHTS: Record<FontName, string> = { regular: "400Regular", bold: "700Bold", italic: "400Regular", semibold: "600SemiBold" };
const scriptFontFile = (script: Exclude<FontScript, "latin">, weight: string) => {
  const { folder, family } = SCRIPT_FONTS[script];
  return path.join(process.cwd(), "node_modules", "@expo-google-fonts", folder, weight, `${family}_${weight}.ttf`);
};
/** The registered name of `font` for a run in `script`. */
const fontFor = (font: string, script: FontScript) => (script === "latin" ? font : `${font}-${script}`);

function registerFonts(doc: Doc) {
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, fontFile(file));
  for (const script of Object.keys(SCRIPT_FONTS) as Exclude<FontScript, "latin">[]) {
    for (const [name, weight] of Object.entries(SCRIPT_WEIGHTS)) doc.registerFont(fontFor(name, script), scriptFontFile(script, weight));
  }
}

/**
 * Writes `text` in `font` as pdfkit's `doc.text` would, but run by run in the font that has
 * each script's letters. Text with right-to-left letters (or a paragraph in a right-to-left
 * language) is wrapped and ordered by the bidirectional algorithm instead (pdf-bidi.ts), in
 * `direction` or, when not given, the direction of its first letter (a title, a tag); it
 * aligns to the paragraph's start. `continued` keeps a left-to-right paragraph open for more text.
 */
function writeText(doc: Doc, font: string, text: string, at: { x: number; y: number } | null, options: PDFKit.Mixins.TextOptions = {}, direction?: Direction) {
  if (direction === "rtl" || hasRightToLeft(text)) {
    const { width, lineGap, lineBreak, underline } = options;
    const align = options.align === "right" || options.align === "center" ? options.align : undefined;
    writeBidi(doc, [{ text, font, underline }], at, { width, lineGap, lineBreak, align, direction: direction ?? firstStrongDirection(text) }, fontFor);
    return;
  }
  const runs = scriptRuns(text);
  if (runs.length === 0) runs.push({ text, script: "latin" });
  runs.forEach((run, k) => {
    const runOptions = { ...options, continued: k < runs.length - 1 || options.continued };
    doc.font(fontFor(font, run.script));
    if (k === 0 && at) doc.text(run.text, at.x, at.y, runOptions);
    else doc.text(run.text, runOptions);
  });
}

/** The height of `text` written by {@link writeText} in `width` (in the document's current size). */
function heightOfText(doc: Doc, font: string, text: string, width: number): number {
  if (hasRightToLeft(text)) return bidiHeight(doc, [{ text, font }], width, { direction: firstStrongDirection(text) }, fontFor);
  return doc.font(font).heightOfString(text, { width });
}

const INK = "#1d2433";
const SOFT = "#566074";
const LINE = "#c5cbd5";
const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };

type Doc = PDFKit.PDFDocument;
type Align = "left" | "right";

const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();

/** "3.3 (1)": the rate and, in brackets, the count; a plain "0" where there is nothing. */
const cellLabel = (cell: { count: number; per1000: number | null }) => (cell.count === 0 ? "0" : `${formatRate(cell.per1000)} (${cell.count})`);

/**
 * The framing report as a PDF (A4): a title page with the outlets, then bar charts and a
 * heat map of the tags per outlet, term choice, omissions, claims and method. Charts are
 * vector drawings labelled with their numbers, so they read in black and white too. Every
 * page carries the report's title and its page number.
 */
export function reportToPdf(report: FramingReport): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    font: fontFile(FONTS.regular),
    info: { Title: `Framing report: ${report.comparison.title}`, Creator: "Parallax", Subject: filterSummary(report) },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const layout = new Layout(doc);
  writeReport(layout, report);
  layout.decoratePages(`Framing report · ${oneLine(report.comparison.title)}`);
  doc.end();
  return done;
}

/** The text cut to fit `width` on one line, with an ellipsis when cut (in the current font). */
function fitted(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

class Layout {
  constructor(readonly doc: Doc) {}

  get left() {
    return this.doc.page.margins.left;
  }
  get width() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(text: string, level: 1 | 2 | 3) {
    const size = { 1: 17, 2: 12.5, 3: 10.5 }[level];
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(size * 2 + 60);
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.moveDown(level === 1 ? 0.6 : 0.5);
    writeText(this.doc.fontSize(size).fillColor(INK), "bold", oneLine(text), { x: this.left, y: this.doc.y }, { width: this.width });
    this.doc.moveDown(0.3);
  }

  /** A section of its own: starts on a fresh page. */
  section(text: string) {
    if (this.doc.y > this.doc.page.margins.top + 1) this.doc.addPage();
    this.heading(text, 1);
  }

  paragraph(text: string, { size = 9.5, font = "regular", color = INK, gap = 0.4, direction = undefined as Direction | undefined } = {}) {
    writeText(this.doc.fontSize(size).fillColor(color), font, text, { x: this.left, y: this.doc.y }, { width: this.width, lineGap: 1.5 }, direction);
    this.doc.moveDown(gap);
  }

  /** A table whose rows wrap their text; the header repeats after a page break. */
  table(columns: { header: string; width: number; align?: Align }[], rows: string[][]) {
    const { doc } = this;
    const total = columns.reduce((sum, c) => sum + c.width, 0);
    const widths = columns.map((c) => (c.width / total) * this.width);
    const pad = 4;
    const size = 8.5;
    const heightOf = (cells: string[], font: string) =>
      Math.max(...cells.map((cell, i) => heightOfText(doc.fontSize(size), font, cell || " ", widths[i]! - pad * 2))) + pad * 2;
    const draw = (cells: string[], font: string, header: boolean) => {
      const height = heightOf(cells, font);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        if (!header) draw(columns.map((c) => c.header), "semibold", true);
      }
      const y = doc.y;
      let x = this.left;
      if (header) doc.rect(this.left, y, this.width, height).fill("#eef1f5");
      cells.forEach((cell, i) => {
        writeText(doc.fontSize(size).fillColor(INK), font, cell, { x: x + pad, y: y + pad }, { width: widths[i]! - pad * 2, align: columns[i]!.align ?? "left" });
        x += widths[i]!;
      });
      doc.moveTo(this.left, y + height).lineTo(this.left + this.width, y + height).lineWidth(header ? 0.8 : 0.4).strokeColor(header ? SOFT : LINE).stroke();
      doc.x = this.left;
      doc.y = y + height;
    };
    this.ensure(heightOf(columns.map((c) => c.header), "semibold") + heightOf(rows[0] ?? [], "regular"));
    draw(columns.map((c) => c.header), "semibold", true);
    for (const row of rows) draw(row, "regular", false);
    doc.moveDown(0.8);
  }

  /** The running header and the page numbers, once every page exists. */
  decoratePages(title: string) {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing inside the margins must not trigger pdfkit's automatic page break.
      const margins = doc.page.margins;
      doc.page.margins = { ...margins, top: 0, bottom: 0 };
      const width = doc.page.width - margins.left - margins.right;
      doc.font("regular").fontSize(7.5).fillColor(SOFT);
      writeText(doc, "regular", fitted(doc, title, width - 60), { x: margins.left, y: 32 }, { lineBreak: false });
      doc.font("regular").text("Parallax", margins.left, 32, { width, align: "right", lineBreak: false });
      doc.moveTo(margins.left, 46).lineTo(margins.left + width, 46).lineWidth(0.4).strokeColor(LINE).stroke();
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left, doc.page.height - 40, { width, align: "right", lineBreak: false });
      doc.page.margins = margins;
    }
  }
}

function writeReport(layout: Layout, report: FramingReport) {
  const { doc } = layout;
  const outlet = outletNames(report);
  const languages = new Map(report.outlets.flatMap((o) => o.sources.map((s) => [s.id, s.language] as const)));
  /** A source's passage reads in its language's direction; in its letters' when the language is unknown. */
  const directionOf = (sourceId: string, text: string): Direction => {
    const language = languages.get(sourceId);
    return language ? textDirection(language) : paragraphDirection(text);
  };
  const { comparison, method } = report;

  doc.font("semibold").fontSize(9).fillColor(SOFT).text("FRAMING REPORT", layout.left, doc.y, { characterSpacing: 1 });
  doc.moveDown(0.3);
  writeText(doc.fontSize(22).fillColor(INK), "bold", oneLine(comparison.title), null, { width: layout.width });
  doc.moveDown(0.4);
  if (comparison.description) layout.paragraph(comparison.description, { size: 10.5 });
  layout.paragraph(
    [`Workspace: ${comparison.workspaceName}`, comparison.eventDate ? `Event: ${comparison.eventDate}` : null, `Generated: ${day(report.generatedAt)}`]
      .filter(Boolean)
      .join("   ·   "),
    { color: SOFT },
  );
  layout.paragraph(`Shows: ${filterSummary(report)}`, { color: SOFT, gap: 1 });
  layout.paragraph(
    "How each outlet framed the story: how often each framing device, frame dimension and persuasion technique was tagged in its articles (per 1,000 words, so long and short articles compare), the words each outlet chose for the same facts, the facts it left out, the claims it carried, and how the annotations were made.",
    { size: 10 },
  );

  layout.heading("Outlets", 2);
  if (report.outlets.length === 0) layout.paragraph("No outlets match the filters.");
  else
    layout.table(
      [
        { header: "Outlet", width: 2 },
        { header: "Sources", width: 4 },
        { header: "Words", width: 1, align: "right" },
      ],
      report.outlets.map((o) => [o.name, o.sources.map((s) => `${s.title}${s.publishedAt ? ` (${day(s.publishedAt)})` : ""}`).join("\n"), o.words.toLocaleString("en")]),
    );

  layout.section("Tags per outlet");
  layout.paragraph(
    "Each bar is an outlet's rate for one tag: annotations carrying the tag in the outlet's sources per 1,000 words of its text (count × 1,000 ÷ words); the count is in brackets. Within a tag set all bars share one scale.",
    { color: SOFT },
  );
  for (const set of report.tagSets) barChart(layout, report, set);
  heatMap(layout, report);

  layout.section("Term choice");
  layout.paragraph("Each fact row as the outlets word it. Underlined bold words differ from the base passage (the first outlet's).", { color: SOFT });
  if (report.termChoice.length === 0) layout.paragraph("No fact rows yet.");
  if (report.recurringTerms.length > 0) {
    layout.heading("Recurring terms", 3);
    layout.paragraph(RECURRING_TERMS_NOTE, { color: SOFT });
    layout.table(
      [
        { header: "Term", width: 2 },
        ...report.outlets.map((o) => ({ header: o.name, width: 2 })),
        { header: "Fact rows", width: 1, align: "right" as const },
      ],
      report.recurringTerms.map((term) => [term.label, ...term.cells.map((c) => wordingsLabel(c.wordings)), String(term.factRowIds.length)]),
    );
  } else if (report.termChoice.length > 1) layout.paragraph(NO_RECURRING_TERMS, { color: SOFT });
  for (const row of report.termChoice) {
    layout.heading(row.label, 3);
    if (row.note) layout.paragraph(row.note, { font: "italic", size: 9, color: SOFT });
    row.passages.forEach((p, i) => {
      layout.ensure(40);
      const label = `${outlet(p.outletId)}${i === 0 && row.passages.length > 1 ? " (base)" : ""}:`;
      // Only the words of a change are marked.
      const runs = p.segments.flatMap(({ text, kind }) => {
        const flat = text.replace(/\s+/g, " ");
        if (kind !== "added") return [{ text: flat, marked: false }];
        const [before, core, after] = splitEdges(flat);
        return [{ text: before, marked: false }, { text: core, marked: true }, { text: after, marked: false }];
      }).filter((r) => r.text !== "");
      const direction = directionOf(p.sourceId, p.text);
      doc.fontSize(9.5).fillColor(INK);
      if (direction === "rtl" || hasRightToLeft(p.text)) {
        // A right-to-left passage starts on its own line, below the outlet's name, at the right.
        const spans: Span[] = runs.map((run) => ({ text: run.text, font: run.marked ? "bold" : "regular", underline: run.marked }));
        if (direction === "rtl") doc.font("bold").text(label, layout.left, doc.y, { width: layout.width });
        else spans.unshift({ text: `${label}  `, font: "bold" });
        writeBidi(doc, spans, { x: layout.left, y: doc.y }, { width: layout.width, direction }, fontFor);
      } else {
        // pdfkit styles runs of one paragraph with `continued`.
        doc.font("bold").text(`${label}  `, layout.left, doc.y, { width: layout.width, continued: true });
        runs.forEach((run, k) => {
          writeText(doc, run.marked ? "bold" : "regular", run.text, null, { continued: k < runs.length - 1, underline: run.marked });
        });
      }
      const changes = p.changes.filter((c) => c.base || c.here).slice(0, MAX_CHANGES);
      const notes = [
        p.orphaned ? "No longer in the source's current text; last wording shown." : null,
        p.paraphrased ? PARAPHRASED_NOTE : null,
        changes.length ? `Differs: ${changes.map(changeLabel).join("; ")}` : null,
        p.tags.length ? `Tags: ${p.tags.map((t) => t.name).join(", ")}` : null,
      ].filter((n): n is string => n !== null);
      doc.moveDown(0.15);
      for (const note of notes) writeText(doc.fontSize(8).fillColor(SOFT), "regular", note, { x: layout.left + 12, y: doc.y }, { width: layout.width - 12 });
      doc.moveDown(0.45);
    });
    if (row.missingOutletIds.length) layout.paragraph(`Not reported by: ${row.missingOutletIds.map(outlet).join(", ")}.`, { font: "italic", size: 9 });
  }

  layout.heading("Omissions", 2);
  if (report.omissions.length === 0) layout.paragraph("Every outlet reports every fact row.");
  else
    layout.table(
      [
        { header: "Fact row", width: 3 },
        { header: "Reported by", width: 2 },
        { header: "Left out by", width: 2 },
      ],
      report.omissions.map((o) => [o.label, o.reportedBy.map(outlet).join(", ") || "nobody", o.missingFrom.map(outlet).join(", ")]),
    );
  layout.heading("By outlet", 3);
  const { minScore, outlets: byOutlet } = report.outletOmissions;
  layout.paragraph(minScore === null ? "What only one outlet reports needs at least two sources with text." : `Only in an outlet: ${onlyHereRule(minScore)}`, { color: SOFT });
  for (const o of byOutlet) {
    layout.paragraph(outlet(o.outletId), { font: "bold", size: 10, gap: 0.15 });
    layout.paragraph(
      o.leavesOut.length === 0
        ? "Leaves out no fact row."
        : `Leaves out ${o.leavesOut.length === 1 ? "1 fact row" : `${o.leavesOut.length} fact rows`}: ${o.leavesOut.map((r) => `“${r.label}”`).join(", ")}.`,
    );
    if (minScore === null) continue;
    if (o.onlyHere.length === 0) layout.paragraph("Reports nothing the other outlets leave out.");
    else {
      layout.paragraph(`Only in ${outlet(o.outletId)} (${o.onlyHere.length === 1 ? "1 passage" : `${o.onlyHere.length} passages`}):`, { gap: 0.15 });
      for (const p of o.onlyHere) layout.paragraph(`• ${p.text.replace(/\s+/g, " ")}`, { size: 9, gap: 0.15, direction: directionOf(p.sourceId, p.text) });
    }
  }

  layout.section("Claims");
  layout.paragraph(
    "Claim annotations are one claim when they name the same asserter and quote the same words or sit in the same fact row; an outlet carries a claim when one of its sources has such an annotation.",
    { color: SOFT },
  );
  if (report.claims.length === 0) layout.paragraph("No claims are marked.");
  for (const claim of report.claims) {
    layout.ensure(60);
    writeText(doc.fontSize(10).fillColor(INK), "italic", `“${oneLine(claim.quote)}”`, { x: layout.left, y: doc.y }, { width: layout.width });
    doc.moveDown(0.15);
    const meta = [`Asserted by ${asserterLabel(claim)}`, `status: ${statusLabel(claim.statuses)}`, `carried by ${claim.carriedBy.map((c) => outlet(c.outletId)).join(", ")}`];
    if (claim.factRow) meta.push(`fact row: ${claim.factRow.label}`);
    doc.font("regular").fontSize(8.5).fillColor(SOFT).text(meta.join("  ·  "), layout.left + 12, doc.y, { width: layout.width - 12 });
    for (const url of claim.evidence) {
      doc.fillColor("#1f4fbf").text(`Evidence: ${url}`, layout.left + 12, doc.y, { width: layout.width - 12, link: url, underline: true });
    }
    doc.moveDown(0.6);
  }

  layout.section("Method");
  const facts = [
    LAYER_TEXT[report.filters.layer],
    `Annotations counted: ${method.annotations}. Hidden and deleted annotations are never counted${method.orphanedExcluded ? `; ${method.orphanedExcluded} more are left out because their words are no longer in the source's text` : ""}.`,
    `Reviewers: ${method.reviewers.map((r) => `${r.name} (${r.annotations})`).join(", ") || "none"}.`,
    `Annotations made: ${dayRange(method.annotationDates)}. Sources published: ${dayRange(method.publicationDates)}.`,
    "Per 1,000 words: annotations carrying a tag in an outlet's sources × 1,000 ÷ the words (word tokens) of those sources' current text.",
  ];
  for (const fact of facts) layout.paragraph(`•  ${fact}`, { gap: 0.2 });
  doc.moveDown(0.5);
  layout.heading("Agreement between reviewers", 2);
  layout.paragraph(
    "Krippendorff's alpha (nominal) per tag set over the word tokens of the sources, as on the Agreement tab: 1 is perfect agreement, 0 what chance would give.",
    { color: SOFT },
  );
  if (method.agreement.length > 0)
    layout.table(
      [
        { header: "Tag set", width: 3 },
        { header: "Alpha", width: 2, align: "right" },
        { header: "Raw agreement", width: 1.5, align: "right" },
        { header: "Words coded by two or more", width: 2, align: "right" },
      ],
      method.agreement.map((a) => [a.name, alphaLabel(a), a.observedAgreement === null ? "—" : `${Math.round(a.observedAgreement * 100)}%`, String(a.pairableUnits)]),
    );
  layout.heading("Definitions", 2);
  if (method.definitions.length === 0) layout.paragraph("No tags are used.");
  for (const set of method.definitions) {
    layout.heading(set.name, 3);
    if (set.description) layout.paragraph(set.description, { color: SOFT, size: 9 });
    for (const tag of set.tags) {
      layout.ensure(24);
      doc.font("bold").fontSize(9).fillColor(INK).text(`${tag.name}${tag.description ? ": " : ""}`, layout.left, doc.y, { width: layout.width, continued: Boolean(tag.description) });
      if (tag.description) doc.font("regular").text(tag.description);
      doc.moveDown(0.3);
    }
  }
}

/** Horizontal bars grouped by tag, one bar per outlet, in the tag's colour. */
function barChart(layout: Layout, report: FramingReport, set: ReportTagSet) {
  const { doc } = layout;
  const outlet = outletNames(report);
  layout.heading(set.name, 2);
  if (set.tags.length === 0) {
    layout.paragraph("No annotations carry tags of this set.", { color: SOFT });
    return;
  }
  const labelWidth = 120;
  const valueWidth = 70;
  const barArea = layout.width - labelWidth - valueWidth - 8;
  const max = Math.max(...set.tags.flatMap((t) => t.cells.map((c) => c.per1000 ?? 0)), 0);
  const rowHeight = 12;
  for (const tag of set.tags) {
    layout.ensure(16 + tag.cells.length * rowHeight + 6);
    const top = doc.y;
    doc.rect(layout.left, top + 2, 8, 8).fillAndStroke(tag.color, shade(tag.color, 0.45));
    doc.font("semibold").fontSize(9).fillColor(INK).text(`${tag.name}${tag.retired ? " (retired)" : ""}`, layout.left + 13, top, { width: layout.width - 13 });
    let y = doc.y + 2;
    for (const cell of tag.cells) {
      doc.font("regular").fontSize(8).fillColor(INK).text(fitted(doc, outlet(cell.outletId), labelWidth - 8), layout.left, y + 1.5, { width: labelWidth - 8, align: "right", lineBreak: false });
      const x = layout.left + labelWidth;
      const length = max > 0 && cell.per1000 ? Math.max(1.5, (cell.per1000 / max) * barArea) : 0;
      doc.moveTo(x, y).lineTo(x, y + rowHeight - 1).lineWidth(0.5).strokeColor(SOFT).stroke();
      if (length > 0) doc.rect(x, y + 1.5, length, rowHeight - 4).lineWidth(0.5).fillAndStroke(tag.color, shade(tag.color, 0.45));
      doc.font("regular").fontSize(7.5).fillColor(cell.count ? INK : SOFT).text(cellLabel(cell), x + length + 4, y + 2, { width: valueWidth, lineBreak: false });
      y += rowHeight;
    }
    doc.x = layout.left;
    doc.y = y + 6;
  }
  doc.moveDown(0.6);
}

/** Outlets across, tags down; each cell shaded by its rate relative to the largest one. */
function heatMap(layout: Layout, report: FramingReport) {
  const { doc } = layout;
  const tags = report.tagSets.flatMap((set) => set.tags.map((tag) => ({ set, tag })));
  layout.section("Heat map: tags × outlets");
  if (tags.length === 0 || report.outlets.length === 0) {
    layout.paragraph("No tags are used under these filters.", { color: SOFT });
    return;
  }
  const max = Math.max(...tags.flatMap(({ tag }) => tag.cells.map((c) => c.per1000 ?? 0)), 0);
  layout.paragraph(
    `Each cell: per 1,000 words (count in brackets). The darker the cell, the higher the rate, relative to the highest rate (${formatRate(max)}).`,
    { color: SOFT },
  );
  const labelWidth = 140;
  const cellWidth = (layout.width - labelWidth) / report.outlets.length;
  const cellHeight = 15;
  const header = () => {
    doc.font("semibold").fontSize(7.5);
    const height = Math.max(...report.outlets.map((o) => doc.heightOfString(o.name, { width: cellWidth - 4 }))) + 6;
    const top = doc.y;
    report.outlets.forEach((o, i) => {
      doc.fillColor(INK).text(o.name, layout.left + labelWidth + i * cellWidth + 2, top, { width: cellWidth - 4, align: "center" });
    });
    doc.y = top + height;
  };
  header();
  let currentSet = "";
  for (const { set, tag } of tags) {
    if (doc.y + cellHeight * 2 > layout.bottom) {
      doc.addPage();
      header();
      currentSet = "";
    }
    if (set.id !== currentSet) {
      currentSet = set.id;
      doc.font("bold").fontSize(8).fillColor(SOFT).text(set.name.toUpperCase(), layout.left, doc.y + 4, { width: layout.width, characterSpacing: 0.5 });
      doc.moveDown(0.2);
    }
    const y = doc.y;
    doc.font("regular").fontSize(8);
    const height = Math.max(cellHeight, doc.heightOfString(tag.name, { width: labelWidth - 6 }) + 6);
    doc.fillColor(INK).text(tag.name, layout.left, y + 3.5, { width: labelWidth - 6 });
    tag.cells.forEach((cell, i) => {
      const x = layout.left + labelWidth + i * cellWidth;
      doc.rect(x, y, cellWidth, height).lineWidth(0.5).fillAndStroke(heatFill(tag.color, cell.per1000, max), LINE);
      doc.font("regular").fontSize(7.5).fillColor(cell.count ? INK : SOFT).text(cellLabel(cell), x, y + height / 2 - 3.5, { width: cellWidth, align: "center", lineBreak: false });
    });
    doc.x = layout.left;
    doc.y = y + height;
  }
  doc.moveDown(1);
}
