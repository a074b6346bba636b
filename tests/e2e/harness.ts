// Real parts for browser tests: a real `next start` on its own database (a SQLite file, or a
// PostgreSQL database on the e2e-pg run: server-database.ts), and Debian's Chromium driven by
// playwright-core (never a downloaded browser).
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { freePort } from "../free-port";
import { createServerDatabase, databaseEnv, releaseServerDatabase, type ServerDatabase } from "./server-database";

export type { ServerDatabase } from "./server-database";

export interface TestServer {
  baseUrl: string;
  database: ServerDatabase;
  /** Everything the server has printed so far (stdout and stderr). */
  log: () => string;
  stop: () => Promise<void>;
  /** Sends `signal` to the server process and waits for it to exit; unlike stop, keeps the database for a restart. */
  kill: (signal: NodeJS.Signals) => Promise<void>;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log()}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status > 0) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer in time:\n${log()}`);
}

export interface ServerOptions {
  demo?: boolean | "texts";
  env?: Record<string, string>;
  /** Another server's database (a restart, or a second instance): left in place by stop(). */
  database?: ServerDatabase;
  /** A SQLite file of the caller's (the benchmarks), also left in place. */
  dbPath?: string;
  /** Names the new database (PostgreSQL), for a person reading the cluster's log. */
  label?: string;
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const given = options.database ?? (options.dbPath === undefined ? undefined : ({ dialect: "sqlite", path: options.dbPath } as const));
  const own = given === undefined ? await createServerDatabase(options.label ?? "server") : null;
  const database = given ?? own!.database;
  const port = await freePort();
  const root = process.cwd();
  let output = "";
  // A long keep-alive: with Node's 5 s default the server may close an idle socket just as the
  // test's HTTP client reuses it, which shows up as a random ECONNRESET.
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-H", "127.0.0.1", "-p", String(port), "--keepAliveTimeout", "65000"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "production",
        ...databaseEnv(database),
        PROVENANCE_DEMO: options.demo === false ? "0" : options.demo === "texts" ? "texts" : "1",
        NEXT_TELEMETRY_DISABLED: "1",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(`${baseUrl}/login`, child, () => output);
  } catch (error) {
    child.kill("SIGKILL");
    await own?.remove();
    throw error;
  }
  return {
    baseUrl,
    database,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      if (own) await own.remove();
      else await releaseServerDatabase(database);
    },
    kill: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill(signal);
      await exited;
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Creates the first administrator on /setup (username "ada") and waits for the projects page. */
export async function setUpFirstAdmin(page: Page, baseUrl: string, password = "a long admin password"): Promise<void> {
  await page.goto(`${baseUrl}/setup`);
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Display name").fill("Ada Admin");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Create administrator" }).click();
  await page.getByRole("heading", { name: "Projects" }).waitFor();
}

/** Fills in the sign-in form and waits for the projects page. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { name: "Projects" }).waitFor();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
}

/** Screenshots go to tests/.artifacts for a person to look at; they are not assertions. */
export async function snapshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(process.cwd(), "tests", ".artifacts", `${name}.png`), fullPage: true });
}

/** A form's error message (Next's own route announcer also has role=alert, so be specific). */
export async function formAlert(page: Page): Promise<string> {
  const alert = page.locator("p[role=alert]").first();
  await alert.waitFor();
  return (await alert.textContent()) ?? "";
}
