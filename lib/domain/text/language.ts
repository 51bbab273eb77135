/**
 * A source's language (a BCP 47 tag) and the direction its text is written in.
 *
 * Detection uses tinyld, which ships its n-gram data in the package and returns ISO 639-1
 * codes, already valid BCP 47 tags. On the test texts of language.test.ts (15 languages,
 * whole sentences and their first six words) it named all 15 right both ways; franc-min
 * took Russian for Bulgarian and gave no answer for Hebrew, and eld was as accurate but
 * loads its data asynchronously from a 9 MB folder.
 */
import { detect } from "tinyld";

/** The share of letters a text needs before a guess is worth storing: digits and symbols say nothing. */
const MIN_LETTERS = 12;

/** The text's language as a BCP 47 tag ("fa", "zh"), or null when the text is too short to tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 4000);
  if ((sample.match(/\p{L}/gu) ?? []).length < MIN_LETTERS) return null;
  const code = detect(sample);
  return code ? normalizeLanguage(code) : null;
}

/** A well-formed, canonical BCP 47 tag ("pt-br" → "pt-BR"), or null for a blank or malformed one. */
export function normalizeLanguage(tag: string | null | undefined): string | null {
  const trimmed = tag?.trim();
  if (!trimmed) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

// Languages written right to left in their usual script: Arabic, Persian, Hebrew, Urdu,
// Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Central Kurdish, Syriac, N'Ko, Aramaic.
const RTL_LANGUAGES = new Set(["ar", "fa", "he", "iw", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "nqo", "arc"]);
const RTL_SCRIPTS = new Set(["Arab", "Hebr", "Syrc", "Thaa", "Nkoo", "Adlm", "Rohg"]);
const LTR_SCRIPTS = new Set(["Latn", "Cyrl", "Grek"]);

/** "rtl" for a language written right to left ("fa", "ar-EG", "ur"; "az-Arab"), else "ltr". */
export function textDirection(language: string | null | undefined): "rtl" | "ltr" {
  const tag = normalizeLanguage(language);
  if (!tag) return "ltr";
  const locale = new Intl.Locale(tag);
  if (locale.script && RTL_SCRIPTS.has(locale.script)) return "rtl";
  if (locale.script && LTR_SCRIPTS.has(locale.script)) return "ltr";
  return RTL_LANGUAGES.has(locale.language) ? "rtl" : "ltr";
}

/** The `lang` and `dir` attributes for an element showing a source's text ("auto" when the language is unknown). */
export function textAttributes(language: string | null | undefined): { lang?: string; dir: "rtl" | "ltr" | "auto" } {
  const tag = normalizeLanguage(language);
  return tag ? { lang: tag, dir: textDirection(tag) } : { dir: "auto" };
}

const names = new Intl.DisplayNames("en", { type: "language", fallback: "code" });

/** The English name of a language tag ("fa" → "Persian"); the tag itself when it has none. */
export function languageName(tag: string): string {
  try {
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
