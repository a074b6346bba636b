// The load bench's own logic: its flags, the sign-in form it posts, the spans it makes, how it
// finds the bend and how it rewrites its section of bench/RESULTS.md. The runs themselves are
// `npm run bench:load`; these pin the parts whose mistakes would silently skew the figures.
// The comparison of backends: tests/unit/bench-load-backends.test.ts.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseLoadArgs } from "@/bench/load/args";
import type { PhaseResult } from "@/bench/load/measure";
import { bendLine, mixCost, SECTION_TITLE, writeSection } from "@/bench/load/report";
import { loadDocument } from "@/bench/load/reviewer";
import { hiddenFields, multipart } from "@/bench/load/sign-in";
import { Recorder } from "@/bench/load/stats";
import { buildArticles } from "@/bench/load/texts";
import { whyLine } from "@/bench/load/why";

describe("load bench flags", () => {
  it("defaults to 50 and 200 reviewers for 60 s, with steps that find the bend", () => {
    const args = parseLoadArgs([]);
    expect(args.reviewers).toEqual([50, 200]);
    expect(args.seconds).toBe(60);
    expect(args.steps.length).toBeGreaterThan(2);
  });

  it("reads lists and numbers, and refuses what it does not understand", () => {
    const args = parseLoadArgs(["--reviewers", "5,10", "--seconds", "3", "--steps", "none", "--no-write"]);
    expect(args).toMatchObject({ reviewers: [5, 10], seconds: 3, steps: [], write: false });
    expect(() => parseLoadArgs(["--reviewers", "5,x"])).toThrow(/whole numbers/);
    expect(() => parseLoadArgs(["--seconds", "0"])).toThrow(/at least 1/);
    expect(() => parseLoadArgs(["--fast"])).toThrow(/Unknown option “--fast”/);
  });
});

describe("signing in as a form post", () => {
  const page = `<form action="/x"><input name="q"></form>
    <form method="post"><input type="hidden" name="$ACTION_REF_1" value=""><input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;abc&quot;}">
    <input name="username"><input type="password" name="password"></form>`;

  it("takes the hidden fields of the form that has the username, decoding entities", () => {
    expect(hiddenFields(page)).toEqual([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"abc"}'],
    ]);
  });

  it("says so when the page has no sign-in form", () => {
    expect(() => hiddenFields("<form><input name='q'></form>")).toThrow(/no form with a username field/);
  });

  it("encodes every field as multipart parts under one boundary", () => {
    const { body, contentType } = multipart([
      ["a", "1"],
      ["b", "two words"],
    ]);
    const boundary = contentType.split("boundary=")[1]!;
    const text = body.toString();
    expect(text.split(`--${boundary}`).length).toBe(4);
    expect(text).toContain('name="b"\r\n\r\ntwo words\r\n');
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
  });
});

describe("the spans reviewers send", () => {
  it("counts offsets in code points, so astral characters do not shift them", () => {
    const doc = loadDocument(1, "𝔸 word\n\nnext");
    expect(doc.words).toEqual([
      [0, 1],
      [2, 6],
      [8, 12],
    ]);
    expect(doc.chars.slice(2, 6).join("")).toBe("word");
  });

  it("makes distinct articles even from a single repeated paragraph", () => {
    const articles = buildArticles(12, 3, ["one two three four five six seven eight nine ten eleven twelve"]);
    expect(new Set(articles.map((a) => a.text)).size).toBe(12);
    expect(new Set(articles.map((a) => a.story)).size).toBe(3);
  });
});

describe("recording replies", () => {
  it("counts 5xx and SQLITE_BUSY bodies, and keeps a sample of what was unexpected", () => {
    const recorder = new Recorder();
    recorder.record("create", 201, 5, "{}", 201);
    recorder.record("create", 500, 9, "SqliteError: SQLITE_BUSY: database is locked", 201);
    recorder.record("spans", 200, 3, "[]", 200);
    expect(recorder.serverErrors).toBe(1);
    expect(recorder.busyBodies).toBe(1);
    expect(recorder.samples).toHaveLength(1);
    expect(recorder.count()).toBe(3);
    expect(recorder.summary().find((r) => r.route === "create")?.statuses).toBe("201×1, 500×1");
  });
});

