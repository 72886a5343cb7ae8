// `npm run test:chaos`: the production server (the bundle `npm start` runs) under failure. Two instances on
// one database, a SIGKILL in the middle of autosaves, a database that goes away or slows down (through a
// TCP proxy these tests control), and a SIGTERM with a request in flight. The claim under test: a write the
// server acknowledged is never lost, a conflicting write is detected, and failures answer 503, never 500.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIfStale } from "@/lib/cli/build";
import { assembleStandalone, CONTAINER_ENTRY, spawnServer, STANDALONE_DIR, type ServerProcess } from "@/lib/cli/serve";
import { migrate } from "@/lib/db/migrations/runner";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/db/prisma-client";
import { RUNNER_BASE } from "@/lib/coding/runtime";
import { runSeed } from "@/seed/load";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "../support/chromium";
import { createDatabase, dropDatabase, resolveTestServer, uniqueName, type TestServer } from "../support/postgres";

const SECRET = "chaos-secret-chaos-secret-chaos-secret-01";

/** A TCP proxy in front of PostgreSQL: cut() drops every connection and refuses new ones; delay adds latency. */
class DatabaseProxy {
  private readonly sockets = new Set<net.Socket>();
  private server!: net.Server;
  down = false;
  delayMs = 0;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      // Delayed chunks keep their order, also when the delay changes while some are still in flight.
      const relay = (from: net.Socket, to: net.Socket) => {
        let due = 0;
        from.on("data", (chunk) => {
          due = Math.max(Date.now() + this.delayMs, due);
          if (due <= Date.now()) to.write(chunk);
          else setTimeout(() => to.write(chunk), due - Date.now());
        });
      };
      relay(client, upstream);
      relay(upstream, client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.sockets) socket.destroy();
  }

  restore(): void {
    this.down = false;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let server: TestServer;
let database: string;
let proxy: DatabaseProxy;
let db: ReturnType<typeof createPrismaClient>;
const running: ServerProcess[] = [];

async function startApp(
  port: number,
  overrides: Record<string, string> = {},
): Promise<{ base: string; process: ServerProcess }> {
  const url = new URL(server.urlFor(database));
  url.hostname = "127.0.0.1";
  url.port = String(proxy.port);
  const base = `http://127.0.0.1:${port}`;
  const child = await spawnServer(
    {
      ...process.env,
      DATABASE_URL: url.toString(),
      DB_POOL_MAX: "4",
      HOST: "127.0.0.1",
      PORT: String(port),
      NODE_ENV: "production",
      AUTH_SECRET: SECRET,
      NEXTAUTH_URL: base,
      LOG_LEVEL: process.env.CHAOS_LOG_LEVEL ?? "silent",
      NEXT_TELEMETRY_DISABLED: "1",
      ...overrides,
    },
    { silent: !process.env.CHAOS_LOG_LEVEL },
  );
  running.push(child);
  return { base, process: child };
}

/** Every symbolic link under `folder`. */
function linksIn(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isSymbolicLink())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Runs Node with `args`; `ready` resolves with everything it printed once `readyLine` appears (or it exits);
 * `output()` is everything printed so far.
 */
/**
 * Process groups of everything `launch` started, killed when the file ends: a test that fails or times out must
 * not leave a server holding its port for the next run (one did, from a failed run: every later run of the
 * three-starts test waited for a port that never freed).
 */
const launchedGroups = new Set<number>();

function launch(args: string[], readyLine: RegExp, options: { env: NodeJS.ProcessEnv; cwd?: string }) {
  // A group of its own (detached), so the server a start spawns can be stopped with it.
  const child = spawn(process.execPath, args, { ...options, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  if (child.pid) launchedGroups.add(child.pid);
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const ready = new Promise<string>((resolve) => {
    child.stdout.on("data", () => readyLine.test(output) && resolve(output));
    child.once("exit", () => resolve(output));
  });
  return { child, ready, output: () => output };
}

async function signedInUser(): Promise<{ id: string; token: string; cookie: string }> {
  const user = await db.user.create({ data: { email: `chaos-${crypto.randomUUID()}@example.test`, name: "Chaos" } });
  // The session sign-in opens (lib/data/sessions.ts): a row the token names.
  const session = await db.session.create({
    data: { id: crypto.randomUUID(), userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) },
  });
  const token = await encode({
    token: { sub: user.id, sid: session.id, signedInAt: Math.floor(Date.now() / 1000) },
    secret: SECRET,
    maxAge: 3600,
  });
  return { id: user.id, token, cookie: `next-auth.session-token=${token}` };
}

/** next-auth's credentials sign-in against `base`: the cookies it sets (CSRF and session), or its answer's status. */
async function signIn(
  base: string,
  email: string,
  password: string,
  jar = "",
): Promise<{ status: number; cookies: string }> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: jar ? { cookie: jar } : {} });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = [jar, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].filter(Boolean).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => c.startsWith("next-auth.session-token=") && c.length > 30);
  return { status: response.status, cookies: [cookies, ...session].join("; ") };
}

