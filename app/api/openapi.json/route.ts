import { apiRoute, json } from "@/lib/api";
import { openApiDocument } from "@/lib/openapi";

export const GET = apiRoute(async () => json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } }));
