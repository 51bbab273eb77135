import { readFile } from "node:fs/promises";
import { unitizingAlpha, UnitizingInputError, type UnitizingAlpha, type UnitizingStudy } from "@/lib/domain/agreement";
import { ZUnitizingStudyFile, type TUnitizingStudyFile } from "@/lib/schemas/agreement";
import { defineCommand, parseCommand, processIo, type CliIo } from "./command";

/**
 * `npm run cli -- agreement <file.json> [--json]`: Krippendorff's unitizing alpha (αU) of a
 * study given as JSON, without a database.
 */
export const AGREEMENT_USAGE = `  npm run cli -- agreement <file.json> [--json]
      Krippendorff's unitizing alpha (αU, as DKPro Agreement computes it) of the spans in
      <file.json>: {"continuum": {"begin": b, "length": L}, "raters": R, "units":
      [{"rater": r, "begin": b, "length": l, "category": "c"}]} (no database). --json prints
      {"alphaU": x, "perCategory": {"<c>": {"Do": d, "De": e, "alpha": a}}}, null where not measurable.`;

export interface AgreementOutput {
  alphaU: number | null;
  perCategory: Record<string, { Do: number; De: number; alpha: number | null }>;
}

/** Runs the command; returns the exit code (2 for bad arguments, an unreadable file or invalid input). */
export async function runAgreement(args: string[], io: CliIo = processIo): Promise<number> {
  const command = defineCommand("agreement", "Krippendorff's unitizing alpha (αU) of the spans in a JSON file, without a database.", io)
    .argument("<file.json>", `{"continuum": {"begin": b, "length": L}, "raters": R, "units": [{"rater": r, "begin": b, "length": l, "category": "c"}]}`)
    .option("--json", `print {"alphaU": x, "perCategory": {"<c>": {"Do": d, "De": e, "alpha": a}}} (null where not measurable)`)
    .addHelpText("after", `\nDetails:\n${AGREEMENT_USAGE}`);
  const parsed = parseCommand<{ json?: boolean }>(command, args);
  if ("exitCode" in parsed) return parsed.exitCode;
  const values = parsed.options;
  const file = parsed.operands[0]!;
  const study = await readStudy(file);
  if ("error" in study) {
    io.err(`${file}: ${study.error}`);
    return 2;
  }
  let result: UnitizingAlpha;
  try {
    result = unitizingAlpha(study.study);
  } catch (error) {
    if (!(error instanceof UnitizingInputError)) throw error;
    io.err(`${file}: ${error.message}`);
    return 2;
  }
  const output: AgreementOutput = {
    alphaU: result.alphaU,
    perCategory: Object.fromEntries(Object.entries(result.perCategory).map(([c, { Do, De, alpha }]) => [c, { Do, De, alpha }])),
  };
  if (values.json) io.out(JSON.stringify(output));
  else for (const line of table(study.study, output)) io.out(line);
  return 0;
}

async function readStudy(file: string): Promise<{ study: UnitizingStudy } | { error: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { error: "no such file." };
    if (code === "EISDIR") return { error: "is a folder, not a JSON file." };
    return { error: `cannot be read (${code ?? String(error)}).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  const parsed = ZUnitizingStudyFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}` };
  }
  return toStudy(parsed.data);
}

/** Names become indices in order of first appearance; a file must use indices or names, not both. */
function toStudy(data: TUnitizingStudyFile): { study: UnitizingStudy } | { error: string } {
  const named = data.units.filter((u) => typeof u.rater === "string").length;
  if (named > 0 && named < data.units.length) return { error: "give every rater as an index or every rater as a name, not both." };
  const names = [...new Set(data.units.map((u) => String(u.rater)))];
  if (named > 0 && names.length > data.raters) return { error: `${names.length} rater names for "raters": ${data.raters}.` };
  const index = (rater: number | string) => (typeof rater === "number" ? rater : names.indexOf(rater));
  return { study: { continuum: data.continuum, raters: data.raters, units: data.units.map((u) => ({ ...u, rater: index(u.rater) })) } };
}

const figure = (value: number | null) => (value === null ? "not measurable" : value.toFixed(4));

function table(study: UnitizingStudy, output: AgreementOutput): string[] {
  const { begin, length } = study.continuum;
  const lines = [
    `αU ${figure(output.alphaU)} over ${study.raters} raters, ${study.units.length} units, continuum ${begin} … ${begin + length}.`,
    "",
    `${"category".padEnd(24)} ${"D_o".padStart(10)} ${"D_e".padStart(10)}  α`,
  ];
  for (const [category, { Do, De, alpha }] of Object.entries(output.perCategory)) {
    lines.push(`${category.slice(0, 24).padEnd(24)} ${Do.toFixed(6).padStart(10)} ${De.toFixed(6).padStart(10)}  ${figure(alpha)}`);
  }
  if (output.alphaU === null) lines.push("", "Not measurable: the expected disagreement is 0 (no unit of positive length, or nothing left to vary).");
  return lines;
}
