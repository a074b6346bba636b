// Preloaded into the `next start` process by the load bench (node --require …): once a
// second it appends how long the event loop made timers wait (perf_hooks' delay histogram) and
// the process's CPU time to LOAD_PROBE_FILE. The app itself is untouched. CommonJS, because
// --require loads it before Next's own code, without a loader.
"use strict";
const { appendFileSync } = require("node:fs");
const { monitorEventLoopDelay } = require("node:perf_hooks");

const file = process.env.LOAD_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let cpu = process.cpuUsage();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const timer = setInterval(() => {
    const used = process.cpuUsage(cpu);
    cpu = process.cpuUsage();
    const line = {
      pid: process.pid,
      t: Date.now(),
      lagP50: ms(histogram.percentile(50)),
      lagP99: ms(histogram.percentile(99)),
      lagMax: ms(histogram.max),
      cpuMs: Math.round((used.user + used.system) / 1000),
    };
    histogram.reset();
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  }, 1000);
  timer.unref();
}
