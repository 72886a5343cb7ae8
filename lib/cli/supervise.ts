// `npm start` keeps the server up: when the server process dies by itself (out of memory, a fault, a kill),
// it is started again after a pause that doubles while it keeps dying young, and the reason is logged.
import type { ServerProcess } from "./serve";

/** First pause before a restart, and the longest. */
export const FIRST_DELAY_MS = 500;
export const MAX_DELAY_MS = 30_000;
/** A server that ran this long before dying was healthy: the next restart waits the first pause again. */
export const HEALTHY_AFTER_MS = 60_000;

/**
 * Pauses between restarts: 0.5 s, 1 s, 2 s … up to 30 s while the server keeps dying within a minute of
 * starting (a crash loop must not spin), back to 0.5 s once it had run for a minute.
 */
export class Backoff {
  private failures = 0;

  /** The pause before the next start, given how long the process that just ended had run. */
  next(ranMs: number): number {
    this.failures = ranMs >= HEALTHY_AFTER_MS ? 1 : this.failures + 1;
    return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (this.failures - 1));
  }
}

/** Why a process ended, in words for the log. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === "SIGKILL") return "killed by SIGKILL (the system's out-of-memory killer, or kill -9)";
  if (signal === "SIGABRT" || code === 134)
    return "aborted (a fatal error such as JavaScript heap out of memory: see the lines above)";
  if (signal) return `ended by ${signal}`;
  return `exited with code ${code}`;
}

type Supervisor = { stop: () => Promise<void> };

/**
 * Runs the server from `start` and starts it again whenever it ends on its own, until `stop`. `start`
 * resolves once the server is ready (lib/cli/serve.ts spawnServer). The first start must succeed (its error
 * is thrown: a port in use is not worth retrying); a restart that fails counts as one more crash.
 */
export async function supervise(
  start: () => Promise<ServerProcess>,
  say: (line: string) => void,
  backoff = new Backoff(),
): Promise<Supervisor> {
  let current: ServerProcess | null = null;
  let stopping = false;
  let timer: NodeJS.Timeout | null = null;
  let wake: (() => void) | null = null;

  const watch = (server: ServerProcess, began: number) => {
    current = server;
    say(`server pid ${server.child.pid} ready`);
    server.child.once("exit", (code, signal) => {
      current = null;
      if (!stopping) void restart(Date.now() - began, describeExit(code, signal));
    });
  };

  const run = async (): Promise<void> => {
    const began = Date.now();
    let server: ServerProcess;
    try {
      server = await start();
    } catch (error) {
      return restart(Date.now() - began, `failed to start (${(error as Error).message})`);
    }
    if (stopping) await server.stop();
    else watch(server, began);
  };

  const restart = async (ranMs: number, why: string): Promise<void> => {
    const delay = backoff.next(ranMs);
    say(`server ${why} after ${(ranMs / 1000).toFixed(1)} s: starting it again in ${(delay / 1000).toFixed(1)} s`);
    await new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, delay);
    });
    timer = null;
    wake = null;
    if (!stopping) await run();
  };

  const stop = async () => {
    stopping = true;
    if (timer) clearTimeout(timer);
    wake?.();
    await current?.stop();
  };

  watch(await start(), Date.now());
  return { stop };
}
