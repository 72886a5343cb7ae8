// Vitest global setup for integration tests: one migrated template database per run; each test file
// clones its own copy (tests/support/integration-setup.ts). Everything is dropped afterwards.
import type { TestProject } from "vitest/node";
import { createMigratedTemplate, dropDatabase, dropStaleTestDatabases, resolveTestServer } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    databaseUrlPattern: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await resolveTestServer();
  await dropStaleTestDatabases(server.adminUrl);
  const template = await createMigratedTemplate(server);
  project.provide("adminUrl", server.adminUrl);
  project.provide("templateDatabase", template);
  project.provide("databaseUrlPattern", server.urlFor("__DATABASE__"));
  return async () => {
    await dropDatabase(server.adminUrl, template);
    if (server.embedded?.started) await server.embedded.stop();
  };
}
