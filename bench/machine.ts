// What the numbers were measured on, for bench/RESULTS.md.
import os from "node:os";

export function machineLine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const memory = Math.round(os.totalmem() / 1024 ** 3);
  return `${cpu}, ${os.cpus().length} cores, ${memory} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (n: number): string => `${n.toFixed(1)} ms`;