async function startInterview(base: string, cookie: string): Promise<{ id: string; question: string }> {
  const company = (await db.companyProfile.findFirstOrThrow({ select: { slug: true } })).slug;
  const response = await fetch(`${base}/api/interviews`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ company, mode: "practice" }),
  });
  expect(response.status).toBe(201);
  const body = (await response.json()) as { id: string; questions: { id: string }[] };
  return { id: body.id, question: body.questions[0]!.id };
}

async function save(
  base: string,
  cookie: string,
  interview: { id: string; question: string },
  content: string,
  revision: number,
) {
  const response = await fetch(`${base}/api/interviews/${interview.id}/answers/${interview.question}`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ content, revision }),
    signal: AbortSignal.timeout(15_000),
  });
  return {
    status: response.status,
    body: (await response.json().catch(() => null)) as {
      revision?: number;
      current?: { revision: number; content: string };
      error?: { code: string };
    } | null,
  };
}

const stored = async (interview: { id: string; question: string }) =>
  (
    await db.interviewQuestion.findFirstOrThrow({
      where: { interviewId: interview.id, questionId: interview.question },
    })
  ).content;

beforeAll(async () => {
  server = await resolveTestServer();
  database = uniqueName("mockroom_chaos");
  await createDatabase(server.adminUrl, database);
  await migrate({ databaseUrl: server.urlFor(database), dir: "prisma/migrations" });
  db = createPrismaClient(server.urlFor(database), { max: 2 });
  await runSeed(db, { demo: false });
  buildIfStale(() => undefined);
  const target = new URL(server.urlFor(database));
  proxy = new DatabaseProxy({ host: target.hostname, port: Number(target.port || 5432) });
  await proxy.start();
});

afterAll(async () => {
  for (const child of running) await child.stop().catch(() => undefined);
  for (const group of launchedGroups) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await proxy?.stop();
  await db?.$disconnect();
  if (database) await dropDatabase(server.adminUrl, database).catch(() => undefined);
  if (server?.embedded?.started) await server.embedded.stop();
});

