// `npm run bench [-- --quick]`: builds the production app, fills a separate database (mockroom_bench) with
// synthetic data at scale, serves it from a process of its own, drives load with autocannon from this one,
// and checks the budgets (bench/budgets.ts). Exits 1 when a budget is missed.
import { execFileSync, fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { buildIfStale } from "../lib/cli/build";
import { readEnv } from "../lib/config";
import { importGuide } from "../lib/importer/import-guide";
import { parseGuide } from "../lib/importer/parse-guide";
import { migrate } from "../lib/migrations/runner";
import { hashPassword } from "../lib/password";
import { startEmbeddedPostgres, type EmbeddedServer } from "../lib/postgres/embedded";
import { createPrismaClient } from "../lib/prisma-client";
import { runSeed } from "../seed/load";
import { checkBudgets, type RouteResult } from "./budgets";
import { FULL, generate, QUICK } from "./generate";

const quick = process.argv.includes("--quick");
const scale = quick ? QUICK : FULL;
const DURATION = quick ? 10 : 15;
const WARMUP = quick ? 2 : 3;
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const SECRET = "bench-secret-bench-secret-bench-secret-0123";
const DATABASE = "mockroom_bench";
const log = (line: string) => console.log(line);

type Scenario = {
  name: string;
  /** Key for budgets and the query counts. */
  key: string;
  connections: number;
  requests: autocannon.Request[];
  initialContext?: Record<string, unknown>;
};

async function resolveServer(): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const configured = readEnv().DATABASE_URL;
  if (configured) {
    const url = new URL(configured);
    url.pathname = `/${DATABASE}`;
    return { url: url.toString(), embedded: null };
  }
  const embedded = await startEmbeddedPostgres({ stateDir: path.resolve(".data"), name: "postgres", log });
  return { url: embedded.url(DATABASE), embedded };
}

async function recreateDatabase(url: string) {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`drop database if exists "${DATABASE}" with (force)`);
  await client.query(`create database "${DATABASE}"`);
  await client.end();
}

function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; stats?: T }) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message.stats as T);
    };
    child.on("message", onMessage);
    child.send({ type });
  });
}

async function load(scenario: Scenario, child: ChildProcess, duration: number, record: boolean): Promise<RouteResult> {
  const latencies: number[] = [];
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(child.pid!))), 200);
  if (record) child.send({ type: "reset" });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: BASE,
        connections: scenario.connections,
        duration,
        headers: { "x-bench-route": scenario.key },
        requests: scenario.requests,
        initialContext: scenario.initialContext,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  clearInterval(sampler);
  const stats = record ? await ask<Record<string, { requests: number; queries: number }>>(child, "stats") : {};
  latencies.sort((a, b) => a - b);
  const counted = stats[scenario.key];
  return {
    name: scenario.name,
    key: scenario.key,
    connections: scenario.connections,
    requests: result.requests.total,
    rps: result.requests.total / duration,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts + result.non2xx,
    queriesPerRequest: counted && counted.requests ? counted.queries / counted.requests : null,
    peakRssMb: peakRss / 1024 / 1024,
  };
}

/**
 * The autosave load: one loop per interview (50 in flight at once), each PUT carrying the revision the
 * previous answer acknowledged, for DURATION seconds. Records what was acknowledged last, per interview.
 */
async function autosave(owned: { id: string; questionId: string; cookie: string }[], child: ChildProcess, acknowledged: Map<string, string>): Promise<RouteResult> {
  const latencies: number[] = [];
  let errors = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(child.pid!))), 200);
  const until = Date.now() + DURATION * 1000;
  await Promise.all(
    owned.map(async (interview, slot) => {
      let revision = 0;
      for (let n = 1; Date.now() < until; n++) {
        const content = `Answer ${slot}, save ${n}: ${"select_related joins in SQL; prefetch_related runs a second query. ".repeat(4)}`;
        const started = performance.now();
        const response = await fetch(`${BASE}/api/interviews/${interview.id}/answers/${interview.questionId}`, {
          method: "PUT",
          headers: { "content-type": "application/json", cookie: interview.cookie, "x-bench-route": "autosave" },
          body: JSON.stringify({ content, revision }),
        }).catch(() => null);
        const body = (await response?.json().catch(() => null)) as { revision?: number } | null;
        latencies.push(performance.now() - started);
        if (response?.status === 200 && typeof body?.revision === "number") {
          revision = body.revision;
          acknowledged.set(interview.id, content);
        } else errors++;
      }
    }),
  );
  clearInterval(sampler);
  const stats = await ask<Record<string, { requests: number; queries: number }>>(child, "stats");
  latencies.sort((a, b) => a - b);
  const counted = stats.autosave;
  return {
    name: "PUT …/answers/{id} (autosave)", key: "autosave", connections: owned.length, requests: latencies.length, rps: latencies.length / DURATION,
    p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), errors,
    queriesPerRequest: counted && counted.requests ? counted.queries / counted.requests : null, peakRssMb: peakRss / 1024 / 1024,
  };
}

