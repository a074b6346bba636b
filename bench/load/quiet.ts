// The machine is shared: before a phase, wait (up to a limit) until other processes leave the
// cores alone for a few seconds, so a phase measures the app rather than someone's build.
import { machineCpu } from "./server";

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Share of one core used by everything on the machine over the next `ms`. */
async function busyPercent(ms: number): Promise<number> {
  const a = machineCpu();
  await sleep(ms);
  const b = machineCpu();
  return (100 * (b.busyMs - a.busyMs)) / ms;
}

/**
 * Waits until the machine is below `percent` of one core busy for 5 s in a row, at most
 * `maxSeconds`. Returns the seconds waited and the last reading. Call it while this bench
 * runs nothing, so every busy tick belongs to someone else.
 */
export async function waitForQuiet(percent: number, maxSeconds: number): Promise<{ waited: number; busy: number }> {
  const started = Date.now();
  let busy = await busyPercent(5000);
  while (busy > percent && Date.now() - started < maxSeconds * 1000) busy = await busyPercent(5000);
  return { waited: Math.round((Date.now() - started) / 1000), busy };
}
