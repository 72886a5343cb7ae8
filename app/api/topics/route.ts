import { apiRoute, json } from "@/lib/http/api";
import { listTopics } from "@/lib/data/questions";

export const GET = apiRoute(async () =>
  json({ items: await listTopics() }, { headers: { "cache-control": "public, max-age=60" } }),
);
