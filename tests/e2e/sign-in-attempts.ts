// Sign-in attempts through the real form, and what the form answers while throttling counts
// them (lib/login-throttle.ts: ten wrong passwords for one account from one address pause it).
import type { Page } from "playwright-core";
import { formAlert } from "./harness";

/** The pause has just started: 15 minutes, or 14 and some seconds on a slow machine. */
export const PAUSED = /^Too many failed sign-ins for this username from your address\. Sign-in is paused: try again in 1[45] minutes\.$/;

/** The answer to a wrong password with `left` tries left before the pause. */
export const wrong = (left: number): string => `Wrong username or password. ${left} ${left === 1 ? "try" : "tries"} left before sign-in pauses for 15 minutes.`;

/** The answer to the wrong password that starts the pause. */
export const PAUSE_STARTED = "Wrong username or password. Sign-in is paused for 15 minutes.";

/** Submits the sign-in form once and returns the form's message. */
export async function trySignIn(page: Page, baseUrl: string, username: string, password: string): Promise<string> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return formAlert(page);
}
