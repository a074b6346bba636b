// A link whose page is fetched when it is followed, never ahead. Every page here is rendered per
// request for the signed-in reviewer, so a prefetch is a server render (the review of a
// 10,000-span document, say) and parsing on the reader's main thread, and Next prefetches each
// link again as it comes back on screen: on the annotation page that work landed in the frames
// of the reviewer's tags. Used where a page is read and edited at length (the top bar, the
// document's own links).
import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";

export function PageLink(props: Omit<ComponentProps<typeof Link>, "prefetch">): ReactNode {
  return <Link {...props} prefetch={false} />;
}
