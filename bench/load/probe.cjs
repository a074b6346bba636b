// Preloaded into the `next start` process by the load bench (node --require …): once a
// second it appends how late the event loop ran timers and the process's CPU time to
// LOAD_PROBE_FILE. The app itself is untouched. CommonJS, because --require loads it before
// Next's own code, without a loader.
//
// Lateness is measured by a timer of its own that asks to run every 20 ms and notes how much
// later it ran. perf_hooks' monitorEventLoopDelay was tried first: on a saturated server it
// recorded no sample at all for whole seconds and reported 0 ms, the opposite of the truth.
"use strict";
const { appendFileSync } = require("node:fs");
const { performance } = require("node:perf_hooks");

const file = process.env.LOAD_PROBE_FILE;
const INTERVAL_MS = 20;
if (file) {
  let late = [];
  let expected = performance.now() + INTERVAL_MS;
  const tick = () => {
    const now = performance.now();
    late.push(Math.max(0, now - expected));
    expected = now + INTERVAL_MS;
    setTimeout(tick, INTERVAL_MS).unref();
  };
  setTimeout(tick, INTERVAL_MS).unref();

  let cpu = process.cpuUsage();
  const round = (ms) => Math.round(ms * 100) / 100;
  const at = (sorted, p) => (sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
  const report = setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    // The report itself may run late; the lateness it saw is what the next tick records.
    const sorted = late.sort((a, b) => a - b);
    late = [];
    const line = {
      pid: process.pid,
      t: Date.now(),
      samples: sorted.length,
      lagP50: round(at(sorted, 50)),
      lagP99: round(at(sorted, 99)),
      lagMax: round(sorted.length === 0 ? 0 : sorted[sorted.length - 1]),
      cpuMs: Math.round((used.user + used.system) / 1000),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000);
  report.unref();
}
