/**
 * Another version of the app, to measure the code as it was against the code as it is in
 * the same run: the files of a git commit in a folder of its own under the temp folder, with
 * this checkout's installed packages (hard links, so it costs no space) and its own Prisma
 * client. `npm start` there builds it on first start; the folder is kept for the next run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The commit `ref` names, as a full hash. */
export function resolveCommit(ref: string): string {
  return execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { cwd: root, encoding: "utf8" }).trim();
}

/** The folder holding commit `commit`'s files, ready for `npm start`. */
export function checkoutAt(commit: string): string {
  const dir = path.join(os.tmpdir(), `parallax-bench-${commit.slice(0, 12)}`);
  const ready = path.join(dir, ".bench-checkout-ready");
  if (existsSync(ready)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync("sh", ["-c", `git archive "${commit}" | tar -x -C "${dir}"`], { cwd: root, stdio: "inherit" });
  execFileSync("cp", ["-al", path.join(root, "node_modules"), path.join(dir, "node_modules")], { stdio: "inherit" });
  execFileSync("node", ["scripts/generate-client.mjs"], { cwd: dir, stdio: ["ignore", "ignore", "inherit"] });
  writeFileSync(ready, `${commit}\n`);
  return dir;
}
