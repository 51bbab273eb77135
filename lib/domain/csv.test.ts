import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("csvCell", () => {
  it.each([
    ["plain text", "Ana Lima", "Ana Lima"],
    ["a comma", "Lima, Ana", '"Lima, Ana"'],
    ["a quote", 'the "key"', '"the ""key"""'],
    ["a line break", "two\nlines", '"two\nlines"'],
    ["a formula", "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""],
    ["a plus sign", "+1", "'+1"],
    ["a minus sign", "-2", "'-2"],
    ["an at sign", "@SUM(A1)", "'@SUM(A1)"],
    ["a leading tab", "\tx", "'\tx"],
    ["non-ASCII", "Zoë Ødegård", "Zoë Ødegård"],
    ["empty", "", ""],
  ])("%s", (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ["an integer", 3, "3"],
    ["a negative number stays a number", -0.5, "-0.5"],
    ["not a number", Number.NaN, ""],
    ["null", null, ""],
    ["undefined", undefined, ""],
  ])("%s", (_name, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe("toCsv", () => {
  it("ends every record with CRLF", () => {
    expect(toCsv([["Student", "F1"], ["Ana", 0.5]])).toBe("Student,F1\r\nAna,0.5\r\n");
  });
});
