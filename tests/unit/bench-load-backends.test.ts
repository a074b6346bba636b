// The load bench run on several backends (SQLite; PostgreSQL with one and two instances): the
// flags that choose them, how the machine's CPU is split between the servers, PostgreSQL and
// other processes, and the tables and "why" lines that set the backends side by side.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseLoadArgs } from "@/bench/load/args";
import { measure, probeWindow, type PhaseResult, type Snapshot } from "@/bench/load/measure";
import { summarizeProfile } from "@/bench/load/profile";
import { stepsTable } from "@/bench/load/report";
import { backendsTable, stepsSideBySide } from "@/bench/load/side-by-side";
import { Recorder } from "@/bench/load/stats";
import { whyLine } from "@/bench/load/why";

/** A step or phase as the report reads it: one instance on SQLite unless `extra` says otherwise. */
function backendStep(reviewers: number, throughput: number, extra: Partial<PhaseResult> = {}): { result: PhaseResult; runs: number } {
  const result = {
    reviewers,
    seconds: 20,
    throughput,
    instances: 1,
    databaseCpu: null,
    mainThreadCpu: 90,
    mainThreadMsPerRequest: 1000 / throughput,
    serverCpu: 100,
    clientCpu: 10,
    othersCpu: 2,
    machineCpu: 115,
    serverErrors: 0,
    busyBodies: 0,
    busyInLog: 0,
    loopDelayP99: 40,
    overall: { p50: 1, p99: 2 },
    routes: [],
    loadStart: 1,
    loadEnd: 1,
    profile: null,
    ...extra,
  };
  return { result: result as unknown as PhaseResult, runs: 1 };
}

describe("the backends side by side", () => {
  it("runs SQLite and PostgreSQL with one and two instances unless told otherwise, with a pool of 10", () => {
    expect(parseLoadArgs([])).toMatchObject({ backends: ["sqlite", "pg1", "pg2"], poolSize: 10 });
    expect(parseLoadArgs(["--backends", "pg2,sqlite", "--pool-size", "4"])).toMatchObject({ backends: ["sqlite", "pg2"], poolSize: 4 });
    expect(() => parseLoadArgs(["--backends", "sqlite,mysql"])).toThrow(/--backends takes some of sqlite, pg1, pg2.*“sqlite,mysql”/);
    expect(() => parseLoadArgs(["--backends", ""])).toThrow(/--backends/);
  });

  it("counts PostgreSQL's CPU apart from other processes, and sums the instances", () => {
    const recorder = new Recorder();
    for (let i = 0; i < 100; i++) recorder.record("spans", 200, i, "{}", 200);
    const at = (wall: number, servers: number, main: number, database: number, machine: number, clientUs: number): Snapshot => ({
      servers: { totalMs: servers, mainThreadMs: main },
      databaseMs: database,
      machine: { busyMs: machine },
      client: { user: clientUs, system: 0 },
      wall,
      time: wall,
      micros: wall * 1000,
      load: 1,
    });
    // Over 10 s: servers 8 s (JS threads 6 s), PostgreSQL 5 s, load generator 1 s, machine 15 s busy.
    const context = { reviewers: 5, seconds: 10, backend: "PostgreSQL, 2 instances", instances: 2, hasDatabaseServer: true };
    const r = measure(recorder, at(0, 0, 0, 0, 0, 0), at(10_000, 8000, 6000, 5000, 15_000, 1_000_000), [], "", context);
    expect(r.throughput).toBeCloseTo(10);
    expect(r.serverCpu).toBeCloseTo(80);
    expect(r.mainThreadMsPerRequest).toBeCloseTo(60);
    expect(r.databaseCpu).toBeCloseTo(50);
    expect(r.clientCpu).toBeCloseTo(10);
    expect(r.othersCpu).toBeCloseTo(10);
    expect(r.machineCpu).toBeCloseTo(150);
    // On SQLite there is no database server: no column, and nothing taken off the others.
    const sqlite = measure(recorder, at(0, 0, 0, 0, 0, 0), at(10_000, 8000, 6000, 0, 15_000, 1_000_000), [], "", { ...context, hasDatabaseServer: false });
    expect(sqlite.databaseCpu).toBeNull();
    expect(sqlite.othersCpu).toBeCloseTo(60);
  });

  it("puts one row per phase and backend, and each backend's steps and bend in columns", () => {
    const runs = [
      { label: "SQLite, 1 instance", main: [backendStep(50, 140)], steps: [backendStep(1, 5), backendStep(10, 50), backendStep(50, 52)] },
      {
        label: "PostgreSQL, 2 instances",
        main: [backendStep(50, 120, { databaseCpu: 40, instances: 2 })],
        steps: [backendStep(1, 4, { databaseCpu: 5 }), backendStep(10, 40, { databaseCpu: 30 }), backendStep(50, 90, { databaseCpu: 60 })],
      },
    ];
    const table = backendsTable(runs);
    expect(table[2]).toMatch(/^\| 50 for 20 s \| SQLite, 1 instance \| 140\.0 \|.*\| – \|/);
    expect(table[3]).toMatch(/^\| 50 for 20 s \| PostgreSQL, 2 instances \| 120\.0 \|.*\| 40% \|/);
    const steps = stepsSideBySide(runs);
    expect(steps[0]).toBe(
      "| reviewers | SQLite, 1 instance: req/s | SQLite, 1 instance: p99 | PostgreSQL, 2 instances: req/s | PostgreSQL, 2 instances: p99 |",
    );
    expect(steps[4]).toBe("| 50 | 52.0 | 2.0 ms | 90.0 | 2.0 ms |");
    expect(steps).toContain(
      "- SQLite, 1 instance: Throughput stops growing between 10 and 50 reviewers (50.0 → 52.0 req/s); past that, more reviewers only wait longer (p99 2.0 ms → 2.0 ms).",
    );
    expect(steps.at(-1)).toMatch(/PostgreSQL, 2 instances: Throughput still grew at every step, up to 90\.0 req\/s at 50/);
  });

  it("adds a PostgreSQL CPU column to a backend's steps only when it has a database server", () => {
    expect(stepsTable([backendStep(1, 5)])[0]).not.toContain("PostgreSQL CPU");
    const pgTable = stepsTable([backendStep(1, 5, { databaseCpu: 12 })]);
    expect(pgTable[0]).toContain("| PostgreSQL CPU |");
    expect(pgTable[2]).toContain("| 12% |");
    expect(pgTable[1]!.split("---").length).toBe(pgTable[0]!.split("|").length - 1);
  });

  it("says why two instances bend from each thread's load, and names PostgreSQL's share", () => {
    const line = whyLine(
      [
        backendStep(10, 50, { instances: 2, databaseCpu: 20 }),
        backendStep(50, 200, { instances: 2, mainThreadCpu: 180, mainThreadMsPerRequest: 8, databaseCpu: 60 }),
        backendStep(100, 190, { instances: 2, databaseCpu: 55 }),
      ],
      3,
    );
    expect(line).toContain("each of the 2 servers' JavaScript threads was busy 90% of the time");
    expect(line).toContain("2 instances top out near 250 req/s");
    expect(line).toContain("PostgreSQL used 60% of one core at the peak (3.0 ms of its CPU per request)");
    expect(line).toContain("3.0 ms per request of the mix in wall time");
    expect(line).not.toContain("SQLITE_BUSY");
  });

  it("calls the cores the ceiling when the system under test filled them without saturating a thread", () => {
    const full = { instances: 2, mainThreadCpu: 120, serverCpu: 140, databaseCpu: 40, clientCpu: 15, othersCpu: 3, machineCpu: 198 };
    const line = whyLine([backendStep(10, 50, { ...full, machineCpu: 90 }), backendStep(50, 150, full), backendStep(100, 140, full)], null, 2);
    expect(line).toContain("the machine's 2 cores were full (198% of one core in all: servers 140%, PostgreSQL 40%, load generator 15%, other processes 3%)");
    expect(line).toContain("busy 60% each");
  });
});

