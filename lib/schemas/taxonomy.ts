import { refuseUnsafeCharacters } from "./text";
import { z } from "./zod";
import { MIN_HIGHLIGHT_CONTRAST, contrastRatio } from "@/lib/domain/taxonomy";

export const TAG_NAME_MAX = 80;
export const TAG_DESCRIPTION_MAX = 2000;

/** Highlights sit under black body text, so colours are checked against black. */
const TEXT_COLOR = "#000000";
const HEX_COLOR = /^#[0-9a-f]{6}$/;

/**
 * The form of a name that must be unique within a tag set: "Loaded language" and
 * "loaded  LANGUAGE" are the same tag to a reviewer, so they may not sit side by side.
 */
export function tagNameKey(name: string): string {
  return name.normalize("NFC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** Contrast of black text on the colour, rounded down so 6.96:1 never reads as "7.0:1". */
export function textContrast(color: string): number {
  return Math.floor(contrastRatio(TEXT_COLOR, color) * 10) / 10;
}

export const ZTagName = z
  .string({ error: "Give the tag a name." })
  .superRefine(refuseUnsafeCharacters("line", "tag name"))
  .normalize("NFC")
  .overwrite((name) => name.replace(/\s+/g, " ").trim())
  .min(1, "Give the tag a name.")
  .max(TAG_NAME_MAX, `Use at most ${TAG_NAME_MAX} characters for the tag name.`)
  .describe("Label reviewers choose, unique within its tag set (ignoring case)");

/** An empty guideline is stored as none (null), so clearing the field removes it. */
export const ZTagDescription = z
  .string({ error: "Write the coding guideline as text." })
  .superRefine(refuseUnsafeCharacters("prose", "coding guideline"))
  .trim()
  .max(TAG_DESCRIPTION_MAX, `Keep the coding guideline to at most ${TAG_DESCRIPTION_MAX.toLocaleString("en")} characters.`)
  .transform((text) => text || null)
  .describe("Coding guideline: when to apply the tag");

export const ZTagColor = z
  .string({ error: "Choose a colour." })
  .trim()
  .toLowerCase()
  .regex(HEX_COLOR, "Enter the colour as #rrggbb, e.g. #f5aea3.")
  .superRefine((color, ctx) => {
    // Zod runs every check even after the regex fails; a malformed colour has its message already.
    if (!HEX_COLOR.test(color)) return;
    const ratio = textContrast(color);
    if (ratio < MIN_HIGHLIGHT_CONTRAST) {
      ctx.addIssue({
        code: "custom",
        message: `Choose a lighter colour: black text on ${color} has a contrast of only ${ratio}:1, and highlights need at least ${MIN_HIGHLIGHT_CONTRAST}:1 to keep the text readable.`,
      });
    }
  })
  .describe("Highlight colour, #rrggbb, light enough for black text");

const ZId = (message: string) => z.string({ error: message }).trim().min(1, message);

export const ZCreateTag = z.object({
  tagSetId: ZId("Choose the tag set to add the tag to.").describe("The tag set of this comparison"),
  name: ZTagName,
  description: ZTagDescription.optional(),
  color: ZTagColor,
});
export type TCreateTag = z.infer<typeof ZCreateTag>;

/** Rename, describe, recolour: fields left out stay as they are. */
export const ZUpdateTag = z.object({
  name: ZTagName.optional(),
  description: ZTagDescription.optional(),
  color: ZTagColor.optional(),
});
export type TUpdateTag = z.infer<typeof ZUpdateTag>;

export const ZMergeTags = z
  .object({
    tagId: ZId("Choose the tag to merge.").describe("The tag that is merged and retired"),
    intoTagId: ZId("Choose the tag to merge into.").describe("The tag that receives the annotations"),
  })
  .refine((merge) => merge.tagId !== merge.intoTagId, {
    message: "A tag cannot be merged into itself; choose another tag.",
    path: ["intoTagId"],
  });
export type TMergeTags = z.infer<typeof ZMergeTags>;
