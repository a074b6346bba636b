// npm run bench: runs every benchmark, prints the results and writes bench/RESULTS.md.
// Needs a production build (npm run build) and Chromium at /usr/bin/chromium.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { machineLine } from "./machine";
import { benchAgreement } from "./agreement";
import { benchWorkspace } from "./workspace";

async function main(): Promise<void> {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(1);
  }
  const rows = await benchWorkspace();
  const agreementRows = await benchAgreement();
  const report = [
    "# Benchmark results",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}, headless Chromium (/usr/bin/chromium), \`next start\` production build.`,
    "Run with `npm run build && npm run bench`. Timings inside the page use the Performance API (marks set by the workspace).",
    "",
    "## Annotation workspace",
    "",
    "| what | result | notes |",
    "| --- | --- | --- |",
    ...rows,
    "",
    "## Agreement and review",
    "",
    "| what | result | notes |",
    "| --- | --- | --- |",
    ...agreementRows,
    "",
  ].join("\n");
  console.log(report);
  writeFileSync(path.join(process.cwd(), "bench", "RESULTS.md"), report);
}

void main();
