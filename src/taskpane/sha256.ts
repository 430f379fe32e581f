/** SHA-256 of canonical lines with the browser's Web Crypto (the pane's side of the fingerprint seam). */
import type { Sha256Lines } from "../reports/fingerprint";

export const webSha256Lines: Sha256Lines = async (lines) => {
  const bytes = new TextEncoder().encode(lines.length > 0 ? lines.join("\n") + "\n" : "");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of digest) hex += byte.toString(16).padStart(2, "0");
  return hex;
};
