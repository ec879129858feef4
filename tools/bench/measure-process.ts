import { spawn } from 'node:child_process';

/** What one fresh `node` process cost. */
export interface ProcessCost {
  /** Wall time from spawn to exit, in milliseconds (includes node's own start-up). */
  readonly wallMs: number;
  /** CPU time, user plus system, in milliseconds: unlike wall time, barely moved by other load on the machine. */
  readonly cpuMs: number;
  /** Peak resident memory of the process (getrusage's maxrss), in MiB. */
  readonly peakMiB: number;
}

/** Props of {@link measureNodeProcess}. */
export interface MeasureProps {
  /** Node options before the script, e.g. `['-r', 'ts-node/register/transpile-only']`. @default [] */
  readonly nodeOptions?: readonly string[];
  /** The script the process runs (absolute, or relative to `cwd`). */
  readonly script: string;
  /** Arguments after the script (its `process.argv.slice(2)`). @default [] */
  readonly args?: readonly string[];
  /** Working folder. */
  readonly cwd: string;
  /** Extra environment on top of this process's. @default {} */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Node has no rusage for children (and `/usr/bin/time` is not everywhere), so the
 * child itself writes `process.resourceUsage()` to file descriptor 3 as it exits.
 */
const REPORT_USAGE_THEN_RUN = [
  "process.on('exit', () => require('node:fs').writeSync(3, JSON.stringify(process.resourceUsage())));",
  "require(require('node:path').resolve(process.argv[1]));",
].join(' ');

/** Runs a script in a fresh `node` process and measures its wall time and peak memory; rejects if it fails. */
export function measureNodeProcess(props: MeasureProps): Promise<ProcessCost> {
  const args = [...(props.nodeOptions ?? []), '-e', REPORT_USAGE_THEN_RUN, props.script, ...(props.args ?? [])];
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, {
    cwd: props.cwd,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...props.env },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let usage = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  (child.stdio[3] as NodeJS.ReadableStream).on('data', (chunk: Buffer) => (usage += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0 || !usage) {
        const command = [...(props.nodeOptions ?? []), props.script, ...(props.args ?? [])].join(' ');
        reject(new Error(`node ${command} exited ${code}:\n${stderr}`));
        return;
      }
      const { maxRSS, userCPUTime, systemCPUTime } = JSON.parse(usage) as NodeJS.ResourceUsage;
      resolve({ wallMs, cpuMs: (userCPUTime + systemCPUTime) / 1000, peakMiB: maxRSS / 1024 });
    });
  });
}

/**
 * Measures `runs` fresh processes one after another and keeps the median of each
 * measure, after one unmeasured run that warms the file cache (a developer's
 * second synth, not a cold boot).
 */
export async function measureMedian(props: MeasureProps, runs: number): Promise<ProcessCost> {
  await measureNodeProcess(props);
  const costs: ProcessCost[] = [];
  for (let i = 0; i < runs; i++) costs.push(await measureNodeProcess(props));
  return {
    wallMs: median(costs.map((c) => c.wallMs)),
    cpuMs: median(costs.map((c) => c.cpuMs)),
    peakMiB: median(costs.map((c) => c.peakMiB)),
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
