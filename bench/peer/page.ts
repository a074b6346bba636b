// The peer side of the workspace benchmark: a static page with the same text, laid out in
// paragraphs like the app's, that loads @recogito/text-annotator's own bundle from
// node_modules and gives it the spans as W3C annotations. Served by the benchmark itself.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PEER_SOURCE, type W3CAnnotation } from "./w3c";

const DIST = path.join(process.cwd(), "node_modules", "@recogito", "text-annotator", "dist");

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
// JSON inside <script>: no "</script>" can end the element early.
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, "\\u003c");

/** One <p> per line, like the app; the newlines stay as text, so the container's text is the document's. */
function body(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.trim() === "" ? escapeHtml(line) : `<p>${escapeHtml(line)}</p>`))
    .join("\n");
}

// In the page: create the annotator, load every annotation, and mark the frame after they are
// painted. `window.peerTag` adds one more annotation and resolves at the frame after its paint.
const SCRIPT = `
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const container = document.getElementById("text");
const anno = RecogitoJS.createTextAnnotator(container, { adapter: RecogitoJS.W3CTextFormat(${JSON.stringify(PEER_SOURCE)}, container) });
anno.setAnnotations(JSON.parse(document.getElementById("annotations").textContent));
performance.mark("peer-set");
frame().then(frame).then(() => performance.mark("peer-highlights-frame"));
window.peerAnno = anno;
window.peerTag = async (annotation) => {
  const t0 = performance.now();
  anno.addAnnotation(annotation);
  await frame();
  return performance.now() - t0;
};
`;

export function peerHtml(text: string, annotations: readonly W3CAnnotation[]): string {
  return [
    "<!doctype html><html><head><meta charset=utf-8><title>Peer: @recogito/text-annotator</title>",
    '<link rel="stylesheet" href="/text-annotator.css">',
    "<style>body{font:17px/1.6 system-ui;max-width:46rem;margin:2rem auto}p{margin:0 0 1em}</style></head><body>",
    `<div id="text">${body(text)}</div>`,
    `<script id="annotations" type="application/json">${scriptJson(annotations)}</script>`,
    // The UMD bundle reads process.env.NODE_ENV, as a bundler would have replaced it.
    '<script>window.process = { env: { NODE_ENV: "production" } };</script>',
    '<script src="/text-annotator.umd.js"></script>',
    `<script>${SCRIPT}</script>`,
    "</body></html>",
  ].join("");
}

/** Serves the peer pages (one per span count) and the annotator's bundle on a free port. */
export function servePeer(pages: Record<string, string>): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const files: Record<string, [string, string]> = {
    "/text-annotator.umd.js": ["text/javascript", readFileSync(path.join(DIST, "text-annotator.umd.js"), "utf8")],
    "/text-annotator.css": ["text/css", readFileSync(path.join(DIST, "text-annotator.css"), "utf8")],
  };
  for (const [name, html] of Object.entries(pages)) files[`/${name}`] = ["text/html", html];
  const server: Server = createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname];
    if (file === undefined) return void res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
    res.writeHead(200, { "content-type": `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ baseUrl: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
