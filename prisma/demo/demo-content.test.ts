import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TAXONOMY } from "@/lib/domain/taxonomy";
import { DemoContentError, findOccurrences, loadDemoContent, type TDemoManifest } from "./load-demo";

/*
 * Checks the shipped demo content straight from the files, without going through the
 * loader, so a loader bug cannot hide a content bug (and vice versa: the loader has its
 * own tests at the bottom).
 */

const DIR = import.meta.dirname;
const manifest = JSON.parse(readFileSync(path.join(DIR, "manifest.json"), "utf8")) as TDemoManifest;
const files = manifest.documents.map((d) => d.file);
const text = new Map(files.map((f) => [f, existsSync(path.join(DIR, f)) ? readFileSync(path.join(DIR, f), "utf8") : ""]));
const bodyOf = (file: string): string => text.get(file) ?? "";

function countOccurrences(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) n++;
  return n;
}

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

describe("demo documents", () => {
  it("lists 3–4 documents, each file once", () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeLessThanOrEqual(4);
    expect(new Set(files).size).toBe(files.length);
  });

  describe.each(files)("%s", (file) => {
    it("exists", () => {
      expect(existsSync(path.join(DIR, file))).toBe(true);
    });

    it("is 150–450 words", () => {
      const n = words(bodyOf(file));
      expect(n).toBeGreaterThanOrEqual(150);
      expect(n).toBeLessThanOrEqual(450);
    });

    it("is plain NFC text without HTML or \\r", () => {
      const body = bodyOf(file);
      expect(body).not.toMatch(/<\/?[a-z!][^>]*>/i);
      expect(body).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
      expect(body).not.toContain("\r");
      expect(body).toBe(body.normalize("NFC"));
    });

    it("has tidy paragraphs: one blank line between them, no stray whitespace", () => {
      const body = bodyOf(file);
      expect(body).not.toMatch(/\t/);
      expect(body).not.toMatch(/[ \u00a0]+$/m);
      expect(body).not.toMatch(/\n{3,}/);
      expect(body).toMatch(/\S\n$/); // one final newline, which the loader strips
      const paragraphs = body.trim().split("\n\n");
      expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      for (const p of paragraphs) expect(p).not.toContain("\n");
    });

    it("does not repeat the title as its first line", () => {
      const doc = manifest.documents.find((d) => d.file === file);
      expect(bodyOf(file).split("\n")[0]?.trim()).not.toBe(doc?.title.trim());
    });
  });
});

describe("demo manifest", () => {
  it("has a kebab-case slug and a valid event date", () => {
    expect(manifest.comparison.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(isIsoDate(manifest.comparison.eventDate)).toBe(true);
  });

  it("has valid publication dates, none before the event", () => {
    for (const doc of manifest.documents) {
      expect(isIsoDate(doc.published), doc.file).toBe(true);
      expect(doc.published >= manifest.comparison.eventDate, doc.file).toBe(true);
    }
  });

  it("names every outlet once, and every document's outlet exists", () => {
    const names = manifest.outlets.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const doc of manifest.documents) expect(names, doc.file).toContain(doc.outlet);
    for (const name of names) expect(manifest.documents.map((d) => d.outlet)).toContain(name);
  });

  it("uses only reserved example domains for every link", () => {
    const urls = [
      ...manifest.outlets.map((o) => o.site),
      ...manifest.documents.map((d) => d.url),
      ...manifest.annotations.flatMap((a) => a.claim?.evidence ?? []),
    ];
    for (const url of urls) expect(new URL(url).hostname, url).toMatch(/\.example$/);
  });

  it("has 4–5 fact rows, each citing known files, and at least one omission", () => {
    expect(manifest.factRows.length).toBeGreaterThanOrEqual(4);
    expect(manifest.factRows.length).toBeLessThanOrEqual(5);
    for (const row of manifest.factRows) {
      for (const file of Object.keys(row.passages)) expect(files, row.label).toContain(file);
    }
    expect(manifest.factRows.some((row) => files.some((f) => !(f in row.passages)))).toBe(true);
  });

  it("has every fact-row passage exactly once in its file", () => {
    for (const row of manifest.factRows) {
      for (const [file, exact] of Object.entries(row.passages)) {
        expect(countOccurrences(bodyOf(file), exact), `${row.label} / ${file}: ${exact}`).toBe(1);
      }
    }
  });

  it("has 12–20 annotations over every document and all three tag sets", () => {
    const { annotations } = manifest;
    expect(annotations.length).toBeGreaterThanOrEqual(12);
    expect(annotations.length).toBeLessThanOrEqual(20);
    expect(new Set(annotations.map((a) => a.file))).toEqual(new Set(files));
    expect(new Set(annotations.flatMap((a) => a.tags.map((t) => t.set)))).toEqual(
      new Set(DEFAULT_TAXONOMY.map((s) => s.key)),
    );
    expect(annotations.filter((a) => a.claim).length).toBeGreaterThanOrEqual(3);
  });

  it("has every annotation exact exactly once in its file", () => {
    for (const a of manifest.annotations) {
      expect(files, a.exact).toContain(a.file);
      expect(countOccurrences(bodyOf(a.file), a.exact), `${a.file}: ${a.exact}`).toBe(1);
    }
  });

  it("uses only tags of the default taxonomy, each at most once per annotation", () => {
    for (const a of manifest.annotations) {
      const keys = a.tags.map((t) => `${t.set}/${t.tag}`);
      expect(new Set(keys).size, a.exact).toBe(keys.length);
      for (const { set, tag } of a.tags) {
        const names = DEFAULT_TAXONOMY.find((s) => s.key === set)?.tags.map((t) => t.name) ?? [];
        expect(names, `${a.file}: ${set}/${tag}`).toContain(tag);
      }
    }
  });

  it("has claims whose quoted party appears in the source", () => {
    const statuses = ["unverified", "supported", "disputed", "false"];
    for (const a of manifest.annotations) {
      if (!a.claim) continue;
      expect(statuses).toContain(a.claim.status);
      if (a.claim.assertedBy !== "outlet") expect(bodyOf(a.file), a.claim.assertedBy).toContain(a.claim.assertedBy);
    }
  });
});