describe("two instances on one database", () => {
  it("chain each other's writes, detect a stale one, and share sign-in rate limits", async () => {
    const [a, b] = [await startApp(3411), await startApp(3412)];
    const user = await signedInUser();
    const interview = await startInterview(a.base, user.cookie);
    const first = await save(a.base, user.cookie, interview, "written on A", 0);
    expect(first.status).toBe(200);
    const second = await save(b.base, user.cookie, interview, "then on B", first.body!.revision!);
    expect(second.status).toBe(200);
    // A tab still on A's revision: a conflict that carries B's text, not an overwrite.
    const stale = await save(a.base, user.cookie, interview, "stale tab on A", first.body!.revision!);
    expect(stale.status).toBe(409);
    expect(stale.body?.current?.content).toBe("then on B");
    expect(await stored(interview)).toBe("then on B");

    // Wrong passwords alternate between the instances: the limits are in the database, so they hold across them.
    const email = `limited-${crypto.randomUUID()}@example.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await signIn(i % 2 ? b.base : a.base, email, `wrong ${i}`)).status);
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429, 429]);
    await a.process.stop();
    await b.process.stop();
  });
});

describe("signing out on two instances", () => {
  it("a session token captured before sign-out gets 401 after it, on page and API routes, on both instances", async () => {
    const [a, b] = [await startApp(3419), await startApp(3420)];
    const email = `signout-${crypto.randomUUID()}@example.test`;
    await db.user.create({ data: { email, passwordHash: await hashPassword("correct horse battery staple") } });
    const { cookies } = await signIn(a.base, email, "correct horse battery staple");
    const captured = cookies.split("; ").find((c) => c.startsWith("next-auth.session-token="))!;
    const routes = async (base: string) => ({
      api: (await fetch(`${base}/api/notes`, { headers: { cookie: captured } })).status,
      hot: (
        await fetch(`${base}/api/interviews/00000000-0000-4000-8000-000000000000`, { headers: { cookie: captured } })
      ).status, // outside Next
      page: await fetch(`${base}/dashboard`, { headers: { cookie: captured }, redirect: "manual" }).then((r) =>
        r.headers.get("location")?.includes("/sign-in") ? "to sign-in" : r.status,
      ),
    });
    expect(await routes(a.base)).toEqual({ api: 200, hot: 404, page: 200 });
    expect(await routes(b.base)).toEqual({ api: 200, hot: 404, page: 200 }); // B has now seen the session live

    // Sign out through B, as the browser does (next-auth's CSRF-checked form).
    const csrf = await fetch(`${b.base}/api/auth/csrf`, { headers: { cookie: cookies } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const jar = [cookies, ...csrf.headers.getSetCookie().map((c) => c.split(";")[0])].join("; ");
    const out = await fetch(`${b.base}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
      body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
    });
    expect(out.status).toBe(302);
    const ended = { api: 401, hot: 401, page: "to sign-in" };
    expect(await routes(b.base)).toEqual(ended);
    // A remembered the session live for at most SESSION_CHECK_TTL_MS (5 s); within that, it is refused there too.
    const deadline = Date.now() + 5_500;
    let onA = await routes(a.base);
    while (JSON.stringify(onA) !== JSON.stringify(ended) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      onA = await routes(a.base);
    }
    expect(onA).toEqual(ended);
    expect(await (await fetch(`${a.base}/api/auth/session`, { headers: { cookie: captured } })).json()).toEqual({});
    await a.process.stop();
    await b.process.stop();
  });
});

describe("scale-out start", () => {
  it(
    "three `npm start`s at once on a fresh database all come up (migrations and seed take turns)",
    { timeout: 120_000 },
    async () => {
      const fresh = uniqueName("mockroom_chaos_start");
      await createDatabase(server.adminUrl, fresh);
      const starts = [3421, 3422, 3423].map((port) => ({
        port,
        ...launch(["--import", "tsx", "lib/cli/start.ts"], /ready in/, {
          env: {
            ...process.env,
            DATABASE_URL: server.urlFor(fresh),
            PORT: String(port),
            HOST: "127.0.0.1",
            NODE_ENV: "production",
            AUTH_SECRET: SECRET,
            LOG_LEVEL: "warn",
          },
        }),
      }));
      try {
        for (const start of starts) {
          const output = await start.ready;
          expect(output, `instance on ${start.port}`).toMatch(/ready in/);
          // Its first health check opens the pool's first connection, which on a loaded host can take longer than
          // the check's 2 s: up within 15 s is what is asserted.
          let status = 0;
          for (const until = Date.now() + 15_000; status !== 200 && Date.now() < until;) {
            status = (await fetch(`http://127.0.0.1:${start.port}/api/health`)).status;
            if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 500));
          }
          expect(status, `health of the instance on ${start.port}`).toBe(200);
        }
        const client = createPrismaClient(server.urlFor(fresh), { max: 1 });
        expect(await client.topic.count()).toBeGreaterThan(10); // seeded once, fully
        await client.$disconnect();
      } finally {
        await Promise.all(
          starts.map(
            (s) =>
              new Promise((resolve) => {
                if (s.child.exitCode !== null) return resolve(null);
                s.child.once("exit", resolve);
                process.kill(-s.child.pid!, "SIGINT"); // the start and the server it spawned
              }),
          ),
        );
        await dropDatabase(server.adminUrl, fresh).catch(() => undefined);
      }
    },
  );
});

