/** SHA-256 of canonical lines with Node's crypto, fed in slices so a million lines never make one string. */
import { createHash } from "crypto";
import type { Sha256Lines } from "../reports/fingerprint";

const LINES_PER_UPDATE = 4096;

export const nodeSha256Lines: Sha256Lines = async (lines) => {
  const hash = createHash("sha256");
  for (let start = 0; start < lines.length; start += LINES_PER_UPDATE) {
    const slice = lines.slice(start, start + LINES_PER_UPDATE);
    hash.update(slice.join("\n") + "\n", "utf8");
  }
  return hash.digest("hex");
};
