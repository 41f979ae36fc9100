/** Seconds a synchronous function takes. */
export function timed(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * CPU seconds (user + system) a synchronous function takes in this process. On a
 * machine shared with other work, wall-clock time includes waiting for a core;
 * single-threaded CPU time is what the function costs on a core of its own.
 */
export function cpuTimed(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Max minus min: how much runs disagree. */
export function spread(values: readonly number[]): number {
  return Math.max(...values) - Math.min(...values);
}
