// npm run bench: runs every benchmark, prints the results and writes bench/RESULTS.md.
// `npm run bench -- export` (or workspace, workspace-peer, agreement, compare) runs one and replaces only its
// section. Needs a production build (npm run build) and Chromium at /usr/bin/chromium, except
// "compare", which times lib/server in this process.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { machineLine } from "./machine";
import { benchAgreement } from "./agreement";
import { benchCompare } from "./compare";
import { benchExport } from "./export";
import { benchWorkspace } from "./workspace";
import { benchWorkspacePeer } from "./workspace-peer";

const SECTIONS: { key: string; title: string; run: () => Promise<string[]>; needsBuild?: false }[] = [
  { key: "workspace", title: "Annotation workspace", run: benchWorkspace },
  { key: "workspace-peer", title: "Workspace beside @recogito/text-annotator (issue 12)", run: benchWorkspacePeer },
  { key: "agreement", title: "Agreement and review", run: benchAgreement },
  { key: "export", title: "Export", run: () => benchExport() },
  { key: "compare", title: "Comparison and match suggestions", run: benchCompare, needsBuild: false },
];

const RESULTS = path.join(process.cwd(), "bench", "RESULTS.md");

function table(title: string, rows: string[]): string {
  const stamp = `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}.`;
  return [`## ${title}`, "", stamp, "", "| what | result | notes |", "| --- | --- | --- |", ...rows, ""].join("\n");
}

/** Replaces one "## Title" section of RESULTS.md (up to the next "## "), or appends it. */
function replaceSection(report: string, title: string, body: string): string {
  const start = report.indexOf(`## ${title}\n`);
  if (start < 0) return `${report.trimEnd()}\n\n${body}`;
  const next = report.indexOf("\n## ", start + 3);
  return report.slice(0, start) + body + (next < 0 ? "" : report.slice(next + 1));
}

async function main(): Promise<void> {
  const only = process.argv[2];
  const chosen = SECTIONS.filter((s) => only === undefined || s.key === only);
  if (chosen.length === 0) {
    console.error(`Unknown benchmark “${only}”. Choose one of: ${SECTIONS.map((s) => s.key).join(", ")}.`);
    process.exit(1);
  }
  if (chosen.some((s) => s.needsBuild !== false) && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(1);
  }
  const header = [
    "# Benchmark results",
    "",
    "Run with `npm run build && npm run bench` (or `npm run bench -- export` for one section). Browser timings use the",
    "Performance API in headless Chromium (/usr/bin/chromium) against the `next start` production build.",
    "",
  ].join("\n");
  let report = only === undefined || !existsSync(RESULTS) ? header : readFileSync(RESULTS, "utf8");
  for (const section of chosen) {
    const body = table(section.title, await section.run());
    console.log(body);
    report = replaceSection(report, section.title, body);
  }
  writeFileSync(RESULTS, report);
}

void main();
