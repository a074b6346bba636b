/** An ASCII slug for file names: "port-calder-votes" from "Port Calder votes!", at most `max` characters. */
export function slug(name: string, max = 60): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}
