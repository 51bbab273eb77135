import { describe, expect, it } from "vitest";
import { formatFailures, playwrightFailures, vitestFailures } from "./failure-digest.mjs";

const root = "/repo";

describe("vitestFailures", () => {
  const cases = [
    {
      name: "a failed test, its message without colour codes or dependency frames",
      report: {
        testResults: [
          {
            name: "/repo/lib/a.test.ts",
            status: "failed",
            message: "",
            assertionResults: [
              { fullName: "group passes", status: "passed", failureMessages: [] },
              {
                fullName: "group fails",
                status: "failed",
                failureMessages: ["\u001b[31mAssertionError: expected 2 to be 3\u001b[39m\n    at /repo/lib/a.test.ts:2:7\n    at file:///repo/node_modules/x.js:1:1\n    at new Promise (<anonymous>)"],
              },
            ],
          },
        ],
      },
      expected: [{ name: "lib/a.test.ts › group fails", lines: ["AssertionError: expected 2 to be 3", "    at /repo/lib/a.test.ts:2:7"] }],
    },
    {
      name: "a file that failed before its tests ran",
      report: { testResults: [{ name: "/repo/tests/b.test.ts", status: "failed", message: "Hook timed out in 60000ms", assertionResults: [] }] },
      expected: [{ name: "tests/b.test.ts", lines: ["Hook timed out in 60000ms"] }],
    },
    { name: "nothing failed", report: { testResults: [{ name: "/repo/c.test.ts", status: "passed", message: "", assertionResults: [] }] }, expected: [] },
    { name: "an empty report", report: {}, expected: [] },
  ];
  it.each(cases)("$name", ({ report, expected }) => {
    expect(vitestFailures(report, root)).toEqual(expected);
  });
});

describe("playwrightFailures", () => {
  const failing = (title: string, line: number) => ({
    title,
    file: "search.spec.ts",
    line,
    tests: [{ status: "unexpected", results: [{ errors: [{ message: "Error: expect(locator).toBeVisible() failed\n\nLocator: getByRole('link')", location: { file: "/repo/tests/e2e/search.spec.ts", line: line + 4 } }] }] }],
  });
  const cases = [
    {
      name: "a failed test inside a describe, placed at its error's line",
      report: {
        suites: [
          {
            title: "search.spec.ts",
            file: "search.spec.ts",
            specs: [{ title: "passes", file: "search.spec.ts", line: 3, tests: [{ status: "expected", results: [{ errors: [] }] }] }],
            suites: [{ title: "tags", file: "search.spec.ts", specs: [failing("finds by tag", 11)] }],
          },
        ],
      },
      expected: [{ name: "tags › finds by tag (tests/e2e/search.spec.ts:15)", lines: ["Error: expect(locator).toBeVisible() failed", "Locator: getByRole('link')"] }],
    },
    {
      name: "a flaky test that passed on retry is not a failure",
      report: { suites: [{ title: "a.spec.ts", file: "a.spec.ts", specs: [{ title: "t", file: "a.spec.ts", line: 1, tests: [{ status: "flaky", results: [] }] }] }] },
      expected: [],
    },
    {
      name: "an error outside any test (the web server did not start)",
      report: { suites: [], errors: [{ message: "Error: Timed out waiting 240000ms from config.webServer." }] },
      expected: [{ name: "outside any test", lines: ["Error: Timed out waiting 240000ms from config.webServer."] }],
    },
  ];
  it.each(cases)("$name", ({ report, expected }) => {
    expect(playwrightFailures(report, root)).toEqual(expected);
  });
});

describe("formatFailures", () => {
  it("prints a block per failure, its lines indented", () => {
    expect(formatFailures([{ name: "a › b", lines: ["Error: x", "at y"] }, { name: "c", lines: [] }])).toBe("✘ a › b\n    Error: x\n    at y\n✘ c");
  });
});
