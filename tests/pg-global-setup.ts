// The PostgreSQL runs of the server and browser suites share one throwaway cluster
// (tests/pg-cluster.ts); each test file then makes its own database in it (tests/pg-database.ts).
import type { TestProject } from "vitest/node";
import { startPgCluster } from "./pg-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster("postgres_admin");
  project.provide("pgAdminUrl", cluster.url);
  return cluster.stop;
}
