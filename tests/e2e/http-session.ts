// Signing in over plain HTTP, as a browser without JavaScript does: the sign-in and set-up
// forms are server actions that Next renders with hidden fields naming the action, so a client
// that sends back every field of the form (hidden ones included) gets the same session cookie a
// person gets. No browser needed, so a test can drive many concurrent API clients cheaply.
import { JSDOM } from "jsdom";

/** Reads the first form on `pagePath`, fills `fields` in and posts it; the 303 that follows is not followed. */
export async function submitForm(baseUrl: string, pagePath: string, fields: Record<string, string>): Promise<Response> {
  const html = await (await fetch(`${baseUrl}${pagePath}`)).text();
  const form = new JSDOM(html).window.document.querySelector("form");
  if (form === null) throw new Error(`no form on ${pagePath}`);
  const body = new FormData();
  for (const input of form.querySelectorAll("input[name]")) {
    const name = input.getAttribute("name")!;
    body.append(name, fields[name] ?? input.getAttribute("value") ?? "");
  }
  // A browser sends Origin with every POST; proxy.ts refuses a state-changing request without it.
  return fetch(`${baseUrl}${pagePath}`, { method: "POST", body, headers: { origin: baseUrl }, redirect: "manual" });
}

function sessionCookie(response: Response, what: string): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("pd_session="));
  if (response.status !== 303 || cookie === undefined) throw new Error(`${what} did not sign in (HTTP ${response.status})`);
  return cookie.split(";")[0]!;
}

/** Creates the first administrator on /setup; returns nothing (the set-up session is not used). */
export async function createFirstAdminOverHttp(baseUrl: string, username: string, password: string): Promise<void> {
  const response = await submitForm(baseUrl, "/setup", { username, displayName: username, password, confirm: password });
  sessionCookie(response, "/setup");
}

/** Signs in on /login and returns the Cookie header value for later requests. */
export async function signInOverHttp(baseUrl: string, username: string, password: string): Promise<string> {
  return sessionCookie(await submitForm(baseUrl, "/login", { username, password }), "/login");
}

/** A JSON request with the session cookie (and Origin, as a browser sends it). */
export async function api(
  baseUrl: string,
  cookie: string,
  method: string,
  apiPath: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}${apiPath}`, {
    method,
    headers: { cookie, origin: baseUrl, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
