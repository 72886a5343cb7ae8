import { apiRoute, json } from "@/lib/http/api";
import { listCompanies } from "@/lib/data/companies";

export const GET = apiRoute(async () =>
  json({ items: await listCompanies() }, { headers: { "cache-control": "public, max-age=60" } }),
);