describe("two instances measured as one system", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "pd-load-two-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("sums the V8 profiles of both servers, cut to the window", () => {
    const profileDir = path.join(dir, "profile");
    mkdirSync(profileDir);
    // Node 1 is idle, node 2 is app code; samples at 1 ms steps from t = 0.
    const profile = (appSamples: number) => ({
      nodes: [
        { id: 1, callFrame: { functionName: "(idle)", url: "" } },
        { id: 2, callFrame: { functionName: "handler", url: "file:///app/.next/server/chunk.js" } },
      ],
      startTime: 0,
      samples: [...Array<number>(appSamples).fill(2), ...Array<number>(10 - appSamples).fill(1)],
      timeDeltas: Array<number>(10).fill(1000),
    });
    writeFileSync(path.join(profileDir, "CPU.1.cpuprofile"), JSON.stringify(profile(8)));
    writeFileSync(path.join(profileDir, "CPU.2.cpuprofile"), JSON.stringify(profile(2)));
    const { groups } = summarizeProfile(profileDir, 0, 20_000);
    // A sample lasts until the next one, so each profile's last (idle) sample counts nothing:
    // app code 8 + 2 ms of 9 + 9 ms.
    expect(groups.find((g) => g.what.startsWith("app bundle"))?.percent).toBeCloseTo((100 * 10) / 18);
    expect(groups.find((g) => g.what === "idle")?.percent).toBeCloseTo((100 * 8) / 18);
  });

  it("reads the event-loop lines of every instance inside the window", () => {
    const files = [path.join(dir, "probe-1.jsonl"), path.join(dir, "probe-2.jsonl"), path.join(dir, "missing.jsonl")];
    writeFileSync(files[0]!, `${JSON.stringify({ t: 500, lagP99: 1, lagMax: 1 })}\n${JSON.stringify({ t: 1500, lagP99: 2, lagMax: 3 })}\n`);
    writeFileSync(files[1]!, `${JSON.stringify({ t: 1600, lagP99: 4, lagMax: 9 })}\n`);
    expect(probeWindow(files, 1000, 2000).map((l) => l.lagP99)).toEqual([2, 4]);
  });
});
