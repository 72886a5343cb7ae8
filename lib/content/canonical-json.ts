// JSON with object keys sorted: what a value means, whatever order its keys came in (jsonb sorts them, files do
// not). The seed, the export and the admin editors compare content with it.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
