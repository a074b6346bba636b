// Command-line flags of `npm run bench:load -- …`. A bad flag stops the run with a message
// naming what was wrong and the usage, before anything is built or started.
import { BACKEND_NAMES, type BackendName } from "./backends";

export interface LoadArgs {
  /** SQLite with one instance, PostgreSQL with one, PostgreSQL with two: run side by side. */
  backends: BackendName[];
  /** DATABASE_POOL_SIZE of each instance on PostgreSQL. */
  poolSize: number;
  reviewers: number[];
  seconds: number;
  steps: number[];
  stepSeconds: number;
  stepThinkMs: number;
  rampSeconds: number;
  thinkMs: number;
  documents: number;
  write: boolean;
  build: boolean;
  profile: boolean;
  keep: boolean;
  /** Another engineer's processes using more than this share of one core mark a phase disturbed. */
  disturbedPercent: number;
  retries: number;
  /** Seconds to wait, at most, for other processes to go quiet before each phase. */
  waitQuiet: number;
}

export const USAGE = `npm run bench:load -- [options]
  --backends sqlite,pg1,pg2  what to measure, side by side (default all three): SQLite with one
                          \`next start\`; PostgreSQL (a throwaway durable cluster) with one; with two
  --pool-size 10          PostgreSQL connections per instance (DATABASE_POOL_SIZE, default 10)
  --reviewers 50,200      reviewer counts of the main phases (default 50,200)
  --seconds 60            length of each main phase (default 60)
  --steps 1,10,25,50,100,200  reviewer counts of the shorter steps that find the bend ("none" to skip)
  --step-seconds 20       length of each step (default 20)
  --step-think 200        mean think time in the steps, ms (default 200: so that few reviewers
                          leave the server idle between requests and the bend shows)
  --ramp 5                seconds over which the reviewers sign in before a phase (default 5)
  --think 0               mean think time between a reviewer's requests, ms (default 0)
  --documents 36          articles in the project (default 36)
  --disturbed 25          rerun a phase when other processes used more than this % of a core
  --retries 1             reruns allowed per phase (default 1)
  --wait-quiet 300        before each phase, wait up to this many seconds for other processes
                          to use less than the --disturbed share of a core (0: do not wait)
  --no-write              print the results without writing bench/RESULTS.md
  --no-build              never run next build (use the build that is there)
  --keep                  keep the work folder (SQLite databases, event-loop lines, CPU profiles) and
                          print its path (the PostgreSQL cluster is removed all the same)
  --no-profile            do not sample the server with V8's profiler (node --cpu-prof, every 5 ms)`;

const DEFAULTS: LoadArgs = {
  backends: [...BACKEND_NAMES],
  poolSize: 10,
  reviewers: [50, 200],
  seconds: 60,
  steps: [1, 10, 25, 50, 100, 200],
  stepSeconds: 20,
  stepThinkMs: 200,
  rampSeconds: 5,
  thinkMs: 0,
  documents: 36,
  write: true,
  build: true,
  profile: true,
  keep: false,
  disturbedPercent: 25,
  retries: 1,
  waitQuiet: 300,
};

function positiveList(flag: string, value: string | undefined): number[] {
  if (value === "none") return [];
  const list = (value ?? "").split(",").map(Number);
  if (list.length === 0 || list.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`${flag} takes whole numbers above 0 separated by commas, e.g. 50,200; got “${value ?? ""}”.`);
  return list;
}

function backendList(value: string | undefined): BackendName[] {
  const names = (value ?? "").split(",").filter(Boolean);
  const unknown = names.filter((n) => !(BACKEND_NAMES as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0)
    throw new Error(`--backends takes some of ${BACKEND_NAMES.join(", ")} separated by commas; got “${value ?? ""}”.`);
  return BACKEND_NAMES.filter((n) => names.includes(n));
}

function number(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isFinite(n) || n < min) throw new Error(`${flag} takes a number of at least ${min}; got “${value ?? ""}”.`);
  return n;
}

export function parseLoadArgs(argv: string[]): LoadArgs {
  const args = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (flag === "--reviewers") args.reviewers = positiveList(flag, value());
    else if (flag === "--backends") args.backends = backendList(value());
    else if (flag === "--pool-size") args.poolSize = Math.floor(number(flag, value(), 1));
    else if (flag === "--seconds") args.seconds = number(flag, value(), 1);
    else if (flag === "--steps") args.steps = positiveList(flag, value());
    else if (flag === "--step-seconds") args.stepSeconds = number(flag, value(), 1);
    else if (flag === "--step-think") args.stepThinkMs = number(flag, value(), 0);
    else if (flag === "--ramp") args.rampSeconds = number(flag, value(), 0);
    else if (flag === "--think") args.thinkMs = number(flag, value(), 0);
    else if (flag === "--documents") args.documents = Math.floor(number(flag, value(), 1));
    else if (flag === "--disturbed") args.disturbedPercent = number(flag, value(), 0);
    else if (flag === "--wait-quiet") args.waitQuiet = number(flag, value(), 0);
    else if (flag === "--retries") args.retries = Math.floor(number(flag, value(), 0));
    else if (flag === "--no-write") args.write = false;
    else if (flag === "--no-build") args.build = false;
    else if (flag === "--no-profile") args.profile = false;
    else if (flag === "--keep") args.keep = true;
    else throw new Error(`Unknown option “${flag}”.`);
  }
  return args;
}
