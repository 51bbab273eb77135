/** Where a sign-in lands when it was given nowhere safe to go back to. */
export const HOME_PATH = "/workspaces";

// Characters a path, query and fragment of our own URLs use, percent-encoded or not:
// RFC 3986's unreserved, sub-delims, ":", "@", "/", "?", "#" and "%". Anything else (a
// space, a control character, a backslash, non-ASCII) is refused rather than guessed at.
const URL_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?#%]*$/;
const MAX_LENGTH = 2000;
const BASE = "http://parallax.invalid";

function hasControlOrBackslash(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || char === "\\") return true;
  }
  return false;
}

/**
 * The same-origin path to go to after signing in, or the home page. A sign-in link that
 * sends people elsewhere is a phishing kit with our address on it, and browsers are lenient
 * about what they treat as another host: "//evil.example", "/\evil.example" (backslash
 * counts as slash), "/<tab>/evil.example" (tabs and newlines are dropped), and percent-encoded
 * forms of those that a later decoding step may unwrap. So the value must be a plain path
 * ("/" then not "/" or "\"), in URL characters only, and stay so however often it is
 * decoded; then it is resolved against a placeholder origin and must still be on it.
 */
export function safeCallbackPath(value: unknown, fallback: string = HOME_PATH): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!URL_CHARACTERS.test(value)) return fallback;
  let decoded = value;
  for (let round = 0; round < 3; round++) {
    if (!/^\/(?![/\\])/.test(decoded) || hasControlOrBackslash(decoded)) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
  }
  const resolved = new URL(value, BASE);
  if (resolved.origin !== BASE) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
