import { EventEmitter } from "node:events";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ServerProcess } from "@/lib/cli/serve";
import { Backoff, describeExit, FIRST_DELAY_MS, HEALTHY_AFTER_MS, MAX_DELAY_MS, supervise } from "@/lib/cli/supervise";

describe("the restart backoff", () => {
  it("doubles from 0.5 s up to 30 s while the server keeps dying young, and starts over after a healthy run", () => {
    const backoff = new Backoff();
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map(() => backoff.next(1_000))).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
    expect(backoff.next(HEALTHY_AFTER_MS)).toBe(FIRST_DELAY_MS);
    expect(backoff.next(10)).toBe(1_000);
  });

  it("never waits less than the first pause or more than the longest, and never spins, whatever the run times", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10 * HEALTHY_AFTER_MS }), { minLength: 1, maxLength: 200 }), (runs) => {
        const backoff = new Backoff();
        let previous = 0;
        for (const ran of runs) {
          const delay = backoff.next(ran);
          expect(delay).toBeGreaterThanOrEqual(FIRST_DELAY_MS);
          expect(delay).toBeLessThanOrEqual(MAX_DELAY_MS);
          // A crash soon after a start waits at least as long as the last pause (or the longest).
          if (ran < HEALTHY_AFTER_MS && previous)
            expect(delay).toBeGreaterThanOrEqual(Math.min(previous * 2, MAX_DELAY_MS));
          previous = delay;
        }
      }),
    );
  });

  it("says why the server ended", () => {
    expect(describeExit(null, "SIGKILL")).toMatch(/out-of-memory killer/);
    expect(describeExit(134, null)).toMatch(/heap out of memory/);
    expect(describeExit(null, "SIGABRT")).toMatch(/heap out of memory/);
    expect(describeExit(1, null)).toBe("exited with code 1");
  });
});

/** A stand-in for a forked server: `die` makes it exit on its own. */
function fakeServer(): ServerProcess & { die: (signal: NodeJS.Signals) => void; stopped: boolean } {
  const child = Object.assign(new EventEmitter(), { pid: Math.floor(Math.random() * 1e6) });
  const server = {
    child: child as unknown as ServerProcess["child"],
    url: "http://127.0.0.1:1",
    stopped: false,
    stop: async () => {
      server.stopped = true;
      child.emit("exit", 0, null);
      return 0;
    },
    die: (signal: NodeJS.Signals) => child.emit("exit", null, signal),
  };
  return server;
}

/** Pauses of 1 ms, so the test does not wait for the real ones. */
class QuickBackoff extends Backoff {
  delays: number[] = [];
  next(ranMs: number) {
    this.delays.push(super.next(ranMs));
    return 1;
  }
}

const tick = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (up to 5 s) until `done` holds: timers of 1 ms may fire late on a busy machine. */
async function until(done: () => boolean) {
  for (let waited = 0; !done() && waited < 5_000; waited += 10) await tick(10);
}

describe("supervise", () => {
  it("starts the server again when it dies, keeps trying when a start fails, logs why, and stops for good on stop()", async () => {
    const servers: ReturnType<typeof fakeServer>[] = [];
    let failNext = false;
    const start = async () => {
      if (failNext) {
        failNext = false;
        throw new Error("the server exited with code 1 before it was ready");
      }
      const server = fakeServer();
      servers.push(server);
      return server;
    };
    const lines: string[] = [];
    const backoff = new QuickBackoff();
    const supervisor = await supervise(start, (line) => lines.push(line), backoff);
    expect(servers).toHaveLength(1);

    failNext = true;
    servers[0]!.die("SIGKILL");
    await until(() => servers.length === 2);
    expect(servers, lines.join("\n")).toHaveLength(2); // the failed start was retried
    expect(lines.some((l) => /killed by SIGKILL .* starting it again in/.test(l))).toBe(true);
    expect(lines.some((l) => /failed to start \(the server exited with code 1/.test(l))).toBe(true);
    expect(backoff.delays).toEqual([500, 1_000]); // the second crash came quickly: a longer pause

    await supervisor.stop();
    expect(servers[1]!.stopped).toBe(true);
    await tick(200);
    expect(servers).toHaveLength(2); // a stopped server is not started again
  });

  it("throws when the first start fails, instead of retrying a misconfiguration forever", async () => {
    await expect(
      supervise(
        async () => Promise.reject(new Error("port in use")),
        () => undefined,
      ),
    ).rejects.toThrow("port in use");
  });
});
