import { normalizeLanguage } from "@/lib/domain/text/language";
import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";

const optionalText = (max: number, label: string, kind: "line" | "prose") =>
  z
    .string()
    .superRefine(refuseUnsafeCharacters(kind, label))
    .trim()
    .max(max, `Use at most ${max} characters for the ${label}.`)
    .transform((value) => value || undefined)
    .optional();

const ZOptionalDate = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .pipe(z.iso.date("Enter the date as YYYY-MM-DD.").optional())
  .optional();

const ZOptionalUrl = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." }).optional())
  .optional();

export const ZCreateComparison = z.object({
  title: z.string().superRefine(refuseUnsafeCharacters("line", "title")).trim().min(3, "Give the comparison a title of at least 3 characters.").max(200, "Use at most 200 characters for the title.").describe("The event or story"),
  description: optionalText(2000, "description", "prose").describe("What the comparison looks at"),
  eventDate: ZOptionalDate.describe("When the event happened (YYYY-MM-DD)"),
});
export type TCreateComparison = z.infer<typeof ZCreateComparison>;

export const ZCreateOutlet = z.object({
  name: z.string().superRefine(refuseUnsafeCharacters("line", "name")).trim().min(1, "Enter the outlet's name.").max(120, "Use at most 120 characters for the name.").describe("Publisher name"),
  site: ZOptionalUrl.describe("Home page"),
  country: optionalText(80, "country", "line").describe("Country of publication"),
  notes: optionalText(2000, "notes", "prose").describe("Ownership, leaning, anything worth knowing"),
});
export type TCreateOutlet = z.infer<typeof ZCreateOutlet>;

/** Metadata an editor gives with a new source; empty fields fall back to what the import found. */
export const ZSourceMetadata = z.object({
  title: optionalText(300, "title", "line").describe("Headline"),
  outletId: z.string().trim().optional().transform((value) => value || undefined).describe("Existing outlet"),
  outletName: optionalText(120, "outlet name", "line").describe("New outlet to create by name"),
  author: optionalText(200, "author", "line").describe("Byline"),
  url: ZOptionalUrl.describe("Where the article was published"),
  publishedAt: ZOptionalDate.describe("Publication date (YYYY-MM-DD)"),
  confirmDuplicate: z.boolean().default(false).describe("Add even if the same text is already in the comparison"),
});
export type TSourceMetadata = z.infer<typeof ZSourceMetadata>;

export const ZUpdateSourceText = z.object({
  text: z.string().superRefine(refuseUnsafeCharacters("body", "text")).describe("The corrected full text"),
  baseRevision: z.number().int().positive().describe("The revision number the edit started from"),
});

export const ZUpdateSourceLanguage = z.object({
  language: z
    .string()
    .trim()
    .max(35, "Use a short language tag such as “fa” or “zh-Hant”.")
    .refine((tag) => tag === "" || normalizeLanguage(tag) !== null, "That is not a language tag: use one such as “en”, “fa”, “ar” or “zh-Hant”.")
    .transform((tag) => normalizeLanguage(tag))
    .describe("BCP 47 tag of the source's language; blank when unknown"),
});

export const ZFactRowLabel = z.object({
  label: z.string().superRefine(refuseUnsafeCharacters("line", "label")).trim().min(1, "Give the fact row a short label, e.g. “How the strike is named”.").max(160, "Use at most 160 characters for the label."),
});

export const ZSetPassage = z.object({
  factRowId: z.string().min(1).optional().describe("Existing fact row; omit to create one"),
  label: z.string().superRefine(refuseUnsafeCharacters("line", "label")).trim().max(160).optional().describe("Label of the new fact row"),
  sourceId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  revisionNumber: z.number().int().positive().describe("The revision the offsets refer to"),
});
export type TSetPassage = z.infer<typeof ZSetPassage>;

export const ZPassageRange = z.object({
  sourceId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

const ZSourceIds = z.array(z.string().min(1).max(64)).max(200, "A comparison shows at most 200 sources.");

/** How the signed-in user arranges a comparison's side-by-side columns. */
export const ZSaveColumnLayout = z.object({
  order: ZSourceIds.describe("Source ids, left to right"),
  hidden: ZSourceIds.describe("Source ids left out of the view"),
  collapsed: ZSourceIds.describe("Source ids shown as a narrow strip"),
});
export type TSaveColumnLayout = z.infer<typeof ZSaveColumnLayout>;
