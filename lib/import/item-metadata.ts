/**
 * Which metadata a document is stored with, from three places: what its file says, what the
 * batch was given (the CLI's --outlet, the paste form), and what its own row in the upload
 * preview says. A row is the person's last word: a field they emptied stays empty, even when
 * the file had a value. Without a row, a given value wins over the file's.
 */
import type { FoundMetadata } from "./prepare";

export interface MetadataFields {
  title?: string;
  outlet?: string;
  story?: string;
  author?: string;
  publishedAt?: string;
  url?: string;
}

export type ResolvedMetadata = Omit<MetadataFields, "title">;

export interface KnownOutlet {
  name: string;
  domain: string | null;
}

function hostOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
}

/**
 * The outlet a file points to, spelled as an existing outlet when one matches: the same name
 * in any letter case, else an outlet whose domain is the page's host (or a parent of it).
 * Otherwise the page's own name for itself, or null.
 */
export function matchOutlet(found: Pick<FoundMetadata, "outlet" | "url">, outlets: readonly KnownOutlet[]): string | null {
  if (found.outlet !== null) {
    const lower = found.outlet.toLowerCase();
    return outlets.find((o) => o.name.toLowerCase() === lower)?.name ?? found.outlet;
  }
  const host = hostOf(found.url);
  if (host === null) return null;
  const byDomain = outlets.find((o) => {
    const domain = o.domain?.toLowerCase().replace(/^www\./, "");
    return domain !== undefined && domain !== "" && (host === domain || host.endsWith(`.${domain}`));
  });
  return byDomain?.name ?? null;
}

const orUndefined = (value: string | null | undefined): string | undefined => (value === null || value === "" ? undefined : value);

/** `found.outlet` should already have gone through matchOutlet. */
export function resolveMetadata(found: FoundMetadata, batch: MetadataFields, own: MetadataFields | undefined): ResolvedMetadata {
  if (own !== undefined) {
    return { outlet: own.outlet, story: own.story, author: own.author, publishedAt: own.publishedAt, url: own.url };
  }
  return {
    outlet: batch.outlet ?? orUndefined(found.outlet),
    story: batch.story,
    author: batch.author ?? orUndefined(found.author),
    publishedAt: batch.publishedAt ?? orUndefined(found.publishedAt),
    url: batch.url ?? orUndefined(found.url),
  };
}
