/**
 * UTF-16 offsets (the app's and JavaScript's convention) to Unicode code-point offsets
 * (what most other tools count: Python's str, a file's characters). They differ after
 * every character outside the Basic Multilingual Plane, such as an emoji.
 *
 * Returns a function for one text; building it is linear in the text's length, each call
 * constant time. An offset inside a surrogate pair maps to the code point it splits.
 */
export function codePointOffsets(text: string): (utf16: number) => number {
  const table = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    table[i] = cp;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const highSurrogate = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (!highSurrogate) cp++;
  }
  table[text.length] = cp;
  return (utf16) => table[Math.max(0, Math.min(text.length, utf16))] as number;
}
