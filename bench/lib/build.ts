/** The production build the bench measures: dist/, rebuilt when it is missing or older than src/. */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { progress } from "./measure";

const REPO = path.join(__dirname, "..", "..");
export const DIST = path.join(REPO, "dist");

/** The newest modification time of any file under a directory. */
function newestMtimeMs(directory: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    newest = Math.max(
      newest,
      entry.isDirectory() ? newestMtimeMs(entryPath) : fs.statSync(entryPath).mtimeMs
    );
  }
  return newest;
}

/** Builds when a bundle is missing or older than the sources, so the sizes are those of the code as it is. */
export function ensureBuilt(files: readonly string[]): void {
  const sourcesChanged = newestMtimeMs(path.join(REPO, "src"));
  const current = files.every((file) => {
    const filePath = path.join(DIST, file);
    return fs.existsSync(filePath) && fs.statSync(filePath).mtimeMs >= sourcesChanged;
  });
  if (current) return;
  progress("dist/ lacks the bundles or is older than src/: running npm run build");
  const build = spawnSync("npm", ["run", "build"], { cwd: REPO, encoding: "utf8" });
  if (build.status !== 0) {
    throw new Error(
      `npm run build failed (${String(build.status)}):\n${(build.stdout + build.stderr).slice(-3000)}`
    );
  }
}
