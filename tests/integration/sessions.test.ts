// Sessions that really end (lib/data/sessions.ts), through the real route handlers with real session cookies:
// signing out everywhere, changing the password, deleting the account, and tokens from before session ids.
import { encode } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import * as notes from "@/app/api/notes/route";
import * as interview from "@/app/api/interviews/[id]/route";
import * as me from "@/app/api/me/route";
import * as password from "@/app/api/me/password/route";
import * as sessions from "@/app/api/me/sessions/route";
import { authenticate } from "@/lib/data/users";
import { endSession, pruneSessions, SESSION_CHECK_TTL_MS, sessionIsLive } from "@/lib/data/sessions";
import { db } from "@/lib/db/client";
import { DEFAULT_PASSWORD, sessionCookieFor, userFactory } from "../factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

function call(handler: unknown, method: string, cookie: string, body?: unknown, params: Record<string, string> = {}) {
  const headers: Record<string, string> = { cookie, "x-mockroom-client-ip": "10.1.2.3" };
  if (body !== undefined) headers["content-type"] = "application/json";
  return (handler as Handler)(
    new Request("http://localhost/api/x", {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    {
      params: Promise.resolve(params),
    },
  );
}

/**
 * lib/data/sessions.ts as another app instance has it: the module loaded again with a memory of its own (one
 * process keeps one memory on globalThis for all its copies of the module, so it is set aside meanwhile).
 */
async function anotherInstance(): Promise<typeof import("@/lib/data/sessions")> {
  const holder = globalThis as { mockroomSessions?: unknown };
  const mine = holder.mockroomSessions;
  delete holder.mockroomSessions;
  vi.resetModules();
  const other = (await import("@/lib/data/sessions")) as typeof import("@/lib/data/sessions");
  holder.mockroomSessions = mine;
  expect(other.sessionIsLive).not.toBe(sessionIsLive);
  return other;
}

const signedIn = async (cookie: string) => (await call(notes.GET, "GET", cookie)).status;
const hot = async (cookie: string) =>
  (await call(interview.GET, "GET", cookie, undefined, { id: "00000000-0000-4000-8000-000000000000" })).status;

describe("session tokens", () => {
  it("from before sessions had ids are signed out (401), never a 500", async () => {
    const user = await userFactory();
    const legacy = await encode({
      token: { sub: user.id, signedInAt: Math.floor(Date.now() / 1000) },
      secret: process.env.AUTH_SECRET!,
      maxAge: 3600,
    });
    expect(await signedIn(`next-auth.session-token=${legacy}`)).toBe(401);
    expect(await hot(`next-auth.session-token=${legacy}`)).toBe(401);
  });

  it("naming a session that is not the user's, or that does not exist, are signed out", async () => {
    const [a, b] = [await userFactory(), await userFactory()];
    const { sid } = await sessionCookieFor(a.id);
    const borrowed = await encode({ token: { sub: b.id, sid }, secret: process.env.AUTH_SECRET!, maxAge: 3600 });
    expect(await signedIn(`next-auth.session-token=${borrowed}`)).toBe(401);
    const invented = await encode({
      token: { sub: a.id, sid: crypto.randomUUID() },
      secret: process.env.AUTH_SECRET!,
      maxAge: 3600,
    });
    expect(await signedIn(`next-auth.session-token=${invented}`)).toBe(401);
  });

  it("end at once on this instance, and within the check interval on another one", async () => {
    const user = await userFactory();
    const { cookie, sid } = await sessionCookieFor(user.id);
    const other = await anotherInstance();
    expect(await other.sessionIsLive({ sub: user.id, sid })).toBe(true);
    expect(await signedIn(cookie)).toBe(200);

    await endSession(sid);
    expect(await signedIn(cookie)).toBe(401);
    expect(await hot(cookie)).toBe(401); // the autosave's kind of route (no user row read) too
    // The other instance trusts what it saw for at most SESSION_CHECK_TTL_MS, then asks the database.
    await new Promise((resolve) => setTimeout(resolve, SESSION_CHECK_TTL_MS + 200));
    expect(await other.sessionIsLive({ sub: user.id, sid })).toBe(false);
  });

  it("past their end are signed out and pruned", async () => {
    const user = await userFactory();
    const { cookie, sid } = await sessionCookieFor(user.id);
    await db().session.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const fresh = await anotherInstance(); // nothing remembered
    expect(await fresh.sessionIsLive({ sub: user.id, sid })).toBe(false);
    expect(await pruneSessions()).toBeGreaterThanOrEqual(1);
    expect(await db().session.findUnique({ where: { id: sid } })).toBeNull();
    expect(cookie).toBeTruthy();
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the account, this one too, and clears this cookie", async () => {
    const [user, bystander] = [await userFactory(), await userFactory()];
    const [here, phone, laptop, theirs] = [
      await sessionCookieFor(user.id),
      await sessionCookieFor(user.id),
      await sessionCookieFor(user.id),
      await sessionCookieFor(bystander.id),
    ];
    const response = await call(sessions.DELETE, "DELETE", here.cookie, { scope: "all" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 3 });
    expect(response.headers.get("set-cookie")).toMatch(
      /^next-auth\.session-token=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax$/,
    );
    for (const cookie of [here.cookie, phone.cookie, laptop.cookie]) expect(await signedIn(cookie)).toBe(401);
    expect(await signedIn(theirs.cookie)).toBe(200); // nobody else's
  });

  it("or every other one, keeping this one", async () => {
    const user = await userFactory();
    const [here, elsewhere] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const response = await call(sessions.DELETE, "DELETE", here.cookie, { scope: "others" });
    expect(await response.json()).toEqual({ ended: 1 });
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await signedIn(here.cookie)).toBe(200);
    expect(await signedIn(elsewhere.cookie)).toBe(401);
  });

  it("asks which sessions, and refuses anonymous and cross-site requests", async () => {
    const user = await userFactory();
    const { cookie } = await sessionCookieFor(user.id);
    expect((await call(sessions.DELETE, "DELETE", cookie, {})).status).toBe(400);
    expect((await call(sessions.DELETE, "DELETE", "", { scope: "all" })).status).toBe(401);
    const forged = await (sessions.DELETE as Handler)(
      new Request("http://localhost/api/me/sessions", {
        method: "DELETE",
        headers: { cookie, origin: "https://evil.example", host: "localhost", "content-type": "application/json" },
        body: '{"scope":"all"}',
      }),
      { params: Promise.resolve({}) },
    );
    expect(forged.status).toBe(403);
    expect(await signedIn(cookie)).toBe(200);
  });
});

describe("changing the password", () => {
  it("needs the current password, sets the new one and ends every other session", async () => {
    const user = await userFactory();
    const [here, elsewhere] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const wrong = await call(password.PUT, "PUT", here.cookie, {
      currentPassword: "not it at all",
      newPassword: "a brand new passphrase",
    });
    expect(wrong.status).toBe(400);
    expect(
      ((await wrong.json()) as { error: { fields: Record<string, string[]> } }).error.fields.currentPassword,
    ).toEqual(["The current password is not correct."]);
    expect(await signedIn(elsewhere.cookie)).toBe(200);

    const short = await call(password.PUT, "PUT", here.cookie, {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: "short",
    });
    expect(short.status).toBe(400);

    const changed = await call(password.PUT, "PUT", here.cookie, {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: "a brand new passphrase",
    });
    expect(changed.status).toBe(200);
    expect(await signedIn(here.cookie)).toBe(200);
    expect(await signedIn(elsewhere.cookie)).toBe(401);
    expect(await authenticate(user.email, DEFAULT_PASSWORD)).toBeNull();
    expect((await authenticate(user.email, "a brand new passphrase"))?.id).toBe(user.id);
  });

  it("is rate limited per account: after 5 attempts in 15 minutes, 429 even with the right password", async () => {
    const user = await userFactory();
    const { cookie } = await sessionCookieFor(user.id);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await call(password.PUT, "PUT", cookie, {
            currentPassword: `guess number ${i}`,
            newPassword: "a brand new passphrase",
          })
        ).status,
      );
    const limited = await call(password.PUT, "PUT", cookie, {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: "a brand new passphrase",
    });
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
    expect(await authenticate(user.email, DEFAULT_PASSWORD)).not.toBeNull();
  });

  it("parallel guesses get no more tries than sequential ones", async () => {
    const user = await userFactory();
    const { cookie } = await sessionCookieFor(user.id);
    const guesses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(password.PUT, "PUT", cookie, {
          currentPassword: `parallel guess ${i}`,
          newPassword: "a brand new passphrase",
        }),
      ),
    );
    const statuses = guesses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 400)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
  });

  it("is refused for accounts without a password (GitHub, Google)", async () => {
    const user = await db().user.create({ data: { email: `oauth-${crypto.randomUUID()}@example.test` } });
    const { cookie } = await sessionCookieFor(user.id);
    expect(
      (await call(password.PUT, "PUT", cookie, { currentPassword: "anything", newPassword: "a brand new passphrase" }))
        .status,
    ).toBe(409);
  });
});

describe("deleting the account", () => {
  it("ends all its sessions with it", async () => {
    const user = await userFactory();
    const [here, elsewhere] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    expect(
      (await call(me.DELETE, "DELETE", here.cookie, { confirm: "delete my account", password: user.password })).status,
    ).toBe(204);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
    expect(await signedIn(elsewhere.cookie)).toBe(401);
    expect(await sessionIsLive({ sub: user.id, sid: here.sid })).toBe(false);
  });
});
