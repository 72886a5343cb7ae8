// A constant answer that touches nothing: the ceiling of this stack (the benchmark's baseline) and a
// liveness probe that does not depend on the database (/api/health checks that).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true }, { headers: { "cache-control": "no-store" } });
}
