// Sign-in throttling through the real form on `next start`. Every page here connects from
// 127.0.0.1, like a team behind one address: ten wrong passwords for one account pause only
// that account from here, a made-up X-Forwarded-For does not get round the pause, and with
// TRUST_PROXY=1 the entry the proxy appended counts, not the first. An invalid TRUST_PROXY
// stops the server from starting.
import { spawn } from "node:child_process";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, setUpFirstAdmin, signIn, startServer, type TestServer } from "./harness";
import { freePort } from "../free-port";
import { createServerDatabase, databaseEnv } from "./server-database";
import { PAUSE_STARTED, PAUSED, trySignIn, wrong } from "./sign-in-attempts";

const ADMIN_PASSWORD = "a long admin password";
const BEA_PASSWORD = "bea's initial password";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A page in its own browser context: no session cookie, and its own extra headers. */
async function freshPage(): Promise<Page> {
  return (await browser.newContext()).newPage();
}

describe("with no proxy in front (TRUST_PROXY unset)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ demo: false, env: { TRUST_PROXY: "" } });
    const admin = await freshPage();
    await setUpFirstAdmin(admin, server.baseUrl, ADMIN_PASSWORD);
    await admin.goto(`${server.baseUrl}/admin/users`);
    await admin.getByLabel("Username").fill("bea");
    await admin.getByLabel("Display name").fill("Bea Reviewer");
    await admin.getByLabel("Initial password").fill(BEA_PASSWORD);
    await admin.getByRole("button", { name: "Add reviewer" }).click();
    await admin.getByText("Created bea.").waitFor();
    await admin.context().close();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("answers an unknown username exactly as a wrong password, tries left included", async () => {
    const page = await freshPage();
    expect(await trySignIn(page, server.baseUrl, "nobody", "not the password")).toBe(wrong(9));
    expect(await trySignIn(page, server.baseUrl, "ada", "not the password")).toBe(wrong(9));
    await page.context().close();
  });

  it("counts down the tries left and pauses the account from this address after the tenth wrong password", async () => {
    const page = await freshPage();
    for (let left = 8; left >= 1; left--) expect(await trySignIn(page, server.baseUrl, "ada", "not the password")).toBe(wrong(left));
    expect(await trySignIn(page, server.baseUrl, "ada", "not the password")).toBe(PAUSE_STARTED);
    expect(await trySignIn(page, server.baseUrl, "ada", ADMIN_PASSWORD)).toMatch(PAUSED);
    await page.context().close();
  }, 120_000);

  it("keeps the pause for a browser that sends a made-up X-Forwarded-For", async () => {
    const page = await freshPage();
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "203.0.113.77", "X-Real-IP": "203.0.113.78" });
    expect(await trySignIn(page, server.baseUrl, "ada", ADMIN_PASSWORD)).toMatch(PAUSED);
    await page.context().close();
  });

  it("lets another account sign in from the same address", async () => {
    const page = await freshPage();
    await signIn(page, server.baseUrl, "bea", BEA_PASSWORD);
    await page.context().close();
  });
});

describe("behind one proxy (TRUST_PROXY=1)", () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer({ demo: false, env: { TRUST_PROXY: "1" } });
    const admin = await freshPage();
    await setUpFirstAdmin(admin, server.baseUrl, ADMIN_PASSWORD);
    await admin.context().close();
  });

  afterAll(async () => {
    await server?.stop();
  });

  it("counts the right-most X-Forwarded-For entry, the one the proxy appended, not the first", async () => {
    const page = await freshPage();
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.1, 192.0.2.10" });
    expect(await trySignIn(page, server.baseUrl, "ada", "not the password")).toBe(wrong(9));
    // Another made-up first entry, the same address from the proxy: the same counter.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.2, 192.0.2.10" });
    expect(await trySignIn(page, server.baseUrl, "ada", "not the password")).toBe(wrong(8));
    // The counted address written first, a new one from the proxy: a fresh counter.
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": "192.0.2.10, 192.0.2.11" });
    expect(await trySignIn(page, server.baseUrl, "ada", "not the password")).toBe(wrong(9));
    await page.context().close();
  });
});

describe("with an invalid TRUST_PROXY", () => {
  it("refuses to start and says what to write", async () => {
    const { code, output } = await runUntilExit({ TRUST_PROXY: "yes" });
    expect(output).toContain("Provenance Desk cannot start: TRUST_PROXY must be the number of proxies in front of the app");
    expect(code).toBe(1);
  });
});

/**
 * Runs `next start` until it exits by itself (killed after 45 s if it does not) and returns its
 * exit code and everything it printed. Not the harness's startServer: that reports the log
 * as it stood when the process exited, which may be before its last output was read.
 */
async function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { database, remove } = await createServerDatabase("trust_proxy");
  const port = await freePort();
  const next = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [next, "start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, NODE_ENV: "production", ...databaseEnv(database), NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (d) => (output += String(d)));
  child.stderr.on("data", (d) => (output += String(d)));
  // Requests too, in case a server checked its settings only when the first one arrives.
  const poke = setInterval(() => void fetch(`http://127.0.0.1:${port}/login`).catch(() => undefined), 500);
  const kill = setTimeout(() => child.kill("SIGKILL"), 45_000);
  const code = await new Promise<number | null>((resolve) => child.once("close", (exitCode) => resolve(exitCode)));
  clearInterval(poke);
  clearTimeout(kill);
  await remove();
  return { code, output };
}
