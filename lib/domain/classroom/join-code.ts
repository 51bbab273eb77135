/**
 * Class join codes: eight characters from digits and consonants without look-alikes (no 0/O,
 * 1/I/L) and without vowels, so a code never spells a word, shown as two groups of four.
 * 28^8 ≈ 3.8 × 10^11 codes make guessing a live one hopeless.
 */
export const JOIN_CODE_ALPHABET = "23456789BCDFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 8;

/** A fresh code. `randomInt(n)` must return a uniform integer in [0, n): crypto's randomInt on the server. */
export function generateJoinCode(randomInt: (n: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/**
 * What a person typed, as stored: upper-cased, without spaces and dashes. Returns null when
 * it cannot be a code (wrong length, or a character outside the alphabet).
 */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const char of code) if (!JOIN_CODE_ALPHABET.includes(char)) return null;
  return code;
}

/** "BCDF2345" → "BCDF-2345", easier to read aloud and type. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
