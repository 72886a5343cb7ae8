import "server-only";
import { readEnv, type Env } from "./config";

/** The validated environment, read once. Throws a message naming each missing or malformed variable. */
export function env(): Env {
  return readEnv();
}

export function requireDatabaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url)
    throw new Error("DATABASE_URL is not set. `npm start` sets it (embedded PostgreSQL); set it yourself otherwise.");
  return url;
}

export function requireAuthSecret(): string {
  const secret = env().AUTH_SECRET;
  if (!secret)
    throw new Error("AUTH_SECRET is not set. `npm start` generates one in .data/; production deployments must set it.");
  return secret;
}
