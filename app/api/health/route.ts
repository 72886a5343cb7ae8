import packageJson from "@/package.json";
import { apiRoute, json } from "@/lib/http/api";
import { databaseReachable } from "@/lib/data/health";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async () => {
  const ok = await databaseReachable();
  return json(
    { status: ok ? "ok" : "degraded", db: ok ? "ok" : "down", version: packageJson.version },
    { status: ok ? 200 : 503 },
  );
});
