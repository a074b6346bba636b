// CI reads the last line of the run: "N passed, N failed, N skipped".
// Vitest's own summary is formatted for people, so this reporter prints the plain line last.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
      // A file that fails to load or to set up (a beforeAll that throws leaves its tests
      // skipped) must still count as failed, once, when none of its tests did.
      if (testModule.state() === "failed" && ![...testModule.children.allTests()].some((t) => t.result().state === "failed")) {
        failed += 1;
      }
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
