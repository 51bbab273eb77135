import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { importFolder } from "@/lib/server/cli/import-folder";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import type { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { ownerWithWorkspace } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

/** Set to make the source store fail after that many sources were written, as a crash half-way would. */
const failAfter = vi.hoisted(() => ({ calls: undefined as number | undefined }));
vi.mock("@/lib/server/services/sources/revision-fields", async (original) => {
  const actual = await original<{ revisionFields: typeof revisionFields }>();
  return {
    revisionFields: (text: string) => {
      if (failAfter.calls !== undefined && failAfter.calls-- === 0) throw new Error("injected failure while saving the third source");
      return actual.revisionFields(text);
    },
  };
});

const GOOD_FILES = {
  "a.txt": "Bridge closed for repairs\n\nThe old bridge closed on Monday for six weeks of repairs.",
  "b.md": "---\ntitle: Commuters fume as bridge shuts\n---\n\nThe **old bridge** shut on Monday, stranding commuters.",
  "c.html": "<html><head><title>Bridge works</title></head><body><article><h1>Bridge works</h1><p>Works on the old bridge began this week and will last six weeks.</p><script>alert(1)</script></article></body></html>",
};

/** What an import can leave behind in a workspace. */
async function counts(workspaceId: string) {
  const inWorkspace = { comparison: { workspaceId } };
  return {
    comparisons: await db().comparison.count({ where: { workspaceId } }),
    sources: await db().source.count({ where: inWorkspace }),
    revisions: await db().sourceRevision.count({ where: { source: inWorkspace } }),
    outlets: await db().outlet.count({ where: { workspaceId } }),
    tagSets: await db().tagSet.count({ where: inWorkspace }),
  };
}

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
        ],
      }),
      ...GOOD_FILES,
      "notes.pdf": "%PDF-1.4",
    });
    const result = await importFolder({ folder, workspace: workspace.slug });
    expect(result.saved).toBe(true);
    const outcome = Object.fromEntries(result.lines.map((l) => [l.file, [l.outcome, l.detail]]));
    expect(outcome["a.txt"]?.[0]).toBe("imported");
    expect(outcome["b.md"]?.[0]).toBe("imported");
    expect(outcome["c.html"]?.[0]).toBe("imported");
    expect(outcome["notes.pdf"]).toEqual(["skipped", "not a .txt, .md or .html file"]);

    const view = await getComparisonBySlug(owner, workspace.slug, result.comparison!);
    expect(view.comparison.title).toBe("Bridge closure");
    const byTitle = Object.fromEntries(view.comparison.sources.map((s) => [s.title, s]));
    expect(byTitle["Bridge closed for repairs"]?.outlet?.name).toBe("North Post");
    expect(byTitle["Bridge closed for repairs"]?.publishedAt?.toISOString().slice(0, 10)).toBe("2024-05-01");
    expect(byTitle["Commuters fume as bridge shuts"]?.publishedAt).toBeNull();
    expect(byTitle["Commuters fume as bridge shuts"]?.currentRevision?.text).not.toContain("**");
    expect(byTitle["Bridge works"]?.currentRevision?.text).not.toContain("alert");
  });

  it("is all or nothing: a bad file after good ones saves nothing, not even the new comparison, and says why", async () => {
    const { workspace } = await ownerWithWorkspace("Careful");
    const folder = await folderWith({
      "manifest.json": JSON.stringify({ collection: "Half a bridge", documents: [{ file: "../secret.txt", outlet: "Nobody" }, { file: "missing.txt" }] }),
      ...GOOD_FILES,
      "z-binary.txt": new Uint8Array([0, 159, 146, 150, 0, 1, 2]),
    });
    const before = await counts(workspace.id);
    const result = await importFolder({ folder, workspace: workspace.slug });
    expect(result.saved).toBe(false);
    const outcome = Object.fromEntries(result.lines.map((l) => [l.file, l.outcome]));
    expect(outcome).toEqual({ "../secret.txt": "failed", "missing.txt": "failed", "z-binary.txt": "failed", "a.txt": "skipped", "b.md": "skipped", "c.html": "skipped" });
    expect(result.lines.find((l) => l.file === "a.txt")?.detail).toBe("readable, but not imported because another file failed");
    expect(await counts(workspace.id)).toEqual(before);
  });

  it("is all or nothing into an existing comparison too: a title the schema refuses fails the whole import", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Existing");
    const first = await importFolder({ folder: await folderWith({ "a.txt": GOOD_FILES["a.txt"] }), workspace: workspace.slug });
    const folder = await folderWith({
      "manifest.json": JSON.stringify({ documents: [{ file: "c.html", title: "Bridge\u202eexe.txt" }] }),
      "b.md": GOOD_FILES["b.md"],
      "c.html": GOOD_FILES["c.html"],
    });
    const result = await importFolder({ folder, workspace: workspace.slug, comparison: first.comparison });
    expect(result.lines.find((l) => l.file === "c.html")).toMatchObject({ outcome: "failed", detail: expect.stringMatching(/right-to-left override/) });
    const view = await getComparisonBySlug(owner, workspace.slug, first.comparison!);
    expect(view.comparison.sources).toHaveLength(1);
  });

  it("leaves nothing behind when it stops half-way through saving (an error after some sources were written)", async () => {
    const { workspace } = await ownerWithWorkspace("Interrupted");
    const folder = await folderWith(GOOD_FILES);
    const before = await counts(workspace.id);
    failAfter.calls = 2;
    const failed = await importFolder({ folder, workspace: workspace.slug }).then(() => null, (e: unknown) => e);
    failAfter.calls = undefined;
    expect(failed).toEqual(new Error("injected failure while saving the third source"));
    expect(await counts(workspace.id)).toEqual(before);

    const again = await importFolder({ folder, workspace: workspace.slug });
    expect(again.lines.map((l) => l.outcome)).toEqual(["imported", "imported", "imported"]);
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
    const view = await getComparisonBySlug(owner, workspace.slug, result.comparison!);
    expect(view.comparison.sources.map((s) => s.outlet?.name).sort()).toEqual(
      ["Firstpost", "Iran International", "Sputnik", "The Cradle", "The New Arab"],
    );
  });
});
