/**
 * The re-anchoring Parallax shipped before issue 17, loaded from git history (the
 * anchoring folder at BASELINE_COMMIT), so the bench compares against it without a copy
 * of the old code living in the tree; or the same folder at any other commit (to compare
 * a change against the code before it, in the same run). The files are written under
 * node_modules/.cache, where their one package import (diff-match-patch) still resolves.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { AnchorTarget, ReanchorResult } from "@/lib/domain/anchoring";

export const BASELINE_COMMIT = "52d7af1fad1b9030c401b9562b14ebe934d9925b";
const FILES = ["anchor.ts", "approx-match.ts", "reanchor.ts", "selectors.ts", "types.ts", "unicode.ts"];

type ReanchorAll = (oldText: string, newText: string, targets: readonly AnchorTarget[]) => ReanchorResult[];

export async function loadBaseline(ref: string = BASELINE_COMMIT): Promise<ReanchorAll> {
  const root = path.resolve(import.meta.dirname, "../..");
  const commit = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: root, encoding: "utf8" }).trim();
  const dir = path.join(root, "node_modules/.cache/anchoring-baseline", commit.slice(0, 12));
  mkdirSync(dir, { recursive: true });
  for (const file of FILES) {
    const source = execFileSync("git", ["show", `${commit}:lib/domain/anchoring/${file}`], { cwd: root, encoding: "utf8" });
    writeFileSync(path.join(dir, file), source);
  }
  const module = (await import(pathToFileURL(path.join(dir, "reanchor.ts")).href)) as { reanchorAll: ReanchorAll };
  return module.reanchorAll;
}
