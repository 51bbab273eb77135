import "server-only";
import { AppError } from "@/lib/server/errors";

export const MAX_SOURCE_BYTES = 1024 * 1024;

/** The rules every stored body text obeys, whichever way it arrived. */
export function assertStorableText(text: string, field = "text") {
  if (!text) {
    const message = "The text is empty. Paste or upload the article's text.";
    throw new AppError("INVALID_INPUT", message, { [field]: message });
  }
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_SOURCE_BYTES) {
    const message = `The text is ${(bytes / 1024 / 1024).toFixed(1)} MB; a source can hold at most 1 MB of text.`;
    throw new AppError("PAYLOAD_TOO_LARGE", message, { [field]: message });
  }
}
