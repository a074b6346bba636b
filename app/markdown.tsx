// Project guidelines rendered from Markdown (headings, lists, emphasis, links, tables, code,
// task lists) through react-markdown, remark-gfm and rehype-sanitize. No hooks and no
// "use client": the team page and the workspace render it on the server, the settings page's
// live preview in the browser, and both show the same output. Why it is safe: lib/guidelines/markdown.ts.
import type { ReactNode } from "react";
import ReactMarkdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { GUIDELINES_SCHEMA, linkProps } from "@/lib/guidelines/markdown";
import "./markdown.css";

const COMPONENTS: Components = {
  // Guidelines sit under a page's own h1 and a "Guidelines" h2, so their headings start at h3.
  h1: "h3",
  h2: "h4",
  h3: "h5",
  h4: "h6",
  h5: "h6",
  // A wide table scrolls in its own box instead of widening the page; a scrolling box must be
  // reachable by keyboard. A group, not a region: several tables need no distinct landmark names.
  table({ node: _node, ...attributes }) {
    return (
      <div className="markdown-table" role="group" aria-label="Table from the guidelines" tabIndex={0}>
        <table {...attributes} />
      </div>
    );
  },
  // Other attributes (a footnote's id and aria-describedby) already passed the sanitiser.
  // A link whose address the sanitiser removed (javascript: and the like) is shown as plain text.
  a({ node: _node, href, children, ...attributes }) {
    const { external, ...props } = linkProps(href);
    if (props.href === undefined) return <span>{children}</span>;
    return (
      <a {...attributes} {...props}>
        {children}
        {external ? <span className="visually-hidden"> (opens in a new tab)</span> : null}
      </a>
    );
  },
  // Long code lines scroll inside the block, which must then be reachable by keyboard.
  pre({ node: _node, ...attributes }) {
    return <pre {...attributes} tabIndex={0} />;
  },
  // An image is shown as a link to it, never loaded in the page (see lib/guidelines/markdown.ts).
  img({ src, alt }) {
    const { external, ...props } = linkProps(typeof src === "string" ? src : undefined);
    const label = `Image: ${alt || "untitled"}`;
    return props.href === undefined ? (
      <span>{label}</span>
    ) : (
      <a {...props}>
        {label}
        {external ? <span className="visually-hidden"> (opens in a new tab)</span> : null}
      </a>
    );
  },
  // Task-list boxes are read-only marks; give them a name so they are not unlabelled inputs.
  input({ type, checked }) {
    if (type !== "checkbox") return null;
    return <input type="checkbox" defaultChecked={checked === true} disabled aria-label={checked ? "Done" : "Not done"} />;
  },
};

// remark-rehype would prefix footnote ids itself, and the sanitiser again; leave it to the sanitiser.
const REMARK_REHYPE = { clobberPrefix: "" };

export function Markdown({ source, className = "markdown" }: { source: string; className?: string }): ReactNode {
  return (
    <div className={className}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm]}
        rehypePlugins={[[rehypeSanitize, GUIDELINES_SCHEMA]]}
        remarkRehypeOptions={REMARK_REHYPE}
        components={COMPONENTS}
      >
        {source}
      </ReactMarkdown>
    </div>
  );
}