/** Gzipped size of the JavaScript a page loads before any interaction (its <script src> chunks). */
async function firstLoadJs(pathname: string, cookie?: string): Promise<number> {
  const html = await (await fetch(BASE + pathname, { headers: cookie ? { cookie } : {} })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let total = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, BASE))).arrayBuffer());
    total += zlib.gzipSync(body, { level: 9 }).length;
  }
  return total / 1024;
}

async function main() {
  const started = performance.now();
  const commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  log(`Mockroom benchmark (${quick ? "quick" : "full"}): ${scale.questions.toLocaleString("en")} questions, ${scale.users.toLocaleString("en")} users, ` +
    `${scale.interviews.toLocaleString("en")} interviews, ${(scale.interviews * scale.answersPerInterview).toLocaleString("en")} answers, ${scale.notes.toLocaleString("en")} notes`);

  const build = buildIfStale(log);
  log(`Build: ${build.built ? `${(build.ms / 1000).toFixed(1)} s` : "current"}`);

  const { url, embedded } = await resolveServer();
  await recreateDatabase(url);
  await migrate({ databaseUrl: url, dir: path.resolve("prisma/migrations") });
  const db = createPrismaClient(url, { max: 2 });
  let seedSeconds = performance.now();
  await runSeed(db, { demo: false });
  seedSeconds = (performance.now() - seedSeconds) / 1000;
  const guide = parseGuide(fs.readFileSync("tests/fixtures/guides/django-interview-guide.md", "utf8"));
  let importSeconds = performance.now();
  await importGuide(db, guide, { source: "django-interview-guide-copy", dryRun: false });
  importSeconds = (performance.now() - importSeconds) / 1000;
  log(`Seed content: ${seedSeconds.toFixed(1)} s; import the seed guide: ${importSeconds.toFixed(2)} s`);

  log("Generating data:");
  const generateStarted = performance.now();
  const timings = await generate(url, scale, await hashPassword("bench password 0123"), log);
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  log(`Generated in ${generateSeconds.toFixed(1)} s`);

  // Who and what the load uses.
  const users = await db.user.findMany({ where: { email: { startsWith: "bench-" } }, select: { id: true }, orderBy: { email: "asc" } });
  const companies = (await db.companyProfile.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((c) => c.slug);
  const slugs = (await db.question.findMany({ where: { source: "bench" }, select: { slug: true }, take: 500, orderBy: { slug: "asc" } })).map((q) => q.slug);
  const cookieFor = async (id: string) =>
    `next-auth.session-token=${await encode({ token: { sub: id, signedInAt: Math.floor(Date.now() / 1000) }, secret: SECRET, maxAge: 86_400 })}`;
  const cookies = await Promise.all(users.slice(0, 1_000).map((u) => cookieFor(u.id)));

  const child = fork(path.resolve("bench/server.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env, DATABASE_URL: url, PORT: String(PORT), NODE_ENV: "production", AUTH_SECRET: SECRET,
      NEXTAUTH_URL: BASE, LOG_LEVEL: "error", MOCKROOM_COUNT_QUERIES: "1",
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // Never leave the server behind, whatever happens to this process.
  process.on("exit", () => child.kill("SIGKILL"));
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the server exited with ${code}`)));
  });
  log(`Server ready on ${BASE} (pid ${child.pid})`);

  try {
    // A deep cursor: the position of a question about 90% down the list order.
    const deep = await db.$queryRaw<{ slug: string; order: number }[]>`
      select q.slug, t."order" from "Question" q join "Topic" t on t.id = q."topicId" where q."archivedAt" is null
      order by t."order", q.slug offset ${Math.floor(scale.questions * 0.9)} limit 1`;
    const deepCursor = Buffer.from(JSON.stringify({ mode: "topic", key: deep[0]!.order, slug: deep[0]!.slug })).toString("base64url");
    const terms = ["select_related", "prefetch rel", "middleware", "cach", "transaction atomic", "serial", "csrf token", "pagination cursor", "celery retry", "index"];

    // Interviews for autosave and reads: 50 users, each with one practice interview (no clock).
    const owned: { id: string; questionId: string; cookie: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const response = await fetch(`${BASE}/api/interviews`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: cookies[i]! },
        body: JSON.stringify({ company: companies[0], mode: "practice" }),
      });
      const body = (await response.json()) as { id: string; questions: { id: string }[] };
      owned.push({ id: body.id, questionId: body.questions[0]!.id, cookie: cookies[i]! });
    }
    const acknowledged = new Map<string, string>();
    let startCounter = 0;
    let rotate = 0;
    const pick = <T>(list: T[]) => list[rotate++ % list.length]!;

    const scenarios: Scenario[] = [
      { name: "Baseline: GET /api/ping", key: "baseline", connections: 20, requests: [{ method: "GET", path: "/api/ping" }] },
      { name: "GET /api/questions (first page)", key: "list-first", connections: 20, requests: [{ method: "GET", path: "/api/questions" }] },
      { name: "GET /api/questions (deep cursor)", key: "list-deep", connections: 20, requests: [{ method: "GET", path: `/api/questions?cursor=${deepCursor}` }] },
      {
        name: "GET /api/questions?q= (search)", key: "search", connections: 20,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/questions?q=${encodeURIComponent(pick(terms))}` }) }],
      },
      { name: "GET /questions (HTML)", key: "page-list", connections: 10, requests: [{ method: "GET", path: "/questions" }] },
      {
        name: "GET /questions/[slug] (HTML)", key: "page-question", connections: 10,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/questions/${pick(slugs)}` }) }],
      },
      {
        name: "POST /api/interviews (start)", key: "start", connections: 10,
        requests: [{
          method: "POST",
          setupRequest: (req) => {
            const n = startCounter++;
            const user = 50 + Math.floor(n / companies.length);
            return { ...req, path: "/api/interviews", headers: { ...req.headers, "content-type": "application/json", cookie: cookies[user % cookies.length]! }, body: JSON.stringify({ company: companies[n % companies.length], mode: "strict" }) };
          },
        }],
      },
      {
        name: "GET /api/interviews/{id}", key: "get-interview", connections: 20,
        requests: [{ method: "GET", setupRequest: (req) => { const o = pick(owned); return { ...req, path: `/api/interviews/${o.id}`, headers: { ...req.headers, cookie: o.cookie } }; } }],
      },
      {
        name: "GET /api/notes?q= (notes search)", key: "notes-search", connections: 20,
        requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/api/notes?q=${encodeURIComponent(pick(terms))}`, headers: { ...req.headers, cookie: pick(cookies) } }) }],
      },
    ];

    const results: RouteResult[] = [];
    const show = (r: RouteResult) =>
      log(`  ${r.name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}`);
    for (const scenario of scenarios) {
      await load(scenario, child, WARMUP, false);
      results.push(await load(scenario, child, DURATION, true));
      show(results.at(-1)!);
    }
    // Autosave: 50 connections, each on its own interview, each save at the revision the last one returned.
    child.send({ type: "reset" });
    results.push(await autosave(owned, child, acknowledged));
    show(results.at(-1)!);

    // Every autosaved answer holds exactly the last write the server acknowledged.
    let mismatched = 0;
    for (const interview of owned) {
      const stored = await db.interviewQuestion.findFirst({ where: { interviewId: interview.id, questionId: interview.questionId }, select: { content: true } });
      if (acknowledged.has(interview.id) && stored?.content !== acknowledged.get(interview.id)) mismatched++;
    }

    const writtenInterview = owned[0]!;
    const js = {
      "/questions": await firstLoadJs("/questions"),
      "/questions/[slug]": await firstLoadJs(`/questions/${slugs[0]}`, writtenInterview.cookie),
      "/interviews/[id]": await firstLoadJs(`/interviews/${writtenInterview.id}`, writtenInterview.cookie),
      "/dashboard": await firstLoadJs("/dashboard", writtenInterview.cookie),
    };

    const report = {
      date: new Date().toISOString(), commit, mode: quick ? "quick" : "full", scale,
      machine: { cpus: (await import("node:os")).cpus().length, cpu: (await import("node:os")).cpus()[0]?.model, memoryGb: Math.round((await import("node:os")).totalmem() / 2 ** 30), node: process.version },
      seconds: { build: build.ms / 1000, seedContent: seedSeconds, importGuide: importSeconds, generate: generateSeconds, steps: timings },
      routes: results, autosaveMismatches: mismatched, autosaveChecked: acknowledged.size, firstLoadJsKb: js,
    };
    const failures = checkBudgets(report);
    const table = markdownTable(report.routes);
    const day = report.date.slice(0, 10);
    fs.mkdirSync("bench/results", { recursive: true });
    fs.writeFileSync(`bench/results/${day}-${commit}${quick ? "-quick" : ""}.json`, JSON.stringify({ ...report, failures }, null, 2) + "\n");
    log("\n" + table + "\n");
    log(`First-load JS (gzip): ${Object.entries(js).map(([p, kb]) => `${p} ${kb.toFixed(0)} KB`).join(", ")}`);
    log(`Autosave: ${acknowledged.size} answers checked, ${mismatched} differ from the last acknowledged write`);
    log(`Total ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (failures.length) {
      log(`\n${failures.length} budget(s) missed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
      process.exitCode = 1;
    } else log("\nAll budgets hold.");
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await db.$disconnect();
    if (embedded?.started) await embedded.stop();
  }
}

function markdownTable(routes: RouteResult[]): string {
  const baseline = routes.find((r) => r.key === "baseline")?.rps ?? 1;
  const rows = routes.map((r) =>
    `| ${r.name} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ${Math.round((r.rps / baseline) * 100)}% | ${r.queriesPerRequest === null ? "–" : r.queriesPerRequest.toFixed(1)} | ${r.peakRssMb.toFixed(0)} |`);
  return ["| Route | Conn. | Req/s | p50 ms | p95 ms | p99 ms | Errors | Of baseline | Queries/req | Peak RSS MB |", "| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: |", ...rows].join("\n");
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
