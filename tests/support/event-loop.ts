// How long the calling thread's event loop was held up while something ran. A timer firing late says the
// loop was held up, but on a busy host (several test suites on 2 cores) a thread also waits for a core,
// which a delay histogram cannot tell from JavaScript running. On Linux the thread's own CPU time
// (/proc/thread-self/stat, in ticks of 10 ms) tells which it was: `longestBusyMs` is the most CPU the
// thread used between two ticks of the timer, `longestGapMs` the latest a tick came.
import fs from "node:fs";

const STAT = "/proc/thread-self/stat";
const TICK_MS = 10;

function threadCpuMs(): number | null {
  try {
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th, stime the 15th.
    const fields = fs.readFileSync(STAT, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export function watchEventLoop(intervalMs = 5) {
  let last = performance.now();
  let lastCpu = threadCpuMs();
  let longestGapMs = 0;
  let longestBusyMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const cpu = threadCpuMs();
    const gap = now - last;
    longestGapMs = Math.max(longestGapMs, gap - intervalMs);
    // Without per-thread CPU time, every late tick counts as busy.
    longestBusyMs = Math.max(
      longestBusyMs,
      cpu === null || lastCpu === null ? gap - intervalMs : Math.min(gap, cpu - lastCpu),
    );
    last = now;
    lastCpu = cpu;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { longestGapMs: Math.round(longestGapMs), longestBusyMs: Math.round(longestBusyMs) };
    },
  };
}