describe("loadDemoContent", () => {
  it("loads the shipped demo unchanged, with text stripped of its final newline", async () => {
    const demo = await loadDemoContent();
    expect(demo.comparison).toEqual(manifest.comparison);
    expect(demo.outlets).toEqual(manifest.outlets);
    expect(demo.factRows).toEqual(manifest.factRows);
    expect(demo.documents.map((d) => d.file)).toEqual(files);
    for (const doc of demo.documents) {
      expect(doc.text).toBe(bodyOf(doc.file).replace(/\n+$/, ""));
      expect(doc.text).not.toMatch(/\s$/);
    }
    expect(demo.annotations).toHaveLength(manifest.annotations.length);
    // Evidence defaults to an empty list when a claim has none.
    for (const a of demo.annotations) if (a.claim) expect(Array.isArray(a.claim.evidence)).toBe(true);
  });

  describe("with broken content", () => {
    let dir: string;

    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), "parallax-demo-"));
      for (const file of [...files, "manifest.json"]) {
        await writeFile(path.join(dir, file), await readFile(path.join(DIR, file), "utf8"));
      }
    });

    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const edit = async (change: (m: TDemoManifest) => void) => {
      const m = structuredClone(manifest);
      change(m);
      await writeFile(path.join(dir, "manifest.json"), JSON.stringify(m));
    };

    it("loads the unchanged copy", async () => {
      await expect(loadDemoContent({ dir })).resolves.toBeDefined();
    });

    it("rejects a missing manifest", async () => {
      await rm(path.join(dir, "manifest.json"));
      await expect(loadDemoContent({ dir })).rejects.toThrow(/cannot read .*manifest\.json/);
    });

    it("rejects malformed JSON", async () => {
      await writeFile(path.join(dir, "manifest.json"), "{ not json");
      await expect(loadDemoContent({ dir })).rejects.toBeInstanceOf(DemoContentError);
    });

    it("rejects a bad shape with the path of the problem", async () => {
      await edit((m) => {
        (m.comparison as { eventDate: string }).eventDate = "2025-02-30";
      });
      await expect(loadDemoContent({ dir })).rejects.toThrow(/comparison\.eventDate/);
    });

    it("rejects an unknown outlet", async () => {
      await edit((m) => {
        m.documents[0]!.outlet = "Nobody's Gazette";
      });
      await expect(loadDemoContent({ dir })).rejects.toThrow(/unknown outlet "Nobody's Gazette"/);
    });

    it("rejects a missing document file", async () => {
      await rm(path.join(dir, files[0]!));
      await expect(loadDemoContent({ dir })).rejects.toThrow(/cannot read document/);
    });

    it("rejects an unknown tag", async () => {
      await edit((m) => {
        m.annotations[0]!.tags = [{ set: "framing-devices", tag: "Spin" }];
      });
      await expect(loadDemoContent({ dir })).rejects.toThrow(/no tag "Spin" in default set framing-devices/);
    });

    it("rejects a quote with leading or trailing whitespace instead of trimming it", async () => {
      await edit((m) => {
        m.annotations[0]!.exact = ` ${m.annotations[0]!.exact}`;
      });
      await expect(loadDemoContent({ dir })).rejects.toThrow(/whitespace[\s\S]*annotations\[0\]\.exact/);
    });

    it("rejects an ambiguous quote", async () => {
      await edit((m) => {
        m.annotations[0]!.exact = "the";
      });
      await expect(loadDemoContent({ dir })).rejects.toThrow(/occurs \d+ times \(must be once\)/);
    });

    it("rejects a quote that is not in the file", async () => {
      await edit((m) => {
        const row = m.factRows[0]!;
        row.passages[Object.keys(row.passages)[0]!] = "this sentence is not in any article";
      });
      await expect(loadDemoContent({ dir })).rejects.toThrow(/does not occur/);
    });

    it("rejects CRLF line endings", async () => {
      const file = path.join(dir, files[0]!);
      await writeFile(file, (await readFile(file, "utf8")).replaceAll("\n", "\r\n"));
      await expect(loadDemoContent({ dir })).rejects.toThrow(/\\r line endings/);
    });
  });
});

describe("findOccurrences", () => {
  it.each([
    ["abcabc", "abc", [0, 3]],
    ["aaaa", "aa", [0, 1, 2]],
    ["abc", "x", []],
    ["abc", "", []],
  ] as const)("finds %j in %j", (haystack, needle, expected) => {
    expect(findOccurrences(haystack, needle)).toEqual(expected);
  });
});
