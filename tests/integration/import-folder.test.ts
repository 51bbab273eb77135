import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFolder } from "@/lib/server/cli/import-folder";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { ownerWithWorkspace } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

setupTestDb();

const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus/soleimani-anniversaries");

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function folderWith(files: Record<string, string | Uint8Array>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "parallax-import-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return dir;
}

describe("importing a folder", () => {
  it("imports articles with the manifest's outlets and dates, and reports what it skipped and why", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Importer");
    const folder = await folderWith({
      "manifest.json": JSON.stringify({
        collection: "Bridge closure",
        documents: [
          { file: "a.txt", outlet: "North Post", published: "2024-05-01" },
          { file: "b.md", outlet: "South Star", published: "2024-05 (day unknown)" },
          { file: "../secret.txt", outlet: "Nobody" },
        ],
      }),
      "a.txt": "Bridge closed for repairs\n\nThe old bridge closed on Monday for six weeks of repairs.",
      "b.md": "---\ntitle: Commuters fume as bridge shuts\n---\n\nThe **old bridge** shut on Monday, stranding commuters.",
      "c.html": "<html><head><title>Bridge works</title></head><body><article><h1>Bridge works</h1><p>Works on the old bridge began this week and will last six weeks.</p><script>alert(1)</script></article></body></html>",
      "notes.pdf": "%PDF-1.4",
      "binary.txt": new Uint8Array([0, 159, 146, 150, 0, 1, 2]),
    });
    const result = await importFolder({ folder, workspace: workspace.slug });
    const outcome = Object.fromEntries(result.lines.map((l) => [l.file, [l.outcome, l.detail]]));
    expect(outcome["a.txt"]?.[0]).toBe("imported");
    expect(outcome["b.md"]?.[0]).toBe("imported");
    expect(outcome["c.html"]?.[0]).toBe("imported");
    expect(outcome["notes.pdf"]).toEqual(["skipped", "not a .txt, .md or .html file"]);
    expect(outcome["binary.txt"]?.[0]).toBe("failed");
    expect(outcome["../secret.txt"]?.[0]).toBe("failed");

    const view = await getComparisonBySlug(owner, workspace.slug, result.comparison);
    expect(view.comparison.title).toBe("Bridge closure");
    const byTitle = Object.fromEntries(view.comparison.sources.map((s) => [s.title, s]));
    expect(byTitle["Bridge closed for repairs"]?.outlet?.name).toBe("North Post");
    expect(byTitle["Bridge closed for repairs"]?.publishedAt?.toISOString().slice(0, 10)).toBe("2024-05-01");
    expect(byTitle["Commuters fume as bridge shuts"]?.publishedAt).toBeNull();
    expect(byTitle["Commuters fume as bridge shuts"]?.currentRevision?.text).not.toContain("**");
    expect(byTitle["Bridge works"]?.currentRevision?.text).not.toContain("alert");
  });

  it("skips a second import of the same files as duplicates", async () => {
    const { workspace } = await ownerWithWorkspace("Again");
    const folder = await folderWith({ "one.txt": "Same text twice.\n\nIt is the same text." });
    const first = await importFolder({ folder, workspace: workspace.slug });
    const second = await importFolder({ folder, workspace: workspace.slug, comparison: first.comparison });
    expect(second.lines).toEqual([{ file: "one.txt", outcome: "skipped", detail: expect.stringMatching(/already in the comparison/) }]);
  });

  it.skipIf(!existsSync(corpus))("imports the five corpus articles with their outlets", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Corpus");
    const result = await importFolder({ folder: corpus, workspace: workspace.slug });
    expect(result.lines.filter((l) => l.outcome === "imported")).toHaveLength(5);
    const view = await getComparisonBySlug(owner, workspace.slug, result.comparison);
    expect(view.comparison.sources.map((s) => s.outlet?.name).sort()).toEqual(
      ["Firstpost", "Iran International", "Sputnik", "The Cradle", "The New Arab"],
    );
  });
});