describe("the container image's folder", () => {
  it("runs alone: copied out of the repository, two replicas migrate, seed and serve; SIGTERM exits cleanly", async () => {
    // What the Dockerfile's last stage copies (.next/standalone, completed by the build), away from the
    // repository's node_modules, run with plain Node as the image's CMD does.
    assembleStandalone();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mockroom-image-"));
    // Symlinks copied as they are (as Docker's COPY does): Node's default would point the trace's relative
    // links (.next/node_modules/*) back into the repository, and the copy would load half its modules there.
    fs.cpSync(STANDALONE_DIR, folder, { recursive: true, verbatimSymlinks: true });
    for (const link of linksIn(folder))
      expect(path.resolve(path.dirname(link), fs.readlinkSync(link)), link).toMatch(new RegExp(`^${folder}/`));
    const fresh = uniqueName("mockroom_chaos_image");
    await createDatabase(server.adminUrl, fresh);
    const replicas = [3431, 3432].map((port) => ({
      base: `http://127.0.0.1:${port}`,
      ...launch(["--max-old-space-size=256", path.join(folder, CONTAINER_ENTRY)], /ready on/, {
        cwd: "/",
        env: {
          PATH: process.env.PATH,
          DATABASE_URL: server.urlFor(fresh),
          AUTH_SECRET: SECRET,
          PORT: String(port),
          HOST: "127.0.0.1",
          NODE_ENV: "production",
          LOG_LEVEL: "warn",
          NEXT_TELEMETRY_DISABLED: "1",
        },
      }),
    }));
    try {
      for (const replica of replicas) expect(await replica.ready).toMatch(/ready on/);
      const [one, two] = replicas as [(typeof replicas)[number], (typeof replicas)[number]];
      // Pages with their scripts, the API, and a signed-in write: argon2 (native), Prisma and pg all load.
      const html = await (await fetch(`${one.base}/questions`)).text();
      expect(html).toContain("Questions");
      const script = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
      expect(script).toBeDefined();
      expect((await fetch(`${two.base}${script}`)).status).toBe(200);
      // Markdown, rendered by the folder's own worker bundle (.next/mockroom/markdown-worker.cjs), code highlighted.
      const question = await (await fetch(`${one.base}/questions/what-is-drf-and-why-use-it`)).text();
      expect(question).toContain('<pre class="shiki');
      expect(question).not.toContain("could not be formatted in time");
      // The Python runner's files, read from the folder's own node_modules/pyodide and lib/coding.
      for (const file of ["python_stdlib.zip", "pyodide.asm.wasm", "worker.mjs"])
        expect((await fetch(`${one.base}${RUNNER_BASE}${file}`)).status, file).toBe(200);
      const email = `image-${crypto.randomUUID()}@example.test`;
      const registered = await fetch(`${one.base}/api/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: "correct horse battery staple", name: "Image" }),
      });
      expect(registered.status).toBe(201);
      const csrf = await fetch(`${two.base}/api/auth/csrf`);
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const signIn = await fetch(`${two.base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: csrf.headers
            .getSetCookie()
            .map((c) => c.split(";")[0])
            .join("; "),
        },
        body: new URLSearchParams({ csrfToken, email, password: "correct horse battery staple" }),
      });
      const session = signIn.headers
        .getSetCookie()
        .find((c) => c.startsWith("next-auth.session-token="))
        ?.split(";")[0];
      expect(session).toBeDefined();
      expect((await startInterview(one.base, session!)).id).toMatch(/^[0-9a-f-]{36}$/);
      // The `user` command an operator runs in the container (README, "Accounts, sessions and admins").
      const granted = spawnSync(process.execPath, [path.join(folder, CONTAINER_ENTRY), "user", "grant-admin", email], {
        cwd: "/",
        encoding: "utf8",
        env: { PATH: process.env.PATH, DATABASE_URL: server.urlFor(fresh), LOG_LEVEL: "warn", NODE_ENV: "production" },
      });
      expect(granted.stderr).toBe("");
      expect(granted.stdout.trim()).toBe(`${email} is now an admin.`);
      for (const replica of replicas) {
        const exited = new Promise((resolve) => replica.child.once("exit", resolve));
        replica.child.kill("SIGTERM");
        expect(await exited).toBe(0);
      }
    } finally {
      for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill("SIGKILL");
      fs.rmSync(folder, { recursive: true, force: true });
      await dropDatabase(server.adminUrl, fresh).catch(() => undefined);
    }
  });
});

