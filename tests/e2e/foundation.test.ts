// setup → admin adds a reviewer → reviewer reads a demo article → logout; a second /setup is refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { DEMO_ARTICLES, DEMO_PROJECT } from "@/db/seed/demo";
import { formAlert, launchBrowser, signIn, signOut, snapshot, startServer, type TestServer } from "./harness";

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("first run", () => {
  it("sends a newcomer to setup, where the first admin is created and sees the demo project", async () => {
    const page = await browser.newPage();
    await page.goto(server.baseUrl);
    expect(new URL(page.url()).pathname).toBe("/setup");
    await page.getByLabel("Username").fill("ada");
    await page.getByLabel("Display name").fill("Ada Admin");
    await page.getByLabel("Password", { exact: true }).fill("a long admin password");
    await page.getByLabel("Confirm password").fill("a long admin password");
    await page.getByRole("button", { name: "Create administrator" }).click();
    await page.getByRole("heading", { name: "Projects" }).waitFor();
    await expect(page.getByRole("link", { name: DEMO_PROJECT.name }).isVisible()).resolves.toBe(true);
    await snapshot(page, "foundation-projects");

    await page.goto(`${server.baseUrl}/admin/users`);
    await page.getByLabel("Username").fill("rita");
    await page.getByLabel("Display name").fill("Rita Reviewer");
    await page.getByLabel("Initial password").fill("rita's initial pw");
    await page.getByRole("button", { name: "Add reviewer" }).click();
    await page.getByText("Created rita.").waitFor();
    await expect(page.locator("tr[data-username=rita]").textContent()).resolves.toContain("Active");
    await snapshot(page, "foundation-users");
    await signOut(page);
    await page.close();
  });

  it("refuses a second setup once a user exists", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/setup`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.getByText("Setup is already done").waitFor();
    await page.close();
  });

  it("lets the new reviewer sign in and read a demo article as readable paragraphs", async () => {
    const page = await browser.newPage();
    await signIn(page, server.baseUrl, "rita", "rita's initial pw");
    await page.getByRole("link", { name: DEMO_PROJECT.name }).click();
    const article = DEMO_ARTICLES[1]!;
    await page.getByRole("link", { name: article.title, exact: true }).click();
    await page.getByRole("heading", { name: article.title }).waitFor();
    const paragraphs = await page.getByTestId("document-text").locator("p").allTextContents();
    expect(paragraphs).toEqual(article.text.split("\n\n"));
    await snapshot(page, "foundation-reader");
    await signOut(page);
    await page.goto(`${server.baseUrl}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.close();
  });

  it("answers a wrong password and an unknown user with one generic message", async () => {
    for (const username of ["rita", "nobody"]) {
      const page = await browser.newPage();
      await page.goto(`${server.baseUrl}/login`);
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill("definitely wrong");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(formAlert(page)).resolves.toBe("Wrong username or password. 9 tries left before sign-in pauses for 15 minutes.");
      await page.close();
    }
  });

  it("tells a disabled reviewer their account is disabled and ends their open session", async () => {
    const reviewerPage = await browser.newPage();
    await signIn(reviewerPage, server.baseUrl, "rita", "rita's initial pw");
    const adminPage = await browser.newPage();
    await signIn(adminPage, server.baseUrl, "ada", "a long admin password");
    await adminPage.goto(`${server.baseUrl}/admin/users`);
    await adminPage.getByRole("button", { name: "Disable rita" }).click();
    await adminPage.locator("tr[data-username=rita]").getByText("Disabled").waitFor();

    await reviewerPage.reload();
    expect(new URL(reviewerPage.url()).pathname).toBe("/login");
    await reviewerPage.getByLabel("Username").fill("rita");
    await reviewerPage.getByLabel("Password").fill("rita's initial pw");
    await reviewerPage.getByRole("button", { name: "Sign in" }).click();
    await expect(formAlert(reviewerPage)).resolves.toContain("disabled");
    await reviewerPage.close();
    await adminPage.close();
  });

  it("treats a forged session cookie as signed out", async () => {
    const context = await browser.newContext();
    await context.addCookies([{ name: "pd_session", value: "forgedtokenforgedtokenforgedtoke", url: server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/projects/1`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });

  it("refuses a cross-origin POST", async () => {
    const res = await fetch(`${server.baseUrl}/login`, {
      method: "POST",
      headers: { origin: "http://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "username=ada&password=x",
    });
    expect(res.status).toBe(403);
  });
});
