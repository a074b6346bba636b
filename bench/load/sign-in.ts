// Signing in the way a browser without JavaScript does: GET /login, then POST the form with
// the hidden fields React rendered into it (the server action's reference and its state) as
// multipart/form-data. Next runs the real `login` action — throttle check, argon2id verify,
// session row, Set-Cookie — and answers 303 to the projects page.
import type { Client, Reply } from "./http";

const ENTITIES: Record<string, string> = { amp: "&", quot: '"', "#x27": "'", "#39": "'", lt: "<", gt: ">" };
const decode = (s: string): string => s.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (_, e: string) => ENTITIES[e]!);

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match === null ? null : decode(match[1]!);
}

/** The hidden inputs of the form that holds the username field. */
export function hiddenFields(html: string): [string, string][] {
  const form = /<form\b[\s\S]*?<\/form>/g;
  for (const match of html.matchAll(form)) {
    if (!match[0].includes('name="username"')) continue;
    const fields: [string, string][] = [];
    for (const input of match[0].matchAll(/<input\b[^>]*>/g)) {
      const name = attribute(input[0], "name");
      if (attribute(input[0], "type") === "hidden" && name !== null) fields.push([name, attribute(input[0], "value") ?? ""]);
    }
    return fields;
  }
  throw new Error("The sign-in page has no form with a username field.");
}

export function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----loadbench${Math.random().toString(16).slice(2)}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: Buffer.from(`${parts.join("")}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The form fields of /login, read once per run: every reviewer posts the same action. */
export async function loginForm(client: Client): Promise<[string, string][]> {
  const page = await client.request("/login");
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  return hiddenFields(page.body);
}

/** Posts the sign-in form; the reply is the action's answer, and the cookie is kept. */
export async function postSignIn(client: Client, form: [string, string][], username: string, password: string): Promise<Reply> {
  const { body, contentType } = multipart([...form, ["username", username], ["password", password]]);
  const reply = await client.request("/login", { method: "POST", body, contentType });
  client.keepCookies(reply);
  return reply;
}
