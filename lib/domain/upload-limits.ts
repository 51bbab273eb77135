/**
 * How much a browser may send, shared by the upload form (which checks a chosen file before
 * sending it), the server's own checks, next.config.ts and proxy.ts. Pure: no Node, no Next.
 */

/** An uploaded article file may be at most 1 MB (1,048,576 bytes). */
export const MAX_UPLOAD_BYTES = 1_048_576;

/**
 * What Next accepts as the body of one form submission (a server action): a 1 MB file or a
 * 1 MB pasted text plus the other fields, with room for multipart framing and for text that
 * shrinks when normalized. Next answers a bare 500 to anything larger, so proxy.ts refuses
 * such a request first, with a 413 and the sizes in words.
 */
export const MAX_FORM_BODY_BYTES = 4 * 1_048_576;

/** "12.3 MB (12,897,484 bytes)". */
export function formatSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB (${bytes.toLocaleString("en-US")} bytes)`;
}

/** What the form and the server say about a file over MAX_UPLOAD_BYTES. */
export function uploadTooLargeMessage(name: string, bytes: number): string {
  return `“${name}” is ${formatSize(bytes)}; files can be at most 1 MB (1,048,576 bytes). Upload a smaller file or paste the article's text.`;
}

/** What proxy.ts answers, with a 413, to a form submission over MAX_FORM_BODY_BYTES. */
export function formTooLargeMessage(bytes: number): string {
  return `The form sent ${formatSize(bytes)}; Parallax accepts at most 4 MB (4,194,304 bytes) per form and 1 MB (1,048,576 bytes) per file. Go back, choose a smaller file or paste the article's text, and send it again.`;
}
