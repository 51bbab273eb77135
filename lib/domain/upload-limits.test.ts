import { describe, expect, it } from "vitest";
import { formatSize, formTooLargeMessage, MAX_FORM_BODY_BYTES, MAX_UPLOAD_BYTES, uploadTooLargeMessage } from "./upload-limits";

describe("upload limits", () => {
  it.each([
    [0, "0.0 MB (0 bytes)"],
    [MAX_UPLOAD_BYTES, "1.0 MB (1,048,576 bytes)"],
    [12_897_484, "12.3 MB (12,897,484 bytes)"],
  ])("formatSize(%i)", (bytes, expected) => {
    expect(formatSize(bytes)).toBe(expected);
  });

  it("names the file, its size and the limit", () => {
    expect(uploadTooLargeMessage("big.txt", 12_897_484)).toBe(
      "“big.txt” is 12.3 MB (12,897,484 bytes); files can be at most 1 MB (1,048,576 bytes). Upload a smaller file or paste the article's text.",
    );
  });

  it("states the form limit that MAX_FORM_BODY_BYTES sets", () => {
    expect(MAX_FORM_BODY_BYTES).toBe(4_194_304);
    expect(formTooLargeMessage(5_000_000)).toMatch(/^The form sent 4\.8 MB \(5,000,000 bytes\); Parallax accepts at most 4 MB \(4,194,304 bytes\) per form/);
  });
});
