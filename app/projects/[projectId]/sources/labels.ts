// How a source's kind reads on the page: "media_outlet" → "media outlet".
export function kindLabel(kind: string): string {
  return kind.replace("_", " ");
}
