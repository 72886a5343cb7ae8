import { apiRoute, json } from "@/lib/http/api";
import { openApiDocument } from "@/lib/http/openapi";

export const GET = apiRoute(async () =>
  json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
