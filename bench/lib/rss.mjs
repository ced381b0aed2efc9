// Peak resident memory of process trees: VmRSS of a process plus all its descendants, sampled
// from /proc (Linux only; elsewhere the peak stays null).
import { readdirSync, readFileSync } from "node:fs";

function parentMap() {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // The process ended while we read.
    }
  }
  return children;
}

function rssKb(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function treeRssMb(pid, children = parentMap()) {
  let total = 0;
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop();
    total += rssKb(current);
    pending.push(...(children.get(current) ?? []));
  }
  return total / 1024;
}

/** Samples each named process tree every `intervalMs` until stop(); stop() returns the peaks in MB. */
export function sampleRss(pids, intervalMs = 250) {
  const peaks = Object.fromEntries(Object.keys(pids()).map((name) => [name, null]));
  const sample = () => {
    let children;
    try {
      children = parentMap();
    } catch {
      return;
    }
    for (const [name, pid] of Object.entries(pids())) {
      if (!pid) continue;
      const mb = treeRssMb(pid, children);
      peaks[name] = Math.max(peaks[name] ?? 0, mb);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}

/** CPU time (user + system, ms) used so far by a process and its descendants. */
export function treeCpuMs(pid, children = parentMap()) {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  const pending = [pid];
  while (pending.length) {
    const current = pending.pop();
    try {
      const stat = readFileSync(`/proc/${current}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // ended
    }
    pending.push(...(children.get(current) ?? []));
  }
  return total;
}
