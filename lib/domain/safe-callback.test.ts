import { describe, expect, it } from "vitest";
import { HOME_PATH, safeCallbackPath } from "./safe-callback";

describe("safeCallbackPath", () => {
  it.each([
    ["a page of the app", "/w/demo-newsroom", "/w/demo-newsroom"],
    ["with a query and fragment", "/w/demo/c/flood?tab=report#claims", "/w/demo/c/flood?tab=report#claims"],
    ["an encoded query value", "/join?code=BCDF%202345", "/join?code=BCDF%202345"],
    ["an invitation link", "/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    ["dot segments, resolved on our origin", "/w/../workspaces", "/workspaces"],
    ["the root", "/", "/"],
  ])("keeps %s", (_name, input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["protocol-relative", "//evil.example"],
    ["backslash as the second slash", "/\\evil.example"],
    ["backslashes only", "\\\\evil.example"],
    ["a backslash further on", "/w/\\evil"],
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline the browser drops", "/\n/evil.example"],
    ["a NUL", "/\u0000/evil.example"],
    ["encoded tab", "/%09/evil.example"],
    ["encoded slash", "/%2F/evil.example"],
    ["encoded backslash", "/%5Cevil.example"],
    ["double-encoded slash", "/%252F/evil.example"],
    ["double-encoded tab", "/%2509/evil.example"],
    ["broken percent-encoding", "/%E0%A4%A"],
    ["an absolute URL", "https://evil.example"],
    ["an absolute URL of ours", "http://localhost:3000/workspaces"],
    ["a scheme without slashes", "javascript:alert(1)"],
    ["a relative path", "workspaces"],
    ["a space", "/ /evil.example"],
    ["non-ASCII", "/ｗ/evil"],
    ["empty", ""],
    ["far too long", "/" + "a".repeat(2001)],
  ])("refuses %s", (_name, input) => {
    expect(safeCallbackPath(input)).toBe(HOME_PATH);
  });

  it.each([[undefined], [null], [["/w/a", "/w/b"]], [42]])("refuses a value that is not one string: %j", (input) => {
    expect(safeCallbackPath(input)).toBe(HOME_PATH);
  });

  it("falls back to the fallback given", () => {
    expect(safeCallbackPath("//evil.example", "/")).toBe("/");
  });
});
