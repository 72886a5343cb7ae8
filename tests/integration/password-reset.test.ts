// Forgot password, end to end on the server side: the route handlers, the real database, and a real SMTP
// server started here (SMTP_URL points at it) from which the link is read back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetLinkIn, startMailbox, type Mailbox } from "../support/mailbox";

// Mail settings are read once per process: set before any app module loads.
const mailbox: Mailbox = await startMailbox();
process.env.SMTP_URL = mailbox.url;
process.env.MAIL_FROM = "Mockroom <no-reply@mockroom.test>";
process.env.APP_URL = "https://mockroom.example";
const forgot = await import("@/app/api/auth/forgot-password/route");
const reset = await import("@/app/api/auth/reset-password/route");
const notes = await import("@/app/api/notes/route");
const password = await import("@/app/api/me/password/route");
const { authenticate } = await import("@/lib/data/users");
const { db } = await import("@/lib/db/client");
const { hashResetToken } = await import("@/lib/accounts/password-resets");
const { keys } = await import("@/lib/auth/rate-limit-rules");
const { DEFAULT_PASSWORD, sessionCookieFor, uniqueEmail, userFactory } = await import("../factories");

afterAll(() => mailbox.close());

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let ipCounter = 0;
const post = (handler: unknown, body: unknown, headers: Record<string, string> = {}) =>
  (handler as Handler)(
    new Request("http://localhost/api/auth/x", {
      method: headers.method ?? "POST",
      headers: {
        "content-type": "application/json",
        "x-mockroom-client-ip": `10.9.${Math.floor(ipCounter / 200)}.${ipCounter++ % 200}`,
        ...headers,
      },
      body: JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
const signedIn = async (cookie: string) =>
  (
    await (notes.GET as Handler)(new Request("http://localhost/api/notes", { headers: { cookie } }), {
      params: Promise.resolve({}),
    })
  ).status;

async function linkFor(email: string): Promise<string> {
  const response = await post(forgot.POST, { email });
  expect(response.status).toBe(202);
  return resetLinkIn(await mailbox.next(email)).searchParams.get("token")!;
}

beforeAll(() => {
  mailbox.messages.length = 0;
});

describe("forgot password", () => {
  it("emails a link to the public URL; using it sets the password and ends every session", async () => {
    const user = await userFactory();
    const [browser, phone] = [await sessionCookieFor(user.id), await sessionCookieFor(user.id)];
    const response = await post(forgot.POST, { email: user.email.toUpperCase() });
    expect(response.status).toBe(202);
    const mail = await mailbox.next(user.email);
    expect(mail.from).toBe("no-reply@mockroom.test");
    expect(mail.subject).toBe("Reset your Mockroom password");
    const link = resetLinkIn(mail);
    expect(link.origin + link.pathname).toBe("https://mockroom.example/reset-password");
    const token = link.searchParams.get("token")!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Stored hashed: the table alone opens nothing.
    const stored = await db().passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashResetToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(30 * 60_000);

    expect(await signedIn(browser.cookie)).toBe(200);
    const used = await post(reset.POST, { token, password: "my new long passphrase" });
    expect(used.status).toBe(200);
    expect(await authenticate(user.email, DEFAULT_PASSWORD)).toBeNull();
    expect((await authenticate(user.email, "my new long passphrase"))?.id).toBe(user.id);
    for (const cookie of [browser.cookie, phone.cookie]) expect(await signedIn(cookie)).toBe(401);
  });

  it("works once: a used link, an expired one, a made-up one and junk are all refused the same way", async () => {
    const user = await userFactory();
    const token = await linkFor(user.email);
    expect((await post(reset.POST, { token, password: "first new passphrase" })).status).toBe(200);
    const again = await post(reset.POST, { token, password: "second new passphrase" });
    expect(again.status).toBe(400);
    const body = (await again.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("VALIDATION");
    expect(body.error.fields.token).toBeDefined();

    const expiring = await linkFor(user.email);
    await db().passwordReset.updateMany({
      where: { tokenHash: hashResetToken(expiring) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await post(reset.POST, { token: expiring, password: "second new passphrase" })).status).toBe(400);
    for (const junk of ["A".repeat(43), "", "../../etc/passwd", "x".repeat(200), `${token}=`]) {
      expect((await post(reset.POST, { token: junk, password: "second new passphrase" })).status).toBe(400);
    }
    expect((await authenticate(user.email, "first new passphrase"))?.id).toBe(user.id);
  });

  it("voids every other link of the user when one is used or the password is changed", async () => {
    const user = await userFactory();
    const [first, second] = [await linkFor(user.email), await linkFor(user.email)];
    expect((await post(reset.POST, { token: second, password: "a chosen passphrase" })).status).toBe(200);
    expect((await post(reset.POST, { token: first, password: "another passphrase" })).status).toBe(400);

    const third = await linkFor(user.email);
    const { cookie } = await sessionCookieFor(user.id);
    const changed = await post(
      password.PUT,
      { currentPassword: "a chosen passphrase", newPassword: "changed while signed in" },
      { method: "PUT", cookie },
    );
    expect(changed.status).toBe(200);
    expect((await post(reset.POST, { token: third, password: "another passphrase" })).status).toBe(400);
  });

  it("voids a user's earlier link when a newer one is sent: only the newest email opens the account", async () => {
    const user = await userFactory();
    const older = await linkFor(user.email);
    const newer = await linkFor(user.email);
    expect((await post(reset.POST, { token: older, password: "a chosen passphrase" })).status).toBe(400);
    expect((await post(reset.POST, { token: newer, password: "a chosen passphrase" })).status).toBe(200);
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    const user = await userFactory();
    const token = await linkFor(user.email);
    const results = await Promise.all([
      post(reset.POST, { token, password: "racing passphrase one" }),
      post(reset.POST, { token, password: "racing passphrase two" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it("answers an unknown address exactly as a known one, and sends it nothing", async () => {
    const known = await userFactory();
    const unknown = uniqueEmail("nobody");
    const [a, b] = [await post(forgot.POST, { email: known.email }), await post(forgot.POST, { email: unknown })];
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(await b.json()).toEqual(await a.json());
    await mailbox.next(known.email);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.messages.filter((m) => m.to.includes(unknown))).toEqual([]);
  });

  it("answers before the mail is sent: a known address is not slower than an unknown one, even with a slow mail server", async () => {
    const known = await userFactory();
    mailbox.delayMs = 1500;
    const time = async (email: string) => {
      const started = performance.now();
      expect((await post(forgot.POST, { email })).status).toBe(202);
      return performance.now() - started;
    };
    // The third request for one address would be limited: alternate two of each.
    const samples = { known: [] as number[], unknown: [] as number[] };
    const others = [await userFactory(), await userFactory()];
    for (const [i, user] of [known, ...others].entries()) {
      samples.known.push(await time(user.email));
      samples.unknown.push(await time(uniqueEmail(`nobody${i}`)));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    // The lookup and the SMTP conversation happen after the answer; what is left is the same rate-limit work.
    expect(Math.abs(median(samples.known) - median(samples.unknown))).toBeLessThan(100);
    expect(Math.max(...samples.known)).toBeLessThan(mailbox.delayMs);
    for (const user of [known, ...others]) await mailbox.next(user.email);
    mailbox.delayMs = 0;
  });

  it("limits requests per address typed (known or not) and per client address, counting parallel ones", async () => {
    for (const email of [(await userFactory()).email, uniqueEmail("nobody")]) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post(forgot.POST, { email })).status);
      expect(statuses).toEqual([202, 202, 202, 429]);
    }
    const burst = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        post(forgot.POST, { email: uniqueEmail(`ip${i}`) }, { "x-mockroom-client-ip": "10.250.0.1" }),
      ),
    );
    expect(burst.filter((r) => r.status === 202)).toHaveLength(10);
    const limited = burst.find((r) => r.status === 429)!;
    expect((await limited.json()).error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(3000);
  });

  it("limits reset attempts per client address", async () => {
    const statuses = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (
          await post(
            reset.POST,
            { token: "B".repeat(43), password: "whatever passphrase" },
            { "x-mockroom-client-ip": "10.251.0.1" },
          )
        ).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it("clears the owner's own sign-in failures from the address that used the link", async () => {
    const user = await userFactory();
    const token = await linkFor(user.email);
    const ip = "10.252.0.1";
    await db().rateLimit.create({ data: { key: keys.signInPair(user.email, ip), count: 9, windowStart: new Date() } });
    expect(
      (await post(reset.POST, { token, password: "fresh start passphrase" }, { "x-mockroom-client-ip": ip })).status,
    ).toBe(200);
    expect(await db().rateLimit.findUnique({ where: { key: keys.signInPair(user.email, ip) } })).toBeNull();
  });

  it("refuses cross-site requests", async () => {
    const forged = await post(
      forgot.POST,
      { email: "a@example.test" },
      { origin: "https://evil.example", host: "localhost" },
    );
    expect(forged.status).toBe(403);
    expect(
      (
        await post(
          reset.POST,
          { token: "C".repeat(43), password: "whatever passphrase" },
          { origin: "https://evil.example", host: "localhost" },
        )
      ).status,
    ).toBe(403);
  });
});
