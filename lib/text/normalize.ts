/**
 * Normalization applied once, on import, before a document's text is frozen.
 * Every stored offset points into the result, so this must never change
 * behaviour for existing documents; it must also be idempotent so that
 * re-normalizing frozen text (e.g. when checking a re-import) is a no-op.
 */
export function normalizeText(raw: string): string {
  const lines = raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""));

  let first = 0;
  while (first < lines.length && lines[first] === "") first++;
  let last = lines.length;
  while (last > first && lines[last - 1] === "") last--;

  return lines.slice(first, last).join("\n");
}
