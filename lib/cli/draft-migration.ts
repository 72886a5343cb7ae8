// Drafts the SQL for a schema change offline: `npm run db:draft-migration -- <name> [--from <old.prisma>]`.
// Prisma 7's `migrate` needs a native engine that cannot always be downloaded; Prisma 6.19.3's
// WebAssembly engine can diff two schema files without reading any table. This is a developer tool:
// it installs prisma@6.19.3 into .data/prisma6 on first use and is never a runtime dependency.
// Review the SQL it writes; the migration is yours. See README "Writing a migration".
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { readEnv } from "../config";
import { startEmbeddedPostgres } from "../db/postgres/embedded";

const TOOL_DIR = path.resolve(".data/prisma6");

function ensureTool() {
  if (fs.existsSync(path.join(TOOL_DIR, "node_modules/prisma/package.json"))) return;
  fs.mkdirSync(TOOL_DIR, { recursive: true });
  fs.writeFileSync(path.join(TOOL_DIR, "package.json"), JSON.stringify({ name: "prisma6-diff", private: true }));
  console.log("Installing prisma@6.19.3 into .data/prisma6 (once) ...");
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "prisma@6.19.3", "@prisma/adapter-pg@6.19.3", "pg@8"], {
    cwd: TOOL_DIR,
    stdio: "inherit",
  });
  fs.writeFileSync(
    path.join(TOOL_DIR, "prisma.config.ts"),
    `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "new.prisma",
  async adapter() { return new PrismaPg({ connectionString: process.env.DATABASE_URL }); },
});
`,
  );
}

function withUrl(schema: string): string {
  return schema.replace(/provider\s*=\s*"postgresql"/, 'provider = "postgresql"\n  url      = env("DATABASE_URL")');
}

async function main() {
  const args = process.argv.slice(2);
  const name = args.find((a) => !a.startsWith("--") && args[args.indexOf(a) - 1] !== "--from");
  if (!name || !/^[a-z0-9_]+$/.test(name))
    throw new Error("Usage: npm run db:draft-migration -- <snake_case_name> [--from <old schema file>]");
  const fromIndex = args.indexOf("--from");
  let old: string | null = fromIndex >= 0 ? fs.readFileSync(args[fromIndex + 1]!, "utf8") : null;
  if (fromIndex < 0) {
    try {
      old = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      });
    } catch {
      old = null; // no committed schema yet: diff from an empty database
    }
  }
  ensureTool();
  fs.writeFileSync(path.join(TOOL_DIR, "new.prisma"), withUrl(fs.readFileSync("prisma/schema.prisma", "utf8")));
  if (old) fs.writeFileSync(path.join(TOOL_DIR, "old.prisma"), withUrl(old));

  let url = readEnv().DATABASE_URL;
  const server = url ? null : await startEmbeddedPostgres({ stateDir: ".data", name: "postgres", log: console.log });
  url ??= server!.url("postgres");
  try {
    const placeholder = path.join(TOOL_DIR, "no-query-engine");
    fs.writeFileSync(placeholder, "");
    const sql = execFileSync(
      path.join(TOOL_DIR, "node_modules/.bin/prisma"),
      [
        "migrate",
        "diff",
        ...(old ? ["--from-schema-datamodel", "old.prisma"] : ["--from-empty"]),
        "--to-schema-datamodel",
        "new.prisma",
        "--script",
      ],
      {
        cwd: TOOL_DIR,
        encoding: "utf8",
        env: { ...process.env, DATABASE_URL: url, PRISMA_QUERY_ENGINE_LIBRARY: placeholder },
      },
    );
    if (/^-- This is an empty migration/m.test(sql)) {
      console.log("The schema and the last committed schema agree: nothing to migrate.");
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join("prisma/migrations", `${stamp}_${name}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${dir}/migration.sql: review it, then npm run db:migrate.`);
  } finally {
    if (server?.started) await server.stop();
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
