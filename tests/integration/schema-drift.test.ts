import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { compareSchema, dmmfOf, readCatalog } from "../support/schema-agreement";

const schema = fs.readFileSync("prisma/schema.prisma", "utf8");

describe("Prisma schema and migrations", () => {
  it("agree on every model, field, default, index, foreign key and enum", async () => {
    const catalog = await readCatalog(process.env.DATABASE_URL!);
    expect(compareSchema(dmmfOf(schema), catalog)).toEqual([]);
  });

  it("would notice a field added to the schema without a migration", async () => {
    const catalog = await readCatalog(process.env.DATABASE_URL!);
    const edited = schema.replace(/^(  name\s+String\?)$/m, '$1\n  locale String @default("en")');
    expect(edited).not.toBe(schema);
    expect(compareSchema(dmmfOf(edited), catalog)).toEqual(["column User.locale is missing"]);
  });

  it("would notice a changed nullability, a new index and a new enum value", async () => {
    const catalog = await readCatalog(process.env.DATABASE_URL!);
    const edited = schema
      .replace(/^  name(\s+)String\?$/m, "  name$1String")
      .replace("  @@index([userId])", "  @@index([userId])\n  @@index([provider])")
      .replace("  ADMIN\n", "  ADMIN\n  COACH\n");
    expect(compareSchema(dmmfOf(edited), catalog)).toEqual([
      "column User.name is nullable, schema says required",
      "index on Account(provider) is missing",
      "enum Role has values USER, ADMIN, schema says USER, ADMIN, COACH",
    ]);
  });
});
