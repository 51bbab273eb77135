// The failures of a test run, read from vitest's and Playwright's JSON reports and printed
// again at the very end of `npm test`, so a log cut to its last lines still says what broke.

import path from "node:path";
import { stripVTControlCharacters } from "node:util";

const DEPENDENCY_FRAME = /^\s*at .*(node_modules\/|<anonymous>|node:internal)/;

/** The first lines of an error message, without colour codes or stack frames inside dependencies. */
function firstLines(message, count) {
  return stripVTControlCharacters(message)
    .split("\n")
    .filter((line) => line.trim() !== "" && !DEPENDENCY_FRAME.test(line))
    .slice(0, count);
}

/** Failed tests of a vitest JSON report, and files that failed outside their tests (imports, hooks). */
export function vitestFailures(report, root, lines = 6) {
  return (report.testResults ?? []).flatMap((file) => {
    const name = path.relative(root, file.name);
    const tests = (file.assertionResults ?? [])
      .filter((test) => test.status === "failed")
      .map((test) => ({ name: `${name} › ${test.fullName}`, lines: firstLines((test.failureMessages ?? []).join("\n"), lines) }));
    if (tests.length === 0 && file.status === "failed") return [{ name, lines: firstLines(file.message ?? "", lines) }];
    return tests;
  });
}

/** Failed tests of a Playwright JSON report (suites nest), and errors outside any test. */
export function playwrightFailures(report, root, lines = 6) {
  const walk = (suite, titles) =>
    [
      ...(suite.specs ?? []).flatMap((spec) =>
        (spec.tests ?? [])
          .filter((test) => test.status === "unexpected")
          .map((test) => {
            const last = test.results.at(-1);
            const errors = last?.errors ?? [];
            const at = errors.find((e) => e.location)?.location;
            const where = at ? `${path.relative(root, at.file)}:${at.line}` : `${spec.file}:${spec.line}`;
            return { name: `${[...titles, spec.title].join(" › ")} (${where})`, lines: firstLines(errors.map((e) => e.message ?? "").join("\n"), lines) };
          }),
      ),
      ...(suite.suites ?? []).flatMap((child) => walk(child, child.title && child.title !== child.file ? [...titles, child.title] : titles)),
    ];
  const outside = (report.errors ?? []).map((e) => ({ name: "outside any test", lines: firstLines(e.message ?? "", lines) }));
  return [...(report.suites ?? []).flatMap((suite) => walk(suite, [])), ...outside];
}

/** The digest's text: a block per failed test. */
export function formatFailures(failures) {
  return failures.map(({ name, lines }) => [`✘ ${name}`, ...lines.map((line) => `    ${line}`)].join("\n")).join("\n");
}