describe("crashes", () => {
  it("kill -9 of the server under `npm start`: it is started again (the log says why) and answers within 10 s", async () => {
    const port = 3424;
    const base = `http://127.0.0.1:${port}`;
    const app = launch(["--import", "tsx", "lib/cli/start.ts"], /ready in/, {
      env: {
        ...process.env,
        DATABASE_URL: server.urlFor(database),
        PORT: String(port),
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        AUTH_SECRET: SECRET,
        LOG_LEVEL: "warn",
      },
    });
    // GET /api/ping answers without the database: "the app answers", whatever the database's load.
    const ping = () =>
      fetch(`${base}/api/ping`, { signal: AbortSignal.timeout(3_000) }).then(
        (r) => r.status,
        () => 0,
      );
    try {
      const output = await app.ready;
      const pid = Number(output.match(/server pid (\d+) ready/)?.[1]);
      expect(pid, output).toBeGreaterThan(0);
      expect(await ping()).toBe(200);

      process.kill(pid, "SIGKILL");
      const killed = Date.now();
      let status = 0;
      while (status !== 200 && Date.now() - killed < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await ping();
      }
      const seconds = (Date.now() - killed) / 1000;
      expect(status, `no answer ${seconds.toFixed(1)} s after the kill:\n${app.output()}`).toBe(200);
      expect(seconds).toBeLessThan(10);
      expect(app.child.exitCode).toBeNull(); // `npm start` itself kept running
      const pids = [...app.output().matchAll(/server pid (\d+) ready/g)].map((m) => Number(m[1]));
      expect(pids).toHaveLength(2);
      expect(pids[1]).not.toBe(pid);
      expect(app.output()).toMatch(/server killed by SIGKILL .* starting it again in 0\.5 s/);
      console.info(`kill -9 under npm start: answering again after ${seconds.toFixed(1)} s`);
    } finally {
      await new Promise((resolve) => {
        if (app.child.exitCode !== null) return resolve(null);
        app.child.once("exit", resolve);
        app.child.kill("SIGINT");
      });
    }
  });

  it("SIGKILL in the middle of autosaves loses no acknowledged write", async () => {
    let app = await startApp(3413);
    const writers = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const user = await signedInUser();
        return {
          user,
          interview: await startInterview(app.base, user.cookie),
          revision: 0,
          acknowledged: "",
          n: 0,
          acks: 0,
          unanswered: 0,
        };
      }),
    );
    let stop = false;
    const loops = writers.map(async (w) => {
      while (!stop) {
        const content = `save ${++w.n} at ${Date.now()}`;
        const result = await save(app.base, w.user.cookie, w.interview, content, w.revision).catch(() => null);
        if (result?.status === 200 && typeof result.body?.revision === "number") {
          w.revision = result.body.revision;
          w.acknowledged = content;
          w.acks++;
        } else if (result?.status === 409 && result.body?.current) {
          // The write in flight at the kill may have committed without an answer: adopt what is stored.
          w.revision = result.body.current.revision;
          w.acknowledged = result.body.current.content;
        } else {
          // No answer, or a 200 whose body the kill cut short: not acknowledged, whether or not it committed.
          w.unanswered++;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    app.process.child.kill("SIGKILL");
    await new Promise((resolve) => app.process.child.once("exit", resolve));
    app = await startApp(3413);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    stop = true;
    await Promise.all(loops);
    let matching = 0;
    for (const w of writers) {
      expect(w.n).toBeGreaterThan(3);
      expect(await stored(w.interview)).toBe(w.acknowledged);
      matching++;
    }
    const sum = (pick: (w: (typeof writers)[number]) => number) => writers.reduce((total, w) => total + pick(w), 0);
    console.info(
      `SIGKILL: ${sum((w) => w.acks)} saves acknowledged and ${sum((w) => w.unanswered)} unanswered by 8 writers; ${matching}/8 answers hold their last acknowledged save`,
    );
    await app.process.stop();
  });

  it("SIGTERM lets a request in flight finish before the process exits", async () => {
    const app = await startApp(3414);
    const user = await signedInUser();
    const interview = await startInterview(app.base, user.cookie);
    proxy.delayMs = 300;
    try {
      const pending = save(app.base, user.cookie, interview, "saved while shutting down", 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const exited = app.process.stop();
      expect((await pending).status).toBe(200);
      expect(await exited).toBe(0);
    } finally {
      proxy.delayMs = 0;
    }
    expect(await stored(interview)).toBe("saved while shutting down");
  });
});

/** A page the page cache keeps for visitors without a session, whose data is not cached yet (a new search). */
const ANONYMOUS_PAGE = "/questions?q=outage%20anonymous";

describe("the database", () => {
  it("going away answers 503 (never 500) and nothing half-written; it comes back by itself", async () => {
    const app = await startApp(3415);
    const user = await signedInUser();
    const interview = await startInterview(app.base, user.cookie);
    expect((await save(app.base, user.cookie, interview, "before the outage", 0)).status).toBe(200);
    proxy.cut();
    try {
      const during = await save(app.base, user.cookie, interview, "during the outage", 1);
      expect(during.status).toBe(503);
      expect(during.body?.error?.code).toBe("UNAVAILABLE");
      expect((await fetch(`${app.base}/api/health`)).status).toBe(503);
      // Reads too (a search not cached yet): every way a connection drops is an outage, not a 500.
      for (const path of [
        "/api/questions?q=outage",
        "/api/topics",
        `/api/interviews/${interview.id}`,
        "/questions?q=outage",
      ]) {
        const response = await fetch(`${app.base}${path}`, { headers: { cookie: user.cookie } });
        expect([200, 503], `${path}: HTTP ${response.status}`).toContain(response.status);
      }
      // An anonymous visitor's page that failed for want of the database is never kept by the page cache.
      const anonymous = await fetch(`${app.base}${ANONYMOUS_PAGE}`);
      expect([200, 503], `${ANONYMOUS_PAGE}: HTTP ${anonymous.status}`).toContain(anonymous.status);
      expect(anonymous.headers.get("x-mockroom-page-cache")).toBe("miss");
    } finally {
      proxy.restore();
    }
    expect(await stored(interview)).toBe("before the outage");
    // The same save, retried after the outage, lands at the same revision.
    let after = await save(app.base, user.cookie, interview, "during the outage", 1);
    for (let i = 0; i < 20 && after.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await save(app.base, user.cookie, interview, "during the outage", 1);
    }
    expect(after.status).toBe(200);
    expect(await stored(interview)).toBe("during the outage");
    const recovered = await fetch(`${app.base}${ANONYMOUS_PAGE}`);
    expect(recovered.status).toBe(200);
    expect(recovered.headers.get("x-mockroom-page-cache"), "the page rendered during the outage was served again").toBe(
      "miss",
    );
    expect(await recovered.text()).not.toContain("Something went wrong");
    await app.process.stop();
  });

  it("slowing down makes requests slower, not failed", async () => {
    const app = await startApp(3416);
    const user = await signedInUser();
    const interview = await startInterview(app.base, user.cookie);
    proxy.delayMs = 150;
    try {
      const started = Date.now();
      const results = await Promise.all(
        [0, 1, 2].map(() => fetch(`${app.base}/api/interviews/${interview.id}`, { headers: { cookie: user.cookie } })),
      );
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(Date.now() - started).toBeGreaterThan(150);
      expect((await save(app.base, user.cookie, interview, "slow but saved", 0)).status).toBe(200);
    } finally {
      proxy.delayMs = 0;
    }
    expect(await stored(interview)).toBe("slow but saved");
    await app.process.stop();
  });

  it("too slow to answer: requests fail within the query timeout with a clear 503, then the pool recovers", async () => {
    const app = await startApp(3417, { DB_QUERY_TIMEOUT_MS: "1000" });
    const user = await signedInUser();
    const interview = await startInterview(app.base, user.cookie);
    proxy.delayMs = 3_000;
    try {
      const started = Date.now();
      // More requests than the pool has connections (4): the ones that wait for a connection time out too.
      const reads = await Promise.all(
        Array.from({ length: 6 }, () =>
          fetch(`${app.base}/api/interviews/${interview.id}`, { headers: { cookie: user.cookie } }),
        ),
      );
      const write = await save(app.base, user.cookie, interview, "typed while the database crawled", 0);
      expect(Date.now() - started).toBeLessThan(6_000); // not the 3 s x several round trips a query would take
      for (const response of reads) {
        expect(response.status).toBe(503);
        const body = (await response.json()) as { error: { code: string; message: string } };
        expect(body.error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/taking too long/) });
      }
      expect(write.status).toBe(503);
    } finally {
      proxy.delayMs = 0;
    }
    // No restart: timed-out connections were dropped and new ones serve the next requests.
    let after = await save(app.base, user.cookie, interview, "saved once it was fast again", 0);
    for (let i = 0; i < 40 && after.status === 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await save(app.base, user.cookie, interview, "saved once it was fast again", 0);
    }
    expect(after.status).toBe(200);
    expect(await stored(interview)).toBe("saved once it was fast again");
    const reads = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${app.base}/api/interviews/${interview.id}`, { headers: { cookie: user.cookie } }),
      ),
    );
    expect(reads.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    await app.process.stop();
  });
});

describe("in the browser", () => {
  /** Waits until the answer's save status reads `text`. */
  const saveStatus = (page: Page, text: RegExp) =>
    page.getByTestId("save-status").filter({ hasText: text }).waitFor({ timeout: 15_000 });

  it("a database outage mid-interview: friendly errors, the draft kept on the device, saved after recovery without a restart", async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error(NO_CHROMIUM_MESSAGE);
    const app = await startApp(3418);
    const user = await signedInUser();
    const interview = await startInterview(app.base, user.cookie);
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ baseURL: app.base });
      await context.addCookies([
        { name: "next-auth.session-token", value: user.token, url: app.base, httpOnly: true, sameSite: "Lax" },
      ]);
      const page = await context.newPage();
      await page.goto(`/interviews/${interview.id}`);
      const editor = page.getByRole("textbox", { name: /Your answer to question/ });
      await editor.click();
      await page.keyboard.type("Typed before the outage.");
      await saveStatus(page, /^Saved$/);

      proxy.cut();
      try {
        await page.keyboard.type(" Typed while the database was down.");
        await saveStatus(page, /Offline/); // the save got 503: kept on this device, retried
        expect(await page.evaluate(() => Object.values(localStorage).join("\n"))).toContain(
          "Typed while the database was down.",
        );
        expect((await fetch(`${app.base}/api/health`)).status).toBe(503);
        // Pages that need the database say so in words, with a way to retry, and keep the app's frame.
        const other = await context.newPage();
        const dashboard = await other.goto("/dashboard");
        expect(dashboard?.status()).toBe(503);
        expect(dashboard?.headers()["retry-after"]).toBe("5");
        await other.getByRole("alert").filter({ hasText: "Something went wrong" }).waitFor();
        expect(await other.getByRole("button", { name: "Try again" }).isVisible()).toBe(true);
        // Reloading the interview itself during the outage shows the same message; the draft stays stored.
        expect((await page.reload())?.status()).toBe(503);
        await page.getByRole("alert").filter({ hasText: "Nothing you saved is lost" }).waitFor();
        expect(await page.evaluate(() => Object.values(localStorage).join("\n"))).toContain(
          "Typed while the database was down.",
        );
        expect(await stored(interview)).toBe("Typed before the outage.");
      } finally {
        proxy.restore();
      }

      // Back up, same server process: the page loads, restores the draft and saves it.
      await page.reload();
      await saveStatus(page, /^Saved$/);
      expect(await stored(interview)).toBe("Typed before the outage. Typed while the database was down.");
      expect(await page.evaluate(() => Object.values(localStorage).join("\n"))).not.toContain(
        "Typed while the database was down.",
      );
    } finally {
      await browser.close();
      await app.process.stop();
    }
  });
});
