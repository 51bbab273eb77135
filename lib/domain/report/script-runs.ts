/**
 * A text cut into runs by the font that can draw it, for the PDF report: its main font
 * (Inter) covers Latin, Greek and Cyrillic; Arabic (also Persian and Urdu), Hebrew, Chinese
 * and Japanese, and Thai each need a font of their own.
 *
 * Spaces, digits and punctuation belong to no script: they stay with the run before them
 * (or, at the start, the run after them), so an Arabic sentence with a comma and a figure
 * is one run. That matters for right-to-left text: the PDF writer reverses each run on its
 * own, so breaking a Persian sentence at every space would print its words left to right.
 */

export type FontScript = "latin" | "arabic" | "hebrew" | "cjk" | "thai";

export interface ScriptRun {
  text: string;
  script: FontScript;
}

const SCRIPTS: [FontScript, RegExp][] = [
  ["arabic", /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u],
  ["hebrew", /\p{Script=Hebrew}/u],
  ["cjk", /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u],
  ["thai", /\p{Script=Thai}/u],
  ["latin", /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u],
];

function scriptOf(ch: string): FontScript | null {
  for (const [script, re] of SCRIPTS) if (re.test(ch)) return script;
  return null;
}

/** The runs of `text`, in order; joined they give the text back. Text of no script at all is one Latin run. */
export function scriptRuns(text: string): ScriptRun[] {
  const runs: ScriptRun[] = [];
  let pending = "";
  for (const ch of text) {
    const script = scriptOf(ch);
    const last = runs[runs.length - 1];
    if (script === null) {
      if (last) last.text += ch;
      else pending += ch;
    } else if (last?.script === script) {
      last.text += ch;
    } else {
      runs.push({ text: pending + ch, script });
      pending = "";
    }
  }
  if (pending) runs.push({ text: pending, script: "latin" });
  return runs;
}

/** "rtl" when most letters of the text are Arabic or Hebrew script: its lines then align right. */
export function paragraphDirection(text: string): "rtl" | "ltr" {
  let rtl = 0;
  let other = 0;
  for (const ch of text) {
    const script = scriptOf(ch);
    if (script === "arabic" || script === "hebrew") rtl++;
    else if (script) other++;
  }
  return rtl > other ? "rtl" : "ltr";
}
