import { describe, expect, it } from "vitest";
import { createProgress, formatProgress } from "./progress";

describe("formatProgress", () => {
  it.each([
    ["a bar when the share is known", ["Importing", 25_000, "annotations", 0.25, 9_140], "Importing [#######---------------------]  25% 25,000 annotations, 9.1 s"],
    ["a full bar at the end", ["Importing", 100_000, "annotations", 1, 42_000], "Importing [############################] 100% 100,000 annotations, 42.0 s"],
    ["a count alone when the whole is unknown", ["Exporting", 1_048_576, "bytes", undefined, 500], "Exporting: 1,048,576 bytes, 0.5 s"],
    ["a share past the end bounded to 100%", ["Importing", 3, "annotations", 1.5, 0], "Importing [############################] 100% 3 annotations, 0.0 s"],
  ] as const)("draws %s", (_name, [label, count, unit, share, elapsed], line) => {
    expect(formatProgress(label, count, unit, share, elapsed)).toBe(line);
  });
});

describe("createProgress", () => {
  function run(isTTY: boolean) {
    let clock = 0;
    const written: string[] = [];
    const progress = createProgress("Importing", "annotations", { isTTY, write: (text: string) => written.push(text) }, () => clock);
    for (let i = 1; i <= 100; i++) {
      clock += 250;
      progress.update(i * 10, i / 100);
    }
    progress.finish();
    return written;
  }

  it("redraws one line in place on a terminal, ten times a second at most", () => {
    const written = run(true);
    expect(written).toHaveLength(101);
    expect(written.every((text) => text.startsWith("\r"))).toBe(true);
    expect(written.at(-1)).toBe("\rImporting [############################] 100% 1,000 annotations, 25.0 s\u001b[K\n");
  });

  it("writes a plain line every 5 s otherwise, and the last figure", () => {
    const written = run(false);
    expect(written).toHaveLength(6);
    expect(written[0]).toBe("Importing [######----------------------]  20% 200 annotations, 5.0 s\n");
    expect(written.join("")).not.toContain("\r");
    expect(written.join("")).not.toContain("\u001b");
  });
});
