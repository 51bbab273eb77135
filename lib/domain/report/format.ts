import type { ClaimStatusValue, FramingReport, ReportClaim } from "./types";

/** A rate per 1,000 words with one decimal ("4.2"); "—" when the outlet has no text. */
export function formatRate(per1000: number | null): string {
  return per1000 === null ? "—" : per1000.toFixed(1);
}

export const CLAIM_STATUS_LABEL: Record<ClaimStatusValue, string> = {
  UNVERIFIED: "unverified",
  SUPPORTED: "supported",
  DISPUTED: "disputed",
  FALSE: "false",
};

/** Who asserts a claim, as a reader would say it. */
export function asserterLabel(claim: Pick<ReportClaim, "asserter" | "assertedBy">): string {
  if (claim.asserter === "QUOTED_PARTY") return claim.assertedBy ?? "a quoted party";
  return "the outlet itself";
}

/** "unverified", or "unverified / disputed" when reviewers gave different statuses. */
export function statusLabel(statuses: readonly ClaimStatusValue[]): string {
  return statuses.length === 0 ? "no status" : statuses.map((s) => CLAIM_STATUS_LABEL[s]).join(" / ");
}

/** The name of an outlet of the report by id. */
export function outletNames(report: FramingReport): (id: string) => string {
  const names = new Map(report.outlets.map((o) => [o.id, o.name]));
  return (id) => names.get(id) ?? id;
}

/** One sentence on what the filters select, e.g. "Outlets: A, B · Reviewers: Rita · From 2026-01-01". */
export function filterSummary(report: FramingReport): string {
  const { filters, choices } = report;
  const names = (ids: string[], from: { id: string; name: string }[]) => ids.map((id) => from.find((c) => c.id === id)?.name ?? id).join(", ");
  const parts = [
    filters.outletIds.length ? `Outlets: ${names(filters.outletIds, choices.outlets)}` : "All outlets",
    filters.tagSetIds.length ? `Tag sets: ${names(filters.tagSetIds, choices.tagSets)}` : "all tag sets",
    filters.reviewerIds.length ? `Reviewers: ${names(filters.reviewerIds, choices.reviewers)}` : "all reviewers",
  ];
  if (filters.from) parts.push(`annotations from ${filters.from.slice(0, 10)}`);
  if (filters.to) parts.push(`annotations to ${filters.to.slice(0, 10)}`);
  return parts.join(" · ");
}

/** The day of an ISO date, "2026-01-03", or "—". */
export function day(iso: string | null): string {
  return iso ? iso.slice(0, 10) : "—";
}

/** "from 2026-01-03 to 2026-02-10", "on 2026-01-03", or "—". */
export function dayRange(range: { first: string | null; last: string | null }): string {
  if (!range.first || !range.last) return "—";
  const [first, last] = [day(range.first), day(range.last)];
  return first === last ? first : `${first} to ${last}`;
}

/** Alpha with three decimals, or in a few words why there is none (the method text explains). */
export function alphaLabel(agreement: { alpha: number | null; status: string }): string {
  if (agreement.alpha !== null) return agreement.alpha.toFixed(3);
  return agreement.status === "no-variation" ? "— (no variation)" : "— (too few reviewers)";
}

/** How many changed places a passage lists; beyond that the marked text speaks for itself. */
export const MAX_CHANGES = 6;

/** One changed place, “base wording” → “this wording”, with — where a side says nothing. */
export function changeLabel(change: { base: string; here: string }): string {
  const quote = (text: string) => (text ? `“${text}”` : "—");
  return `${quote(change.base)} → ${quote(change.here)}`;
}

/** The note under a passage that shares few words with the base. */
export const PARAPHRASED_NOTE = "Paraphrased: shares few words with the base, so the words each uses are paired by position.";

/** The lead of the recurring-terms table. */
export const RECURRING_TERMS_NOTE =
  "How each outlet words what recurs across fact rows: the places where outlets word a fact differently, grouped across rows when they share a wording, with how many times each outlet uses each wording.";

/** Said instead of the recurring-terms table when there are rows but nothing recurs. */
export const NO_RECURRING_TERMS = "No differing wording recurs in two or more fact rows.";

/** An outlet's wordings of one recurring term: “assassination” ×2, “killing”; — when it has none. */
export function wordingsLabel(wordings: readonly { text: string; count: number }[]): string {
  if (wordings.length === 0) return "—";
  return wordings.map((w) => `“${w.text}”${w.count > 1 ? ` ×${w.count}` : ""}`).join(", ");
}

/** A changed run of words split into its edges (spaces, punctuation) and its words, for marking only the words. */
export function splitEdges(text: string): [before: string, core: string, after: string] {
  const match = /^([^\p{L}\p{N}]*)([\s\S]*?)([^\p{L}\p{N}]*)$/u.exec(text)!;
  return [match[1]!, match[2]!, match[3]!];
}
