/** Milliseconds of CPU (user and system, every thread of the process) and of wall clock a function takes. */
export function time<T>(fn: () => T): { cpu: number; wall: number; result: T } {
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const result = fn();
  const cpu = process.cpuUsage(cpuStart);
  return { cpu: (cpu.user + cpu.system) / 1000, wall: Number(process.hrtime.bigint() - wallStart) / 1e6, result };
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
