// PostgreSQL refuses to run as root. When we are root (containers, fresh VMs), the server runs as an
// unprivileged `postgres` user, which must be able to reach both the binaries and the data folder.
// A project under /root (mode 0700) is out of its reach: then binaries and data move to
// /var/lib/mockroom and .data/<name> becomes a link to the data, and the start log says so.
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type RunAs = { uid: number; gid: number };
type Binaries = { postgres: string; initdb: string; pg_ctl: string };

const SHARED_ROOT = "/var/lib/mockroom";

function postgresUser(log: (line: string) => void): RunAs {
  const lookup = () => {
    const entry = spawnSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).stdout.trim();
    const [, , uid, gid] = entry.split(":");
    return entry ? { uid: Number(uid), gid: Number(gid) } : null;
  };
  const found = lookup();
  if (found) return found;
  log("Creating the system user 'postgres' to run the embedded PostgreSQL (it refuses to run as root).");
  spawnSync("groupadd", ["--system", "postgres"]);
  execFileSync("useradd", [
    "--system",
    "--gid",
    "postgres",
    "--no-create-home",
    "--shell",
    "/usr/sbin/nologin",
    "postgres",
  ]);
  const created = lookup();
  if (!created) throw new Error("Could not create a 'postgres' user to run the embedded PostgreSQL as.");
  return created;
}

function canReach(runAs: RunAs, target: string): boolean {
  return spawnSync("sh", ["-c", 'test -x "$1"', "sh", target], runAs).status === 0;
}

export function prepareRootAccess(options: {
  binaries: Binaries;
  stateDir: string;
  name: string;
  log: (line: string) => void;
}): {
  binaries: Binaries;
  dataDir: string;
  runAs: RunAs | null;
} {
  const dataLink = path.join(options.stateDir, options.name);
  if (process.getuid?.() !== 0) return { binaries: options.binaries, dataDir: dataLink, runAs: null };

  const runAs = postgresUser(options.log);
  let binaries = options.binaries;
  if (!canReach(runAs, binaries.postgres)) {
    const nativeDir = path.dirname(path.dirname(binaries.postgres));
    const version =
      fs.readFileSync(path.join(nativeDir, "..", "package.json"), "utf8").match(/"version":\s*"([^"]+)"/)?.[1] ??
      "unknown";
    const target = path.join(SHARED_ROOT, `postgres-${version}`);
    if (!fs.existsSync(path.join(target, "bin", "postgres"))) {
      options.log(`The postgres user cannot reach ${nativeDir}; copying the PostgreSQL binaries to ${target}.`);
      fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
      fs.rmSync(`${target}.tmp`, { recursive: true, force: true });
      fs.cpSync(nativeDir, `${target}.tmp`, { recursive: true, verbatimSymlinks: true });
      fs.renameSync(`${target}.tmp`, target);
    }
    binaries = {
      postgres: path.join(target, "bin", "postgres"),
      initdb: path.join(target, "bin", "initdb"),
      pg_ctl: path.join(target, "bin", "pg_ctl"),
    };
  }

  let dataDir = dataLink;
  const isLink = fs.lstatSync(dataLink, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  if (isLink) {
    dataDir = fs.readlinkSync(dataLink);
  } else if (!canReach(runAs, options.stateDir)) {
    const id = crypto.createHash("sha256").update(path.resolve(options.stateDir)).digest("hex").slice(0, 12);
    dataDir = path.join(SHARED_ROOT, `data-${id}`, options.name);
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    if (fs.existsSync(dataLink)) fs.rmSync(dataLink, { recursive: true, force: true });
    fs.symlinkSync(dataDir, dataLink);
    options.log(
      `The postgres user cannot reach ${options.stateDir}; the database lives in ${dataDir} (linked from ${dataLink}).`,
    );
  }
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chownSync(dataDir, runAs.uid, runAs.gid);
  fs.chmodSync(dataDir, 0o700);
  return { binaries, dataDir, runAs };
}
