import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/http/openapi";

const apiDir = path.resolve("app/api");

/** Every app/api/**\/route.ts as an OpenAPI-style path with the HTTP methods it exports. */
function routeHandlers(): { path: string; methods: string[]; catchAll: boolean }[] {
  const found: { path: string; methods: string[]; catchAll: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = [
          ...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g),
        ].map((m) => m[1]!.toLowerCase());
        const segments = path.relative(apiDir, path.dirname(full)).split(path.sep);
        const catchAll = segments.some((s) => s.startsWith("[..."));
        const route =
          "/api/" +
          segments
            .filter((s) => !s.startsWith("[..."))
            .map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))
            .join("/");
        found.push({ path: route, methods, catchAll });
      }
    }
  };
  walk(apiDir);
  return found;
}

describe("OpenAPI document", () => {
  const document = openApiDocument();

  it("is OpenAPI 3.1 with the error shape as a component", () => {
    expect(document.openapi).toBe("3.1.0");
    expect(document.components.schemas).toHaveProperty("Error");
    expect(document.components.schemas).toHaveProperty("RegisterRequest");
  });

  it("documents every route handler and every method it exports", () => {
    const handlers = routeHandlers();
    expect(handlers.length).toBeGreaterThanOrEqual(4);
    for (const handler of handlers) {
      // app/api/[...path]: the JSON 404 for every path that is not in the document.
      if (handler.catchAll && handler.path === "/api/") continue;
      if (handler.catchAll) {
        // A catch-all (next-auth) is documented by its concrete endpoints under the same prefix.
        for (const method of handler.methods) {
          const documented = Object.entries(document.paths).some(
            ([p, ops]) => p.startsWith(handler.path + "/") && method in ops,
          );
          expect(documented, `${method.toUpperCase()} ${handler.path}/… is not in the OpenAPI document`).toBe(true);
        }
        continue;
      }
      for (const method of handler.methods) {
        expect(document.paths[handler.path], `${handler.path} is not in the OpenAPI document`).toBeDefined();
        expect(
          document.paths[handler.path],
          `${method.toUpperCase()} ${handler.path} is not documented`,
        ).toHaveProperty(method);
      }
    }
  });

  it("describes the register body from the zod schema, with its limits", () => {
    const register = document.paths["/api/auth/register"]!.post as {
      requestBody: { content: Record<string, { schema: { $ref: string } }> };
    };
    expect(register.requestBody.content["application/json"]!.schema.$ref).toBe("#/components/schemas/RegisterRequest");
    const schema = document.components.schemas.RegisterRequest as {
      properties: Record<string, { minLength?: number }>;
      required: string[];
    };
    expect(schema.properties.password!.minLength).toBe(10);
    expect(schema.required).toEqual(["email", "password"]);
  });

  it("states the import's limits on the route and on the ExportDocument schema", () => {
    const post = document.paths["/api/me/import"]!.post as {
      description: string;
      responses: Record<string, { description: string }>;
    };
    for (const limit of [
      "64 MB",
      "5,000 interviews",
      "50,000 answers",
      "20,000 versions",
      "100,000 review ratings",
      "200 sets",
    ])
      expect(post.description).toContain(limit);
    expect(post.responses).toHaveProperty("413");
    expect((document.components.schemas.ExportDocument as { description: string }).description).toMatch(
      /at most 64 MB, 5000 interviews/,
    );
  });
});
