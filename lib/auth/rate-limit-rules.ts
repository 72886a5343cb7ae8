// Who may try how often. Keys are namespaced by action and subject ("register:email:a@b.c"). The numbers are
// documented in docs/decisions/0009-sign-in-throttling.md and the README.
import net from "node:net";
import type { RateLimitRule } from "../data/rate-limits";

const FIFTEEN_MINUTES = 15 * 60;
const HOUR = 60 * 60;

/** Fixed windows: at most `limit` hits per window (lib/data/rate-limits.ts recordHit/blockedFor). */
export const rules = {
  /** Registration attempts for one email address. */
  registerEmail: { limit: 5, windowSeconds: FIFTEEN_MINUTES },
  /** Registration attempts from one client address. */
  registerIp: { limit: 20, windowSeconds: HOUR },
  /** Reset emails asked for one address (whether or not it has an account: the answer must not tell). */
  resetEmail: { limit: 3, windowSeconds: HOUR },
  /** Reset emails asked from one client address. */
  resetIp: { limit: 10, windowSeconds: HOUR },
  /** Reset links tried from one client address (a token is 256 random bits: this only caps the work). */
  resetUseIp: { limit: 30, windowSeconds: FIFTEEN_MINUTES },
  /** Wrong current passwords given to "Change password", per account. */
  passwordChange: { limit: 5, windowSeconds: FIFTEEN_MINUTES },
  /** "Report a problem" sent by one account (only its owner can use it up). */
  reportUser: { limit: 10, windowSeconds: HOUR },
  /** Recordings sent to the transcription endpoint by one account (it may cost money or a GPU's time). */
  transcribeUser: { limit: 60, windowSeconds: HOUR },
} satisfies Record<string, RateLimitRule>;

/**
 * Growing delays (OWASP, Blocking Brute Force Attacks): the first `free` failures cost nothing; after the
 * n-th failure (n >= free) the next attempt waits baseSeconds * 2^(n - free), at most maxSeconds. A counter
 * starts again when its latest failure is older than forgetSeconds.
 */
export type BackoffRule = { free: number; baseSeconds: number; maxSeconds: number; forgetSeconds: number };

export const signInRules = {
  /** One account from one client address: the owner's own typos, or someone guessing from one place. */
  pair: { free: 5, baseSeconds: 60, maxSeconds: FIFTEEN_MINUTES, forgetSeconds: 24 * HOUR },
  /** One client address, any accounts (password spraying). Offices share addresses: more room, forgotten sooner. */
  address: { free: 30, baseSeconds: 60, maxSeconds: FIFTEEN_MINUTES, forgetSeconds: FIFTEEN_MINUTES },
  /** One account from anywhere. It never blocks by itself (that would let anyone lock the owner out). */
  account: { free: Number.POSITIVE_INFINITY, baseSeconds: 0, maxSeconds: 0, forgetSeconds: HOUR },
} satisfies Record<string, BackoffRule>;

/**
 * Failures for one account from everywhere past which it is under a distributed attack: then every address
 * gets one free failure for it instead of `pair.free`. A correct password from a fresh address still works.
 */
export const ACCOUNT_UNDER_ATTACK = 100;

/** Counters idle longer than any rule looks back are dropped (lib/data/maintenance.ts). */
export const COUNTERS_KEPT_SECONDS = Math.max(
  ...Object.values(rules).map((rule) => rule.windowSeconds),
  ...Object.values(signInRules).map((rule) => rule.forgetSeconds),
);

export type Counter = { count: number; lastAt: number };

/** Seconds until a key with `counter` may try again under `rule` (0: now). Times are milliseconds. */
export function backoffWait(counter: Counter | undefined, rule: BackoffRule, now: number): number {
  if (!counter || now - counter.lastAt >= rule.forgetSeconds * 1000 || counter.count < rule.free) return 0;
  const delay = Math.min(rule.baseSeconds * 2 ** Math.min(counter.count - rule.free, 30), rule.maxSeconds);
  return Math.max(0, Math.ceil(delay - (now - counter.lastAt) / 1000));
}

/** A counter's count after one more failure now: 1 again once the previous one is forgotten. */
export function nextCount(counter: Counter | undefined, rule: BackoffRule, now: number): number {
  return !counter || now - counter.lastAt >= rule.forgetSeconds * 1000 ? 1 : counter.count + 1;
}

/** The rule for the (account, address) pair, stricter while the account is under attack. */
export function pairRule(account: Counter | undefined, now: number): BackoffRule {
  const live = account && now - account.lastAt < signInRules.account.forgetSeconds * 1000 ? account.count : 0;
  return live >= ACCOUNT_UNDER_ATTACK ? { ...signInRules.pair, free: 1 } : signInRules.pair;
}

/**
 * The subject a per-address limit counts: an IPv4 address (also when written IPv4-mapped), or an IPv6 /64,
 * the block one subscriber usually holds: counting single IPv6 addresses would give an attacker 2^64 tries.
 */
export function addressKey(ip: string): string {
  const plain = ip
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!net.isIPv6(plain)) return net.isIPv4(plain) ? plain : "unknown";
  const [head = "", tail = ""] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = plain.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(":")}::/64`;
}

export const keys = {
  signInPair: (email: string, ip: string) => `signin:pair:${email}|${addressKey(ip)}`,
  signInAddress: (ip: string) => `signin:address:${addressKey(ip)}`,
  signInAccount: (email: string) => `signin:account:${email}`,
  /** The keys that name the email, deleted with the account: these, and every key starting with pairPrefix. */
  emailKeys: (email: string) => [`signin:account:${email}`, `register:email:${email}`, `reset:email:${email}`],
  /** "|" cannot occur in an email, so no other address's pairs share this prefix. */
  pairPrefix: (email: string) => `signin:pair:${email}|`,
  registerEmail: (email: string) => `register:email:${email}`,
  registerIp: (ip: string) => `register:ip:${addressKey(ip)}`,
  resetEmail: (email: string) => `reset:email:${email}`,
  resetIp: (ip: string) => `reset:ip:${addressKey(ip)}`,
  resetUseIp: (ip: string) => `reset:use:${addressKey(ip)}`,
  passwordChange: (userId: string) => `password:user:${userId}`,
  reportUser: (userId: string) => `report:user:${userId}`,
  transcribeUser: (userId: string) => `transcribe:user:${userId}`,
  aiUser: (userId: string) => `ai:user:${userId}`,
};

/**
 * The caller's address as the server saw it. Our HTTP server (lib/server) records the socket's address
 * in x-mockroom-client-ip and drops any value a client sent; behind a proxy, set TRUST_PROXY.
 */
export function clientIp(request: { headers: Headers }): string {
  return request.headers.get("x-mockroom-client-ip") ?? "unknown";
}

/** The last address in an X-Forwarded-For header (the one our trusted proxy appended), or "" when there is none. */
export function clientFromForwardedFor(header: string | string[] | undefined): string {
  const entries = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.at(-1) ?? "";
}
