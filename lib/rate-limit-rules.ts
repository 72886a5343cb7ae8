// Who may try how often. Keys are namespaced by action and subject ("signin:email:a@b.c").
import type { RateLimitRule } from "./data/rate-limits";

const FIFTEEN_MINUTES = 15 * 60;

export const rules = {
  /** Failed sign-ins for one email address, from anywhere. */
  signInEmail: { limit: 10, windowSeconds: FIFTEEN_MINUTES },
  /** Failed sign-ins from one IP address, for any email (several people may share an address). */
  signInIp: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
  /** Registration attempts for one email address. */
  registerEmail: { limit: 5, windowSeconds: FIFTEEN_MINUTES },
  /** Registration attempts from one IP address. */
  registerIp: { limit: 20, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export const keys = {
  signInEmail: (email: string) => `signin:email:${email}`,
  signInIp: (ip: string) => `signin:ip:${ip}`,
  registerEmail: (email: string) => `register:email:${email}`,
  registerIp: (ip: string) => `register:ip:${ip}`,
};

/**
 * The caller's address as the server saw it. Our HTTP server (lib/server) records the socket's address
 * in x-mockroom-client-ip and drops any value a client sent; behind a proxy, set TRUST_PROXY.
 */
export function clientIp(request: { headers: Headers }): string {
  return request.headers.get("x-mockroom-client-ip") ?? "unknown";
}
