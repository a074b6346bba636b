// The fuzz suite's own rules: at least 10,000 generated cases per run, every budgeted property
// really run by a test, one seed per run from FUZZ_SEED or the committed default, and a failure
// that prints the seed and replays identically from it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProperty, DEFAULT_FUZZ_SEED, FUZZ_RUNS, fuzzSeed } from "../../fuzz-seed";

const FUZZ_DIRS = ["tests/unit/fuzz", "tests/server/fuzz"];

function fuzzSources(): string {
  return FUZZ_DIRS.flatMap((dir) =>
    readdirSync(path.join(process.cwd(), dir))
      .filter((f) => f.endsWith(".test.ts"))
      .map((f) => readFileSync(path.join(process.cwd(), dir, f), "utf8")),
  ).join("\n");
}

describe("the fuzz suite", () => {
  it("generates at least 10,000 cases per run in total", () => {
    const total = Object.values(FUZZ_RUNS).reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });

  it("runs every budgeted property in a test under tests/unit/fuzz or tests/server/fuzz", () => {
    const sources = fuzzSources();
    const unused = Object.keys(FUZZ_RUNS).filter((name) => !new RegExp(`fuzz\\(\\s*"${name}"`).test(sources));
    expect(unused).toEqual([]);
  });

  it("takes its seed from FUZZ_SEED, else the committed default, and refuses a malformed one", () => {
    expect(fuzzSeed({})).toBe(DEFAULT_FUZZ_SEED);
    expect(fuzzSeed({ FUZZ_SEED: "" })).toBe(DEFAULT_FUZZ_SEED);
    expect(fuzzSeed({ FUZZ_SEED: "42" })).toBe(42);
    expect(fuzzSeed({ FUZZ_SEED: "-7" })).toBe(-7);
    for (const bad of ["abc", "1.5", "1e3", "99999999999", "0x10"]) expect(() => fuzzSeed({ FUZZ_SEED: bad })).toThrow(/FUZZ_SEED must be a whole number/);
  });

  it("prints the seed and the replay command on failure, and the same seed replays the same cases", async () => {
    const run = async (seed: number): Promise<{ seen: number[]; message: string }> => {
      const seen: number[] = [];
      const failing = fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        seen.push(n);
        return n % 97 !== 5;
      });
      const error = await checkProperty(failing, { name: "example", seed, numRuns: 100_000, file: "tests/unit/fuzz/x.test.ts" }).catch(
        (e: unknown) => e as Error,
      );
      return { seen, message: error instanceof Error ? error.message : "" };
    };
    const first = await run(1234);
    expect(first.message).toContain("FUZZ_SEED=1234");
    expect(first.message).toContain("Replay this run: FUZZ_SEED=1234 npx vitest run tests/unit/fuzz/x.test.ts");
    expect(first.message).toMatch(/Counterexample: \[\d+\]/);
    const again = await run(1234);
    expect(again.seen).toEqual(first.seen);
    expect(again.message).toBe(first.message);
    expect((await run(4321)).seen).not.toEqual(first.seen);
  });
});
