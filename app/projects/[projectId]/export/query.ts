// The Export page's form downloads by navigation, so a refusal is shown as a page: plain
// text a person can read, not JSON.
export function plainRefusal(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
