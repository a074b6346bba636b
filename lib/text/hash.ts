import { createHash } from "node:crypto";

/**
 * SHA-256 of the UTF-8 bytes, as lowercase hex. Server-only (node:crypto), so
 * it is not re-exported from `lib/text/index.ts`, which client code imports
 * for offset conversion.
 */
export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
