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
import { onlyHereRule } from "@/lib/domain/report/outlet-omissions";
import { LAYER_TEXT } from "@/lib/domain/report/filters";
import type { FramingReport, ReportPassage } from "@/lib/domain/report/types";

/** Text made safe inside a Markdown line, spacing kept (see {@link escapeMarkdown}). */
function escapeInline(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/[\\`*_[\]|~]/g, "\\$&");
}

/**
 * Text made safe to place anywhere in a Markdown line: line breaks become spaces (a table
 * row or list item must stay on one line), HTML is written as entities so it shows as text,
 * and every character Markdown or GFM tables give a meaning inline is backslash-escaped. A
 * marker that would start a block (heading, list, numbered item) is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(text)
    .trim()
    .replace(/^([#+=-])/, "\\$1")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/** A link whose text is the address itself, with the characters that would end it encoded. */
function link(url: string): string {
  const target = url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c));
  return `[${escapeMarkdown(url)}](${target})`;
}

function table(head: string[], rows: string[][], align: ("left" | "right")[] = []): string {
  const rule = head.map((_, i) => (align[i] === "right" ? "---:" : "---"));
  return [head, rule, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** A passage with the words that differ from the base passage in bold. */
function markedPassage(passage: ReportPassage): string {
  return passage.segments
    .map(({ text, kind }) => {
      if (kind !== "added") return escapeInline(text);
      // Emphasis must hug its words: "** word**" is not bold.
      const [before, core, after] = splitEdges(text);
      return core ? `${escapeInline(before)}**${escapeInline(core)}**${escapeInline(after)}` : escapeInline(text);
    })
    .join("")
    .trim();
}

/** The framing report as Markdown: headings per section, tables for the figures. */
export function reportToMarkdown(report: FramingReport): string {
  const outlet = outletNames(report);
  const out: string[] = [];
  const { comparison, method } = report;

  out.push(`# Framing report: ${escapeMarkdown(comparison.title)}`);
  if (comparison.description) out.push(escapeMarkdown(comparison.description));
  out.push(
    [
      `Workspace: ${escapeMarkdown(comparison.workspaceName)}`,
      comparison.eventDate ? `Event: ${comparison.eventDate}` : null,
      `Generated: ${day(report.generatedAt)}`,
    ]
      .filter(Boolean)
      .join(" · "),
  );
  out.push(`Shows: ${escapeMarkdown(filterSummary(report))}`);

  out.push("## Outlets");
  out.push(
    report.outlets.length === 0
      ? "No outlets match the filters."
      : table(
          ["Outlet", "Sources", "Words"],
          report.outlets.map((o) => [escapeMarkdown(o.name), o.sources.map((s) => escapeMarkdown(s.title)).join("; "), String(o.words)]),
          ["left", "left", "right"],
        ),
  );

  out.push("## Tags per outlet");
  out.push(
    "Each cell: the number of annotations carrying the tag in the outlet's sources, and in brackets that number per 1,000 words of the outlet's text (count × 1,000 ÷ words).",
  );
  for (const set of report.tagSets) {
    out.push(`### ${escapeMarkdown(set.name)}`);
    if (set.tags.length === 0) {
      out.push("No annotations carry tags of this set.");
      continue;
    }
    out.push(
      table(
        ["Tag", ...report.outlets.map((o) => escapeMarkdown(o.name)), "Total"],
        set.tags.map((tag) => [
          escapeMarkdown(tag.name) + (tag.retired ? " (retired)" : ""),
          ...tag.cells.map((c) => `${c.count} (${formatRate(c.per1000)})`),
          String(tag.total),
        ]),
        ["left", ...report.outlets.map(() => "right" as const), "right"],
      ),
    );
  }

  out.push("## Term choice");
  out.push("Each fact row as the outlets word it. Words in bold differ from the base passage (the first outlet's).");
  if (report.termChoice.length === 0) out.push("No fact rows yet.");
  if (report.recurringTerms.length > 0) {
    out.push("### Recurring terms");
    out.push(RECURRING_TERMS_NOTE);
    out.push(
      table(
        ["Term", ...report.outlets.map((o) => escapeMarkdown(o.name)), "Fact rows"],
        report.recurringTerms.map((term) => [
          escapeMarkdown(term.label),
          ...term.cells.map((c) => escapeMarkdown(wordingsLabel(c.wordings))),
          String(term.factRowIds.length),
        ]),
        ["left", ...report.outlets.map(() => "left" as const), "right"],
      ),
    );
  } else if (report.termChoice.length > 1) out.push(NO_RECURRING_TERMS);
  for (const row of report.termChoice) {
    out.push(`### ${escapeMarkdown(row.label)}`);
    if (row.note) out.push(`Note: ${escapeMarkdown(row.note)}`);
    const items = row.passages.map((p, i) => {
      const lines = [`- **${escapeMarkdown(outlet(p.outletId))}**${i === 0 && row.passages.length > 1 ? " (base)" : ""}: “${markedPassage(p)}”`];
      if (p.orphaned) lines.push("  - This passage is no longer in the source's current text; its last wording is shown.");
      if (p.paraphrased) lines.push(`  - ${PARAPHRASED_NOTE}`);
      const changes = p.changes.filter((c) => c.base || c.here).slice(0, MAX_CHANGES);
      if (changes.length) lines.push(`  - Differs: ${changes.map((c) => escapeMarkdown(changeLabel(c))).join("; ")}`);
      if (p.tags.length) lines.push(`  - Tags: ${p.tags.map((t) => escapeMarkdown(t.name)).join(", ")}`);
      return lines.join("\n");
    });
    if (items.length) out.push(items.join("\n"));
    if (row.missingOutletIds.length) out.push(`Not reported by: ${row.missingOutletIds.map((id) => escapeMarkdown(outlet(id))).join(", ")}.`);
  }

  out.push("## Omissions");
  out.push(
    report.omissions.length === 0
      ? "Every outlet reports every fact row."
      : table(
          ["Fact row", "Reported by", "Left out by"],
          report.omissions.map((o) => [
            escapeMarkdown(o.label),
            o.reportedBy.map((id) => escapeMarkdown(outlet(id))).join(", ") || "nobody",
            o.missingFrom.map((id) => escapeMarkdown(outlet(id))).join(", "),
          ]),
        ),
  );
  out.push("### By outlet");
  const { minScore, outlets: byOutlet } = report.outletOmissions;
  out.push(minScore === null ? "What only one outlet reports needs at least two sources with text." : `Only in an outlet: ${escapeMarkdown(onlyHereRule(minScore))}`);
  for (const o of byOutlet) {
    out.push(`#### ${escapeMarkdown(outlet(o.outletId))}`);
    out.push(
      o.leavesOut.length === 0
        ? "Leaves out no fact row."
        : `Leaves out ${o.leavesOut.length === 1 ? "1 fact row" : `${o.leavesOut.length} fact rows`}: ${o.leavesOut.map((r) => `“${escapeMarkdown(r.label)}”`).join(", ")}.`,
    );
    if (minScore === null) continue;
    if (o.onlyHere.length === 0) out.push("Reports nothing the other outlets leave out.");
    else {
      out.push(`Only in ${escapeMarkdown(outlet(o.outletId))} (${o.onlyHere.length === 1 ? "1 passage" : `${o.onlyHere.length} passages`}):`);
      out.push(o.onlyHere.map((p) => `- ${escapeMarkdown(p.text.replace(/\s+/g, " "))}`).join("\n"));
    }
  }

  out.push("## Claims");
  out.push(
    "Claim annotations are one claim when they name the same asserter and quote the same words or sit in the same fact row; an outlet carries a claim when one of its sources has such an annotation.",
  );
  out.push(
    report.claims.length === 0
      ? "No claims are marked."
      : table(
          ["Claim", "Asserted by", "Status", "Evidence", "Carried by"],
          report.claims.map((c) => [
            `“${escapeMarkdown(c.quote)}”`,
            escapeMarkdown(asserterLabel(c)),
            statusLabel(c.statuses),
            c.evidence.map(link).join(", ") || "—",
            c.carriedBy.map((k) => escapeMarkdown(outlet(k.outletId))).join(", "),
          ]),
        ),
  );

  out.push("## Method");
  out.push(
    [
      `- ${LAYER_TEXT[report.filters.layer]}`,
      `- Annotations counted: ${method.annotations}${method.orphanedExcluded ? ` (${method.orphanedExcluded} left out: their words are no longer in the source's text)` : ""}; hidden and deleted annotations are never counted.`,
      `- Reviewers: ${method.reviewers.map((r) => `${escapeMarkdown(r.name)} (${r.annotations})`).join(", ") || "none"}`,
      `- Annotations made: ${dayRange(method.annotationDates)}`,
      `- Sources published: ${dayRange(method.publicationDates)}`,
      "- Per 1,000 words: annotations carrying a tag in an outlet's sources × 1,000 ÷ the words (word tokens) of those sources' current text.",
    ].join("\n"),
  );
  out.push("### Agreement between reviewers");
  out.push(
    method.agreement.length === 0
      ? "No tag sets selected."
      : table(
          ["Tag set", "Krippendorff's alpha", "Raw agreement", "Words coded by two or more"],
          method.agreement.map((a) => [
            escapeMarkdown(a.name),
            alphaLabel(a),
            a.observedAgreement === null ? "—" : `${Math.round(a.observedAgreement * 100)}%`,
            String(a.pairableUnits),
          ]),
          ["left", "right", "right", "right"],
        ),
  );
  out.push("### Definitions");
  if (method.definitions.length === 0) out.push("No tags are used.");
  for (const set of method.definitions) {
    out.push(`#### ${escapeMarkdown(set.name)}`);
    if (set.description) out.push(escapeMarkdown(set.description));
    out.push(set.tags.map((t) => `- **${escapeMarkdown(t.name)}**${t.description ? `: ${escapeMarkdown(t.description)}` : ""}`).join("\n"));
  }
  return `${out.join("\n\n")}\n`;
}
