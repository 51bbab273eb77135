/**
 * The MUST assertions of the W3C Web Annotation test suite (web-platform-tests
 * annotation-model/), read from ../shared/conformance/w3c-annotation-model as SOURCE.md
 * there describes them, and checked against annotations with draft-04 semantics (Ajv 6,
 * keywords beside "$ref" ignored, as the suite's own harness did).
 *
 * SOURCE.md lists the MUST checks: the 14 files of annotationMusts.test, the 4 inline ones
 * of 3.1-model-musts.test, createdValidWithBody.json and modifiedValidWithBody.json of
 * 3.2-model.test, and the inline one of 3.2.1-bodyValue.test, which applies only to
 * annotations that use bodyValue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";

/** Relative to the repository root, as CI clones the repository beside shared/. */
export const SUITE_DIR = path.resolve(import.meta.dirname, "../../../shared/conformance/w3c-annotation-model");

type Json = { [key: string]: unknown };
type Annotation = Json;

/** The .test files holding MUST checks, and which annotations each applies to. */
const MUST_TESTS: { file: string; appliesTo: (annotation: Annotation) => boolean }[] = [
  { file: "annotations/annotationMusts.test", appliesTo: () => true },
  { file: "annotations/3.1-model-musts.test", appliesTo: () => true },
  { file: "bodiesTargets/3.2-model.test", appliesTo: () => true },
  { file: "bodies-and-targets/3.2.1-bodyValue.test", appliesTo: (annotation) => "bodyValue" in annotation },
];

/** How many MUST checks SOURCE.md says the suite holds; loading fewer means the files moved. */
export const EXPECTED_MUST_COUNT = 21;

interface Check {
  title: string;
  /** The .test file and the assertion's file (or its place in the list). */
  origin: string;
  isMust: boolean;
  passes(annotation: Annotation): { ok: boolean; detail: string };
}

export interface ConformanceFailure {
  assertion: string;
  origin: string;
  detail: string;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Json;

/** "must" | "should" | "may"; a missing or unknown value counts as "must". */
const isMust = (assertion: Json) => !["should", "may"].includes(String(assertion.assertionType));

function createAjv(): Ajv.Ajv {
  const ajv = new Ajv({ schemaId: "id", extendRefs: "ignore", allErrors: true, validateSchema: false, format: "full", logger: false });
  const require = createRequire(import.meta.url);
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json") as object);
  const definitions = path.join(SUITE_DIR, "definitions");
  for (const file of readdirSync(definitions).filter((f) => f.endsWith(".json")).sort()) {
    ajv.addSchema(readJson(path.join(definitions, file)));
  }
  return ajv;
}

/**
 * The checks of one list of a .test file. Entries are a path ("a/b.json" from the suite's
 * root, "b.json" from the .test's folder), an inline assertion, an object naming an
 * `assertionFile` whose other keys override the file's, a nested list (all must pass), or a
 * condition with its own `assertions` and `compareWith` "and" (default) or "or".
 */
function checksOf(ajv: Ajv.Ajv, entries: unknown[], testFile: string, where: string): Check[] {
  const testDir = path.dirname(path.join(SUITE_DIR, testFile));
  const located = (p: string) => (p.includes("/") ? path.join(SUITE_DIR, p) : path.join(testDir, p));
  return entries.flatMap((entry, index): Check[] => {
    const origin = `${testFile} ${where}[${index}]`;
    if (Array.isArray(entry)) return checksOf(ajv, entry, testFile, `${where}[${index}]`);
    if (typeof entry === "string") return [schemaCheck(ajv, readJson(located(entry)), `${testFile}: ${entry}`)];
    const object = entry as Json;
    if (typeof object.assertionFile === "string") {
      const { assertionFile, ...overrides } = object;
      return [schemaCheck(ajv, { ...readJson(located(assertionFile as string)), ...overrides }, `${testFile}: ${assertionFile as string}`)];
    }
    if (Array.isArray(object.assertions)) {
      const children = checksOf(ajv, object.assertions, testFile, `${where}[${index}]`);
      if (object.compareWith !== "or") return children;
      return [
        {
          title: String(object.title ?? "one of a group"),
          origin,
          isMust: children.some((c) => c.isMust),
          passes: (annotation) => {
            const results = children.map((c) => c.passes(annotation));
            return { ok: results.some((r) => r.ok), detail: results.map((r) => r.detail).join(" / ") };
          },
        },
      ];
    }
    return [schemaCheck(ajv, object, origin)];
  });
}

function schemaCheck(ajv: Ajv.Ajv, assertion: Json, origin: string): Check {
  const must = isMust(assertion);
  const title = String(assertion.title ?? assertion.id ?? origin).replace(/\*|_/g, "");
  // Only MUST checks are compiled: one "may" file refers to a definition that does not
  // exist (SOURCE.md), and the others are not needed here.
  const validate = must ? ajv.compile(assertion) : undefined;
  const expectValid = assertion.expectedResult !== "invalid";
  return {
    title,
    origin,
    isMust: must,
    passes: (annotation) => {
      const valid = validate!(annotation) as boolean;
      return { ok: valid === expectValid, detail: `${String(assertion.errorMessage ?? "")} ${ajv.errorsText(validate!.errors)}`.trim() };
    },
  };
}

let loaded: { check: Check; appliesTo: (a: Annotation) => boolean }[] | undefined;

function mustChecks() {
  if (loaded) return loaded;
  const ajv = createAjv();
  loaded = MUST_TESTS.flatMap(({ file, appliesTo }) => {
    const test = readJson(path.join(SUITE_DIR, file));
    return checksOf(ajv, test.assertions as unknown[], file, "assertions")
      .filter((check) => check.isMust)
      .map((check) => ({ check, appliesTo }));
  });
  return loaded;
}

/** How many MUST checks were loaded from the suite. */
export function mustCheckCount(): number {
  return mustChecks().length;
}

/** The MUST checks an annotation fails (none when it conforms). */
export function mustFailures(annotation: unknown): ConformanceFailure[] {
  if (typeof annotation !== "object" || annotation === null || Array.isArray(annotation)) {
    return [{ assertion: "An annotation is a JSON object", origin: "W3C annotation model", detail: `got ${JSON.stringify(annotation)}` }];
  }
  const subject = annotation as Annotation;
  return mustChecks()
    .filter(({ appliesTo }) => appliesTo(subject))
    .flatMap(({ check }) => {
      const { ok, detail } = check.passes(subject);
      return ok ? [] : [{ assertion: check.title, origin: check.origin, detail }];
    });
}