function phase(reviewers: number, throughput: number): { result: PhaseResult; runs: number } {
  return { result: { reviewers, throughput, overall: { p50: 1, p99: reviewers } } as unknown as PhaseResult, runs: 1 };
}

describe("finding the bend", () => {
  it("names the first step that adds reviewers but under 10% more throughput", () => {
    const line = bendLine([phase(1, 5), phase(10, 50), phase(25, 120), phase(50, 125), phase(100, 126)]);
    expect(line).toMatch(/between 25 and 50 reviewers \(120\.0 → 125\.0 req\/s\)/);
  });

  it("says so when throughput grew at every step", () => {
    expect(bendLine([phase(1, 5), phase(10, 50)])).toMatch(/still grew at every step, up to 50\.0 req\/s at 10/);
  });
});

describe("writing bench/RESULTS.md", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-load-report-"));

  it("replaces its own section and leaves the others as they were", () => {
    const file = path.join(dir, "RESULTS.md");
    writeFileSync(file, `# Results\n\n## Before\n\nkept\n\n## ${SECTION_TITLE}\n\nold figures\n\n## After\n\nalso kept\n`);
    writeSection(file, `## ${SECTION_TITLE}\n\nnew figures\n`);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("## Before\n\nkept");
    expect(text).toContain("new figures");
    expect(text).not.toContain("old figures");
    expect(text).toContain("## After\n\nalso kept");
  });

  it("appends the section when the file has none", () => {
    const file = path.join(dir, "fresh.md");
    writeFileSync(file, "# Results\n");
    writeSection(file, `## ${SECTION_TITLE}\n\nfigures\n`);
    expect(readFileSync(file, "utf8")).toBe(`# Results\n\n## ${SECTION_TITLE}\n\nfigures\n`);
  });
});

function peakStep(reviewers: number, throughput: number, mainThreadCpu: number, msPerRequest: number): { result: PhaseResult; runs: number } {
  const result = {
    reviewers,
    throughput,
    mainThreadCpu,
    mainThreadMsPerRequest: msPerRequest,
    instances: 1,
    databaseCpu: null,
    serverCpu: mainThreadCpu * 1.2,
    clientCpu: 10,
    machineCpu: mainThreadCpu * 1.2 + 13,
    serverErrors: 0,
    loopDelayP99: 400,
    othersCpu: 3,
    busyBodies: 0,
    busyInLog: 0,
    overall: { p50: 1, p99: 2 },
    profile: { groups: [{ what: "garbage collection", percent: reviewers / 10 }], functions: [] },
  };
  return { result: result as unknown as PhaseResult, runs: 1 };
}

describe("saying why it bends", () => {
  it("puts the ceiling of a saturated JavaScript thread and the data layer's share in figures", () => {
    const line = whyLine([peakStep(10, 50, 40, 8), peakStep(50, 140, 92, 7), peakStep(100, 110, 91, 9)], 1.75);
    expect(line).toContain("at the peak (50 reviewers, 140.0 req/s)");
    expect(line).toContain("busy 92% of the time");
    expect(line).toContain("near 143 req/s");
    expect(line).toContain("1.8 ms of those 7.0 ms (25%)");
    expect(line).toContain("no request met SQLITE_BUSY");
    expect(line).toContain("garbage collection going from 5% to 10%");
  });

  it("calls a run that never saturated the thread disturbed instead of explaining it", () => {
    expect(whyLine([peakStep(10, 50, 30, 8), peakStep(50, 52, 35, 8)], null)).toMatch(/busy only 35%.*disturbed/);
  });

  it("says nothing when throughput never stopped growing", () => {
    expect(whyLine([peakStep(1, 5, 5, 10), peakStep(10, 50, 50, 10)], 1)).toBe("");
  });

  it("costs the data layer per request of the reviewers' mix", () => {
    // 1 list + 1 page + 2 span lists + 4 creates + 2 edits + 1 delete in 11 requests.
    expect(mixCost({ list: 11, page: 11, spans: 11, create: 11, edit: 11, remove: 11 })).toBeCloseTo(11);
    expect(mixCost({ create: 11 })).toBeCloseTo(4);
  });
});
