/**
 * A spelling-proof key for a name word, so that transliterations of one name meet:
 * Qassem / Qasem / Ghasem, Soleimani / Suleimani / Sulaimani, Muhandis / Mohandes.
 *
 * Folded to ASCII lower case without a possessive ("Soleimani's"), sounds that transliterations write differently are mapped
 * to one letter (q, gh, c, ck -> k; ph -> f; w -> v; j -> dj -> j), then vowels after the
 * first letter are dropped and doubled letters collapsed: a consonant skeleton, plus a
 * mark for a final vowel (Soleimani / Suleiman stay apart). Short names are kept whole so
 * "Ali" and "Al" stay apart. Different names can still meet (Trump / Tramp); the other
 * words of a passage have to agree as well.
 */
export function nameKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    key = computeKey(word);
    cache.set(word, key);
  }
  return key;
}

const cache = new Map<string, string>();

function computeKey(word: string): string {
  const w = word
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’‘`]s?$/, "")
    .replace(/[^a-z]/g, "")
    .replace(/^(?:al|el)(?=[a-z]{4,})/, "")
    .replace(/gh|q|ck|c(?=[aou])|c$/g, "k")
    .replace(/ph/g, "f")
    .replace(/w/g, "v")
    .replace(/dj|dzh/g, "j")
    .replace(/kh/g, "x")
    .replace(/(?<=.)h(?=[^aeiouy]|$)/g, "");
  if (w.length <= 3) return w;
  const first = w[0] as string;
  const last = /[aeiouy]$/.test(w) ? "i" : "";
  const rest = w.slice(1).replace(/[aeiouy]/g, "");
  return (first + rest).replace(/(.)\1+/g, "$1") + last;
}
