import fs from "node:fs";
import { defineConfig } from "prisma/config";

// Prisma's CLI looks for its native schema engine even to run `generate`, and that binary cannot be
// downloaded on every network. Generating the TypeScript client does not use it, so any existing file
// satisfies the check. Migrations are applied by our own runner (lib/db/migrations), see docs/decisions.
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  fs.mkdirSync(".data", { recursive: true });
  fs.writeFileSync(".data/no-schema-engine", "");
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = ".data/no-schema-engine";
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
