// Runs before `npm test` (npm's pretest hook), so the README's test command works as written on a
// fresh Debian machine: the browser suite needs Chromium and the export tests NLTK for Debian's
// /usr/bin/python3. As root, the missing Debian packages are installed; otherwise the run stops
// here, before anything is built, with the one command to run.
import { execFileSync, spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

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

const missing = [];
if (!executable(chromium)) missing.push("chromium");
if (!hasNltk()) missing.push("python3-nltk");

if (missing.length > 0) {
  const command = `apt-get install -y ${missing.join(" ")}`;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !executable("/usr/bin/apt-get")) {
    console.error(`The tests need Debian's ${missing.join(" and ")}. Install ${missing.length === 1 ? "it" : "them"} with:\n\n  sudo ${command}\n`);
    if (missing.includes("chromium")) console.error("(or point CHROMIUM_PATH at a Chromium you already have)");
    process.exit(1);
  }
  console.log(`[pretest] installing Debian's ${missing.join(" and ")} for the tests…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", ...missing], { stdio: ["ignore", "ignore", "inherit"], env });
}
