import { findUnsafeCharacter, unsafeCharacterMessage, type TextKind } from "@/lib/domain/text/unsafe-characters";
import type { z } from "./zod";

/**
 * The check every field of free text gets: NUL everywhere, and the bidirectional controls
 * its kind may not hold (lib/domain/text/unsafe-characters.ts), refused with a message that
 * names the field and the character. `label` reads in "The {label} contains …".
 *
 *   line:  names, titles, labels (one line, shown inline beside other text)
 *   prose: comments, replies, descriptions, notes, instructions, reasons
 *   body:  a source's article text
 */
export function refuseUnsafeCharacters(kind: TextKind, label: string) {
  return (value: string, ctx: z.RefinementCtx<string>) => {
    const character = findUnsafeCharacter(value, kind);
    if (character) ctx.addIssue({ code: "custom", message: unsafeCharacterMessage(label, character) });
  };
}
