import "server-only";
import { createHash } from "node:crypto";
import { tokenUnits } from "@/lib/domain/agreement";

/** The derived fields stored with every revision of a source's text. */
export function revisionFields(text: string) {
  return {
    text,
    textHash: createHash("sha256").update(text).digest("hex"),
    // The same word tokens that agreement is measured on, so "per 1,000 words" agrees everywhere.
    wordCount: tokenUnits(text).length,
  };
}
