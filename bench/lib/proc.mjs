// CPU time and memory of a process tree, read from /proc (Linux only).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100;

/** @param {number} pid */
function statFields(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/**
 * The root and every descendant alive now.
 * @param {number} root
 */
export function treePids(root) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const fields = statFields(Number(name));
    if (!fields) continue;
    const parent = Number(fields[1]);
    const list = children.get(parent) ?? [];
    list.push(Number(name));
    children.set(parent, list);
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i++) pids.push(...(children.get(pids[i] ?? -1) ?? []));
  return pids;
}

/**
 * CPU time (user + system, including reaped children) of these processes, in ms.
 * @param {number[]} pids
 */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    const fields = statFields(pid);
    // utime, stime, cutime, cstime are fields 14–17 of stat; 12–15 after the name.
    if (fields) for (const i of [11, 12, 13, 14]) ticks += Number(fields[i] ?? 0);
  }
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * A field of /proc/<pid>/status summed over these processes, in MB (VmRSS now, VmHWM peak).
 * @param {number[]} pids
 * @param {'VmRSS' | 'VmHWM'} field
 */
export function memoryMb(pids, field) {
  let kb = 0;
  for (const pid of pids) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
      kb += Number(match?.[1] ?? 0);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return kb / 1024;
}

/**
 * Time the root's main thread spent runnable but waiting for a CPU (ms): how much the rest of
 * the machine delayed it. Field 2 of /proc/<pid>/schedstat, in ns.
 * @param {number} pid
 */
export function runQueueWaitMs(pid) {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e6;
  } catch {
    return 0;
  }
}

/**
 * CPU time of the root's main thread alone (ms): the JavaScript thread, where every token is
 * relayed. With its run-queue wait it tells how close that one thread is to saturation.
 * @param {number} pid
 */
function mainThreadMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return 0;
  }
}

/** Busy and total CPU time of the whole machine so far (ms), from /proc/stat. */
function machineMs() {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  const total = fields.reduce((sum, v) => sum + v, 0);
  return { busy: ((total - idle) * 1000) / ticksPerSecond, total: (total * 1000) / ticksPerSecond };
}

/**
 * Samples the tree's RSS while a measurement runs; CPU from the difference of two readings.
 * Several roots (instances of the app) add up; their main threads' times too.
 * @param {number | number[]} roots
 * @param {number} [intervalMs]
 */
export function startUsage(roots, intervalMs = 100) {
  const rootList = [roots].flat();
  // The server's tree is fixed once it serves; listing /proc on every sample would cost more.
  const pids = rootList.flatMap(treePids);
  const sumOver = (/** @type {(pid: number) => number} */ read) =>
    rootList.reduce((sum, pid) => sum + read(pid), 0);
  const cpuStart = cpuMs(pids);
  const waitStart = sumOver(runQueueWaitMs);
  const machineStart = machineMs();
  const mainStart = sumOver(mainThreadMs);
  const started = performance.now();
  let peakRssMb = memoryMb(pids, 'VmRSS');
  let sum = 0;
  let samples = 0;
  const timer = setInterval(() => {
    const rss = memoryMb(pids, 'VmRSS');
    peakRssMb = Math.max(peakRssMb, rss);
    sum += rss;
    samples += 1;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const wallMs = performance.now() - started;
      const cpu = cpuMs(pids) - cpuStart;
      return {
        wallMs: Math.round(wallMs),
        cpuMs: Math.round(cpu),
        cores: Math.round((cpu / wallMs) * 1000) / 1000,
        peakRssMb: Math.round(peakRssMb),
        meanRssMb: samples ? Math.round(sum / samples) : Math.round(peakRssMb),
        processes: pids.length,
        runQueueWaitMs: Math.round(sumOver(runQueueWaitMs) - waitStart),
        mainThreadMs: Math.round(sumOver(mainThreadMs) - mainStart),
        // Every process on the machine, this one included: how busy the cores were meanwhile.
        machineCores: Math.round(((machineMs().busy - machineStart.busy) / wallMs) * 100) / 100,
      };
    },
  };
}
