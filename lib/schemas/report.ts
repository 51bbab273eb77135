import { z } from "./zod";

const ZIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(100, "An id in the filters is too long.")).max(200, "Choose at most 200 values per filter."));

const ZDay = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, `Give the ${label} date as YYYY-MM-DD.`)
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), `The ${label} date is not a real day.`)
        .optional(),
    );

/**
 * Report filters from a query string. Dates are whole days in UTC: `from` starts at the
 * beginning of its day, `to` ends at the end of its day, so from=to=a day covers that day.
 */
export const ZReportQuery = z
  .object({
    outlet: ZIds.describe("Outlet ids; repeat the parameter for several"),
    tagSet: ZIds.describe("Tag set ids"),
    reviewer: ZIds.describe("Reviewer (user) ids"),
    from: ZDay("from").describe("First day of annotations, YYYY-MM-DD"),
    to: ZDay("to").describe("Last day of annotations, YYYY-MM-DD"),
    layer: z
      .enum(["all", "curated"], { error: "Count either all reviewers' annotations (layer=all) or the curated layer only (layer=curated)." })
      .default("all")
      .describe("all: every reviewer's annotations; curated: only the spans editors accepted in the merge view"),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The from date must not be after the to date.", path: ["to"] })
  .transform((q) => ({
    outletIds: q.outlet,
    tagSetIds: q.tagSet,
    reviewerIds: q.reviewer,
    from: q.from ? new Date(`${q.from}T00:00:00.000Z`) : undefined,
    to: q.to ? new Date(`${q.to}T23:59:59.999Z`) : undefined,
    layer: q.layer,
  }));
export type TReportQuery = z.input<typeof ZReportQuery>;
