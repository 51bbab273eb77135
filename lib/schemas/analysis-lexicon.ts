import { z } from "./zod";
import { getDefaultTagSet } from "@/lib/domain/taxonomy";
import type { Lexicon } from "@/lib/domain/analysis";

/**
 * A loaded-terms lexicon a workspace supplies in place of the default
 * (lib/domain/analysis/lexicon/loaded-terms.json, same format). Checked whole before use: a
 * category must propose tags of the default taxonomy by their exact names (proposals carry
 * those names), and every entry's category must exist.
 */
const PROPOSABLE: Record<string, ReadonlySet<string>> = Object.fromEntries(
  (["framing-devices", "persuasion-techniques"] as const).map((key) => {
    const set = getDefaultTagSet(key);
    return [set.name, new Set(set.tags.map((t) => t.name))];
  }),
);

const ZProposedTag = z
  .object({
    set: z.enum(["Framing devices", "Persuasion techniques"]).describe("Tag-set name of the default taxonomy"),
    tag: z.string().describe("Tag name in that set, exactly as in the default taxonomy"),
  })
  .refine(({ set, tag }) => PROPOSABLE[set]?.has(tag), { error: ({ input }) => `“${(input as { tag: string }).tag}” is not a tag of that set in the default taxonomy.` });

const ZPartsOfSpeech = z.array(z.string().regex(/^[A-Z]+$/, "Use Universal Dependencies tags such as NOUN or ADJ.")).min(1);

export const ZAnalysisLexicon = z
  .object({
    name: z.string().trim().min(1).max(200).describe("What this lexicon is, shown beside its proposals"),
    version: z.number().int().min(1).describe("Raised on every edit, so accepted proposals can say which list they came from"),
    about: z.string().max(5000).describe("How the lexicon was made and what it is for"),
    categories: z
      .record(
        z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Name categories in kebab-case."),
        z.object({
          description: z.string().max(1000),
          propose: z.array(ZProposedTag).min(1).describe("Tags a term of this category proposes"),
          confidence: z.number().gt(0).max(1),
          pos: ZPartsOfSpeech.optional(),
        }),
      )
      .describe("Categories of terms, each with the tags it proposes"),
    entries: z
      .array(
        z.object({
          term: z.string().trim().min(1).max(100).describe("Word or phrase, matched ignoring case and inflection"),
          category: z.string(),
          note: z.string().trim().min(1).max(300).describe("Why the term is charged; shown in the proposal's reason"),
          confidence: z.number().gt(0).max(1).optional(),
          pos: ZPartsOfSpeech.optional(),
          notFollowedBy: z.array(z.string().trim().min(1).max(50)).max(50).optional().describe("Words that, right after the term, make it the plain word for a fact"),
          notPrecededBy: z.array(z.string().trim().min(1).max(50)).max(50).optional().describe("Words that, right before the term, make it the plain word for a fact"),
        }),
      )
      .max(10_000),
  })
  .superRefine((lexicon, ctx) => {
    lexicon.entries.forEach((entry, i) => {
      if (!Object.hasOwn(lexicon.categories, entry.category)) {
        ctx.addIssue({ code: "custom", path: ["entries", i, "category"], message: `“${entry.term}” has the category “${entry.category}”, which the lexicon does not define.` });
      }
    });
  }) satisfies z.ZodType<Lexicon>;

export type TAnalysisLexicon = z.infer<typeof ZAnalysisLexicon>;
