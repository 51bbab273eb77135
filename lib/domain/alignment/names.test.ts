import { describe, expect, it } from "vitest";
import { nameKey } from "./names";

describe("nameKey", () => {
  it.each([
    ["Qassem", "Qasem"],
    ["Qasem", "Ghasem"],
    ["Soleimani", "Suleimani"],
    ["Soleimani", "Sulaimani"],
    ["Muhandis", "Mohandes"],
    ["Khamenei", "Khamene'i"],
    ["Mohammed", "Muhammad"],
    ["Zelensky", "Zelenskyy"],
    ["Hussein", "Husayn"],
    ["Soleimani", "Soleimani’s"],
    ["Halabi", "Halabi's"],
  ])("%s and %s meet", (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ["Soleimani", "Suleiman"],
    ["Ali", "Al"],
    ["Baghdad", "Beirut"],
  ])("%s and %s stay apart", (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it("folds accents and case", () => {
    expect(nameKey("Müller")).toBe(nameKey("MULLER"));
  });
});
