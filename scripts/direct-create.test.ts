import { describe, expect, it } from "vitest";
import { directCreateTarget } from "./direct-create.mjs";

const PATH = "/api/comparisons/cmp_123-x/annotations";
const TOKEN = ["Authorization", "Bearer plx_abc"];
const JSON_TYPE = ["Content-Type", "application/json"];

describe("directCreateTarget", () => {
  const cases: { name: string; method?: string; url?: string; rawHeaders: string[]; expected: string | null }[] = [
    { name: "a token create", rawHeaders: [...TOKEN, ...JSON_TYPE], expected: "cmp_123-x" },
    { name: "header names in any case, a charset on the type", rawHeaders: ["authorization", "x", "content-type", "Application/JSON; charset=utf-8"], expected: "cmp_123-x" },
    { name: "other headers a script sends", rawHeaders: ["Host", "h", "User-Agent", "u", "Accept", "*/*", ...TOKEN, ...JSON_TYPE, "Content-Length", "2"], expected: "cmp_123-x" },
    { name: "another method", method: "GET", rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "a query", url: `${PATH}?x=1`, rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "an empty query", url: `${PATH}?`, rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "a trailing slash", url: `${PATH}/`, rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "an encoded character", url: "/api/comparisons/cmp%5F1/annotations", rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "a dot segment", url: "/api/comparisons/../comparisons/c1/annotations", rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "another route", url: "/api/comparisons/c1/annotations/a1", rawHeaders: [...TOKEN, ...JSON_TYPE], expected: null },
    { name: "no token", rawHeaders: [...JSON_TYPE], expected: null },
    { name: "two Authorization headers", rawHeaders: [...TOKEN, ...TOKEN, ...JSON_TYPE], expected: null },
    { name: "a cookie as well as a token", rawHeaders: [...TOKEN, ...JSON_TYPE, "Cookie", "a=b"], expected: null },
    { name: "no content type", rawHeaders: [...TOKEN], expected: null },
    { name: "another content type", rawHeaders: [...TOKEN, "Content-Type", "text/plain"], expected: null },
    { name: "a +json content type (Next's path accepts it)", rawHeaders: [...TOKEN, "Content-Type", "application/merge-patch+json"], expected: null },
    { name: "two content types", rawHeaders: [...TOKEN, ...JSON_TYPE, "Content-Type", "text/plain"], expected: null },
    { name: "a server action's header", rawHeaders: [...TOKEN, ...JSON_TYPE, "Next-Action", "abc"], expected: null },
    { name: "Next's router header", rawHeaders: [...TOKEN, ...JSON_TYPE, "RSC", "1"], expected: null },
    { name: "Next's middleware header", rawHeaders: [...TOKEN, ...JSON_TYPE, "x-middleware-subrequest", "proxy"], expected: null },
  ];
  it.each(cases)("$name", ({ method = "POST", url = PATH, rawHeaders, expected }) => {
    expect(directCreateTarget({ method, url, rawHeaders })).toBe(expected);
  });
});
