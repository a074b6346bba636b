// The paragraphs at the head of the "Load" section: the machine, the build, the data every
// phase starts from, the backends and how the reviewers behave.
import type { Backends } from "./backends";
import type { LoadArgs } from "./args";
import { machineLine, median } from "../machine";

function backendsText(backends: Backends): string[] {
  const names = backends.list.map((b) => b.label).join("; ");
  if (backends.postgresLine === null) return [];
  return [
    "",
    `Backends, run one after the other within each phase: ${names}. ${backends.postgresLine}. The cluster is a throwaway one (initdb in a temporary folder, loopback only) but durable, ` +
      "as the SQLite side commits with synchronous=FULL; it is seeded once through lib/server, and each phase gets `CREATE DATABASE … TEMPLATE seed`. " +
      "With two instances, two `next start` processes serve the one database and the reviewers are dealt to their two addresses in turn (client-side round robin, standing in for a load balancer); " +
      "server CPU is both processes summed. PostgreSQL's CPU is that of the postmaster and all its processes (backends, WAL writer, checkpointer, autovacuum), counted apart from other processes.",
  ];
}

export function describeSetup(args: LoadArgs, backends: Backends, reviewers: number, buildLine: string): string[] {
  const seed = backends.list[0]!.seed;
  const words = seed.documents.map((d) => d.wordCount);
  const sorted = [...words].sort((a, b) => a - b);
  return [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machineLine()}; server and load generator share the two cores. ${buildLine}`,
    "",
    `Set-up, through lib/server on a database made by the migrations: an administrator, ${reviewers} reviewer accounts (argon2id), one project (blind mode) with them as annotators, ` +
      `${words.length} articles in ${Math.min(6, words.length)} stories, ${sorted[0]!.toLocaleString("en")}–${sorted[sorted.length - 1]!.toLocaleString("en")} words (median ${median(sorted).toLocaleString("en")}), ` +
      `${seed.fromCorpus ? "paragraphs drawn from ../shared/corpus at run time" : "generated text (../shared/corpus absent)"}. Each phase starts a fresh \`next start\` on a fresh copy of that database; the administrator warms every route first (not counted).`,
    ...backendsText(backends),
    "",
    `Each reviewer signs in through the real sign-in form (the \`login\` server action, posted as a browser without JavaScript posts it: multipart form with React's hidden action fields; ` +
      `API tokens are read-only and accepted by the export endpoint alone, so they cannot drive spans), the ${args.rampSeconds} s ramp spreading the sign-ins, then repeats with think time ${args.thinkMs} ms: ` +
      "document list page, document page, span list, 4 × create, 2 × edit (with its version), 1 × delete, span list (1 : 1 : 2 : 4 : 2 : 1 of 11 requests). " +
      "Latency is from sending the request to the last byte of the body, over a keep-alive connection per reviewer (node:http). req/s counts every request but the sign-ins.",
  ];
}
