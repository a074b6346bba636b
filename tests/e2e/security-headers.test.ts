// Security headers as a browser and a plain HTTP client see them: every response carries them,
// each page's scripts run under a nonce that changes per request, an injected inline script is
// blocked, and no page of the app triggers a single CSP violation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, setUpFirstAdmin, startServer, type TestServer } from "./harness";
import { demoIds, everyPage, pagePatterns, SIGNED_OUT_PAGES } from "./every-page";
import { STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

let server: TestServer;
let browser: Browser;
let page: Page;

// Records every violation the page reports, from before its first script.
const RECORD_VIOLATIONS = `
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sample || ""));
  });
`;

async function visit(path: string): Promise<string[]> {
  const response = await page.goto(`${server.baseUrl}${path}`);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  // Next's inline bootstrap scripts ran (they fill self.__next_f): the nonce let them through.
  await page.waitForFunction(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f));
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

function expectSecurityHeaders(headers: Headers, label: string): void {
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) expect(headers.get(name), `${label}: ${name}`).toBe(value);
}

function scriptSrc(csp: string): string {
  return (
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? ""
  );
}

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
  page = await browser.newPage();
  await page.addInitScript(RECORD_VIOLATIONS);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("security headers", () => {
  it("lists every page of the app for the visits below", () => {
    const listed = [...Object.keys(everyPage({ projectId: 1, documentId: 1, storyId: 1, outletId: 1 })), ...SIGNED_OUT_PAGES].sort();
    expect(listed).toEqual(pagePatterns());
  });

  it("puts a nonce-based policy and the fixed headers on pages, redirects, API answers, refusals and static files", async () => {
    const login = await fetch(`${server.baseUrl}/login`);
    const html = await login.text();
    const csp = login.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(scriptSrc(csp)).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(scriptSrc(csp)).not.toContain("unsafe-inline");
    expectSecurityHeaders(login.headers, "page");
    // Next put this response's nonce on its scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(html).toContain(`nonce="${nonce}"`);

    const again = await fetch(`${server.baseUrl}/login`);
    expect(again.headers.get("content-security-policy")).not.toBe(csp);

    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    const responses: [string, Response][] = [
      ["redirect to sign-in", await fetch(`${server.baseUrl}/projects/1`, { redirect: "manual" })],
      ["API without a session", await fetch(`${server.baseUrl}/api/projects/1/sources`)],
      [
        "cross-origin POST",
        await fetch(`${server.baseUrl}/api/projects/1/documents/1/annotations`, { method: "POST", headers: { origin: "https://evil.example" } }),
      ],
      ["unknown route", await fetch(`${server.baseUrl}/api/no/such/route`)],
      ["static asset", await fetch(`${server.baseUrl}${asset}`)],
    ];
    expect(responses.map(([label, r]) => `${label} ${r.status}`)).toEqual([
      "redirect to sign-in 307",
      "API without a session 401",
      "cross-origin POST 403",
      "unknown route 404",
      "static asset 200",
    ]);
    for (const [label, response] of responses) {
      expectSecurityHeaders(response.headers, label);
      if (label !== "static asset") expect(response.headers.get("content-security-policy"), label).toContain("frame-ancestors 'none'");
    }
  });

  it("contains markup injected into a page: its inline script and event handler never run", async () => {
    // As if an attacker's text had reached the HTML unescaped: the server's real response, with
    // its real headers, plus a script and an inline handler.
    await page.route("**/login", async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        "<body>",
        `<body><script>window.__injected = "script"</script><img src="/favicon.ico?x" onload="window.__injected = 'handler'" onerror="window.__injected = 'handler'">`,
      );
      await route.fulfill({ response, body: html });
    });
    try {
      const violations = await visit("/login");
      expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected ?? "nothing ran")).toBe("nothing ran");
      expect(violations.filter((v) => v.startsWith("script-src")).length).toBeGreaterThanOrEqual(2);
    } finally {
      await page.unroute("**/login");
    }
  });

  it("shows every page without a single policy violation", async () => {
    const seen: Record<string, string[]> = {};
    for (const path of SIGNED_OUT_PAGES) seen[path] = await visit(path);
    await setUpFirstAdmin(page, server.baseUrl);
    for (const path of Object.values(everyPage(await demoIds(server)))) seen[path] = await visit(path);
    const offending = Object.entries(seen).filter(([, v]) => v.length > 0);
    expect(offending).toEqual([]);
    expect(Object.keys(seen).length).toBe(pagePatterns().length);
  });
});
