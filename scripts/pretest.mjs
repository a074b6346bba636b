// Runs before `npm test` (npm's pretest hook), so the README's test command works as written on a
// fresh Debian machine: the browser suite needs Chromium, the export tests NLTK for Debian's
// /usr/bin/python3, and the PostgreSQL tests the server binaries (tests/pg-cluster.ts starts a
// throwaway cluster of its own). As root, the missing Debian packages are installed; otherwise
// the run stops here, before anything is built, with the one command to run.
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function executable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const hasNltk = () => spawnSync("/usr/bin/python3", ["-c", "import nltk"], { stdio: "ignore" }).status === 0;

// The same places tests/pg-cluster.ts looks in: $PG_BINDIR alone when set, else `pg_config
// --bindir` and Debian's /usr/lib/postgresql/<version>/bin.
function postgresBinDirs() {
  if (process.env.PG_BINDIR) return [process.env.PG_BINDIR];
  const dirs = [];
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) dirs.push(pgConfig.stdout.trim());
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) dirs.push(...readdirSync(debian).map((version) => path.join(debian, version, "bin")));
  return dirs;
}
const hasPostgres = () => postgresBinDirs().some((dir) => ["initdb", "pg_ctl", "postgres"].every((name) => executable(path.join(dir, name))));

// Debian's postgresql package creates and starts a "main" cluster unless createcluster.conf
// says not to, and that file comes with postgresql-common: install it first, then turn it off.
function withoutMainCluster(env) {
  execFileSync("apt-get", ["install", "-y", "-qq", "postgresql-common"], { stdio: ["ignore", "ignore", "inherit"], env });
  const conf = "/etc/postgresql-common/createcluster.conf";
  const text = readFileSync(conf, "utf8");
  writeFileSync(conf, `${text.replace(/^#?\s*create_main_cluster\s*=.*$/gm, "")}\ncreate_main_cluster = false\n`);
}

const missing = [];
if (!executable(chromium)) missing.push("chromium");
if (!hasNltk()) missing.push("python3-nltk");
if (!hasPostgres()) missing.push("postgresql");

if (missing.length > 0) {
  const command = `apt-get install -y ${missing.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !executable("/usr/bin/apt-get")) {
    console.error(`The tests need Debian's ${missing.join(" and ")}. Install ${missing.length === 1 ? "it" : "them"} with:\n\n  sudo ${command}\n`);
    if (missing.includes("chromium")) console.error("(or point CHROMIUM_PATH at a Chromium you already have)");
    if (missing.includes("postgresql")) console.error("(or point PG_BINDIR at the bin folder of a PostgreSQL you already have)");
    process.exit(1);
  }
  console.log(`[pretest] installing Debian's ${missing.join(" and ")} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  if (missing.includes("postgresql")) withoutMainCluster(env);
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: ["ignore", "ignore", "inherit"], env });
}
